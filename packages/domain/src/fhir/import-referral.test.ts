import { describe, expect, it } from 'vitest';
import { referralBundle } from './import-referral.fixture.ts';
import { parseReferralBundle } from './import-referral.ts';

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
