import { describe, expect, it } from 'vitest';
import { signedVisit } from '../sessions/example-note.fixture.ts';
import { signedNoteSchema } from '../sessions/session-note.schema.ts';
import { noteResources } from './encounter.ts';
import { expectValidFhir } from './fhir-schema.fixture.ts';

const NOTE = '11111111-1111-4111-8111-111111111111';
const row = (note: unknown) => ({
  id: NOTE,
  organizationId: '55555555-5555-4555-8555-555555555555',
  patientId: '22222222-2222-4222-8222-222222222222',
  therapistId: '33333333-3333-4333-8333-333333333333',
  referralId: '44444444-4444-4444-8444-444444444444',
  planId: '66666666-6666-4666-8666-666666666666',
  visitDate: '2026-11-23',
  signedAt: new Date('2026-11-23T10:00:00Z'),
  note: signedNoteSchema.parse(note),
});

describe('a signed session note', () => {
  const { encounter, procedures, observations } = noteResources(row(signedVisit));

  it('is a finished Encounter based on the referral, 38 minutes long', () => {
    expectValidFhir(encounter);
    expect(encounter.status).toBe('finished');
    expect(encounter.basedOn?.[0]?.reference).toBe('ServiceRequest/44444444-4444-4444-8444-444444444444');
    expect(encounter.length?.value).toBe(38);
    expect(encounter.period?.start).toBe('2026-11-23T09:00:00Z');
  });

  it('has one Procedure per technique with its body site, CPT code and dose', () => {
    expect(procedures).toHaveLength(3);
    for (const p of procedures) expectValidFhir(p);
    expect(procedures[0]?.bodySite?.[0]?.coding?.[0]?.code).toBe('gluteal-left');
    expect(procedures[0]?.code?.coding?.map((c) => c.code)).toEqual(['myofascial_release', '97140']);
    expect(procedures[1]?.note?.[0]?.text).toBe('10 min, pressure 2/5, side-lying; gluteus medius');
    expect(procedures[0]?.encounter?.reference).toBe(`Encounter/${NOTE}`);
  });

  it('records NPRS before and after treatment', () => {
    for (const o of observations) expectValidFhir(o);
    expect(observations.map((o) => [o.id?.slice(0, 2), o.valueInteger])).toEqual([
      ['pb', 6],
      ['pa', 3],
    ]);
  });

  it('makes a postponed visit a cancelled Encounter without procedures', () => {
    const postponed = noteResources(
      row({
        patientId: 'p',
        visitDate: '2026-11-23',
        outcome: 'postponed',
        postponedReason: 'Fever of 38.2 °C',
        subjective: { screeningId: 's' },
      }),
    );
    expectValidFhir(postponed.encounter);
    expect(postponed.encounter.status).toBe('cancelled');
    expect(postponed.encounter.reasonCode?.[0]?.text).toBe('Fever of 38.2 °C');
    expect(postponed.procedures).toEqual([]);
  });
});
