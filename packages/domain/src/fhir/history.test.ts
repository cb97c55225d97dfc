import { describe, expect, it } from 'vitest';
import { SYSTEM } from './common.ts';
import { expectValidFhir } from './fhir-schema.fixture.ts';
import { toFhirAllergy, toFhirCondition, toFhirMedicationStatement } from './history.ts';

const base = {
  id: '11111111-1111-4111-8111-111111111111',
  patientId: '22222222-2222-4222-8222-222222222222',
  recordedAt: '2025-03-03T10:00:00Z',
  recordedBy: '33333333-3333-4333-8333-333333333333',
};
const recorded = { recordedAt: base.recordedAt, recordedBy: base.recordedBy };

describe('health history', () => {
  it('codes a condition in ICD-10-CM with its catalogue wording and body site', () => {
    const c = toFhirCondition({
      ...base,
      item: {
        ...recorded,
        code: 'M54.50',
        status: 'active',
        regions: [{ regionId: 'lumbar' }],
        onset: '2024-11-02',
      },
    });
    expectValidFhir(c);
    expect(c.code?.coding?.[0]).toMatchObject({ system: SYSTEM.icd10cm, code: 'M54.50' });
    expect(c.code?.coding?.[0]?.display).toMatch(/low back pain/i);
    expect(c.clinicalStatus?.coding?.[0]?.code).toBe('active');
    expect(c.bodySite?.[0]?.text).toBe('Low back (lumbar)');
    expect(c.onsetDateTime).toBe('2024-11-02');
  });

  it('keeps an uncoded condition as text and a resolved one with its date', () => {
    const c = toFhirCondition({
      ...base,
      item: { ...recorded, label: 'Old whiplash', status: 'resolved', resolvedOn: '2020-01-01', flare: true },
    });
    expectValidFhir(c);
    expect(c.code).toEqual({ text: 'Old whiplash' });
    expect(c.abatementDateTime).toBe('2020-01-01');
    expect(c.note?.[0]?.text).toMatch(/flare/);
  });

  it('maps an allergy to a massage oil and a medication', () => {
    const a = toFhirAllergy({
      ...base,
      item: {
        ...recorded,
        substance: 'Almond oil',
        category: 'nut_oil',
        severity: 'severe',
        reaction: 'Hives',
      },
    });
    expectValidFhir(a);
    expect(a.criticality).toBe('high');
    expect(a.category).toEqual(['food']);
    const m = toFhirMedicationStatement({
      ...base,
      item: {
        ...recorded,
        name: 'Warfarin',
        class: 'anticoagulant',
        dose: '5 mg daily',
        startedOn: '2024-01-01',
      },
    });
    expectValidFhir(m);
    expect(m.status).toBe('active');
    expect(m.category?.coding?.[0]?.code).toBe('anticoagulant');
    expect(m.dosage?.[0]?.text).toBe('5 mg daily');
  });
});
