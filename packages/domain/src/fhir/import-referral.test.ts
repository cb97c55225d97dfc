import type { Bundle } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { SYSTEM } from './common.ts';
import { parseReferralBundle } from './import-referral.ts';

/** A referral as a physician's EHR sends it: transaction Bundle with ServiceRequest, Patient, Practitioner, Condition. */
export function referralBundle(over: { npi?: string; diagnosis?: string; birthDate?: string } = {}): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      {
        fullUrl: 'urn:uuid:sr',
        resource: {
          resourceType: 'ServiceRequest',
          status: 'active',
          intent: 'order',
          subject: { reference: 'urn:uuid:pat' },
          requester: { reference: 'urn:uuid:doc' },
          authoredOn: '2025-03-01',
          reasonCode: [{ coding: [{ system: SYSTEM.icd10cm, code: over.diagnosis ?? 'M54.50' }] }],
          reasonReference: [{ reference: 'urn:uuid:cond' }],
          occurrenceTiming: {
            repeat: {
              frequency: 2,
              period: 1,
              periodUnit: 'wk',
              boundsDuration: { value: 6, unit: 'wk', code: 'wk', system: SYSTEM.ucum },
            },
          },
          quantityQuantity: { value: 12 },
        },
      },
      {
        fullUrl: 'urn:uuid:pat',
        resource: {
          resourceType: 'Patient',
          name: [{ use: 'official', family: 'Okafor', given: ['Chidi'] }],
          birthDate: over.birthDate ?? '1975-09-14',
          gender: 'male',
          telecom: [{ system: 'phone', value: '+1 555 010 7000' }],
        },
      },
      {
        fullUrl: 'urn:uuid:doc',
        resource: {
          resourceType: 'Practitioner',
          identifier: [{ system: SYSTEM.npi, value: over.npi ?? '1234567893' }],
          name: [{ family: 'Reyes', given: ['Ana'], suffix: ['MD'] }],
        },
      },
      {
        fullUrl: 'urn:uuid:cond',
        resource: {
          resourceType: 'Condition',
          subject: { reference: 'urn:uuid:pat' },
          code: { coding: [{ system: SYSTEM.icd10cm, code: 'M62.830' }] },
        },
      },
    ],
  };
}

describe('reading a referral bundle', () => {
  it('reads patient, provider and referral: 2×/week for 6 weeks, 12 visits, two diagnoses', () => {
    const result = parseReferralBundle(referralBundle());
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const { patient, provider, referral } = result.value;
    expect(patient.legalName).toEqual({ given: 'Chidi', family: 'Okafor' });
    expect(patient.consents.treatment.given).toBe(false);
    expect(provider).toMatchObject({ npi: '1234567893', credentials: ['MD'] });
    expect(referral).toMatchObject({
      dateWritten: '2025-03-01',
      diagnoses: ['M54.50', 'M62.830'],
      frequency: { timesPerWeek: 2 },
      durationWeeks: 6,
      visitsAuthorized: 12,
      validFrom: '2025-03-01',
      validUntil: '2025-04-12',
    });
  });

  it('names each problem by its element: NPI check digit, category code, birth date', () => {
    const result = parseReferralBundle(
      referralBundle({ npi: '1234567890', diagnosis: 'M54', birthDate: '' }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const where = Object.fromEntries(result.issues.map((i) => [i.expression, i.message]));
    expect(where['Bundle.entry[2].resource.identifier[0].value']).toMatch(/check digit/);
    expect(where['Bundle.entry[1].resource.birthDate']).toBeDefined();
    expect(where['Bundle.entry[0].resource.reasonCode[0].coding[0].code']).toMatch(/category/);
  });

  it('refuses what is not a referral bundle', () => {
    expect(parseReferralBundle({ resourceType: 'Patient' })).toEqual({
      ok: false,
      issues: [{ expression: 'Bundle', message: 'Send a Bundle resource.' }],
    });
    const none = parseReferralBundle({ resourceType: 'Bundle', type: 'transaction', entry: [] });
    expect(none.ok).toBe(false);
  });
});
