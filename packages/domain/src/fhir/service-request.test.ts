import { describe, expect, it } from 'vitest';
import { SYSTEM } from './common.ts';
import { expectValidFhir } from './fhir-schema.fixture.ts';
import { toFhirServiceRequest } from './service-request.ts';

describe('ServiceRequest (referral)', () => {
  const sr = toFhirServiceRequest({
    id: '11111111-1111-4111-8111-111111111111',
    patientId: '22222222-2222-4222-8222-222222222222',
    providerId: '33333333-3333-4333-8333-333333333333',
    providerNpi: '1234567893',
    providerName: 'Ana Reyes, MD',
    status: 'active',
    updatedAt: new Date('2025-03-03T10:00:00Z'),
    referral: {
      dateWritten: '2025-03-01',
      diagnoses: ['M54.50', 'M62.830'],
      frequency: { timesPerWeek: 2 },
      durationWeeks: 6,
      visitsAuthorized: 10,
      validFrom: '2025-03-01',
      validUntil: '2025-04-30',
      precautions: { text: 'No deep pressure on the lumbar spine', items: [] },
      goals: ['Sit for an hour'],
    },
  });

  it('validates against the R4 schema', () => expectValidFhir(sr));

  it('names the requester by NPI and the diagnoses in ICD-10-CM', () => {
    expect(sr.requester).toMatchObject({
      reference: 'Practitioner/33333333-3333-4333-8333-333333333333',
      identifier: { system: SYSTEM.npi, value: '1234567893' },
    });
    expect(sr.reasonCode?.map((c) => c.coding?.[0]?.code)).toEqual(['M54.50', 'M62.830']);
    expect(sr.reasonCode?.every((c) => c.coding?.[0]?.system === SYSTEM.icd10cm)).toBe(true);
  });

  it('gives 2×/week within the validity period, 12 ordered and 10 authorised visits', () => {
    expect(sr.occurrenceTiming?.repeat).toMatchObject({
      frequency: 2,
      period: 1,
      periodUnit: 'wk',
      count: 12,
      boundsPeriod: { start: '2025-03-01', end: '2025-04-30' },
    });
    expect(sr.quantityQuantity?.value).toBe(10);
    expect(sr.authoredOn).toBe('2025-03-01');
  });
});
