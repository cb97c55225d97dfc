import { describe, expect, it } from 'vitest';
import { auditAction, toFhirAuditEvent } from './audit-event.ts';
import { toFhirDocumentReference } from './document-reference.ts';
import { expectValidFhir } from './fhir-schema.fixture.ts';

const row = {
  id: '11111111-1111-4111-8111-111111111111',
  organizationId: '22222222-2222-4222-8222-222222222222',
  seq: '42',
  occurredAt: new Date('2025-03-03T10:00:00Z'),
  actorId: '33333333-3333-4333-8333-333333333333',
  actorEmail: 'therapist@clinic.example',
  action: 'patient.read',
  outcome: 'success' as const,
  patientId: '44444444-4444-4444-8444-444444444444',
  resourceType: 'patient',
  resourceId: '44444444-4444-4444-8444-444444444444',
  ip: '127.0.0.1',
  detail: { route: 'GET /api/patients/:id' },
  hash: 'a'.repeat(64),
};

describe('AuditEvent', () => {
  it('records who read which patient record, from where, with the chain hash', () => {
    const e = toFhirAuditEvent(row);
    expectValidFhir(e);
    expect(e.type.code).toBe('110110');
    expect(e.subtype?.[0]?.code).toBe('patient.read');
    expect(e.action).toBe('R');
    expect(e.agent[0]?.who?.reference).toBe(`Practitioner/${row.actorId}`);
    expect(e.agent[0]?.network?.address).toBe('127.0.0.1');
    expect(e.entity?.[0]?.what?.reference).toBe(`Patient/${row.patientId}`);
    expect(e.entity?.at(-1)?.detail?.[0]?.valueString).toBe(row.hash);
  });

  it('marks a refusal and a sign-in by an unknown account', () => {
    const e = toFhirAuditEvent({
      ...row,
      action: 'auth.sign_in',
      outcome: 'denied',
      actorId: null,
      patientId: null,
    });
    expectValidFhir(e);
    expect(e.type.code).toBe('110114');
    expect(e.outcome).toBe('4');
    expect(e.agent[0]?.who?.display).toBe('therapist@clinic.example');
  });

  it.each([
    ['patient.create', 'C'],
    ['patient.referral.list', 'R'],
    ['fhir.export', 'R'],
    ['patient.update', 'U'],
    ['auth.sign_out', 'E'],
  ] as const)('%s → %s', (action, code) => expect(auditAction(action)).toBe(code));
});

describe('DocumentReference', () => {
  it('points at the stored PDF and names its SHA-256', () => {
    const d = toFhirDocumentReference(
      {
        id: row.id,
        patientId: row.patientId,
        referralId: row.resourceId,
        noteId: null,
        kind: 'progress_report',
        version: 1,
        title: 'Progress report',
        mediaType: 'application/pdf',
        sha256: 'b'.repeat(64),
        sizeBytes: 1234,
        generatedBy: row.actorId,
        createdAt: row.occurredAt,
      },
      'https://clinic.example/api/documents/x/content',
    );
    expectValidFhir(d);
    expect(d.identifier?.[0]?.value).toBe(`ni:///sha-256;${'b'.repeat(64)}`);
    expect(d.content[0]?.attachment.url).toMatch(/content$/);
  });
});
