import { describe, expect, it } from 'vitest';
import {
  emptyReferralForm,
  liveStatus,
  referralField,
  validateReferralForm,
} from './referral-form-values.ts';

describe('referral form', () => {
  const valid = {
    ...emptyReferralForm('2026-03-01'),
    providerId: 'provider',
    diagnoses: ['M54.31'],
    timesPerWeek: 2,
    durationWeeks: 6,
    visitsAuthorized: 12,
    validUntil: '2026-04-12',
  };

  it('accepts the flagship referral and shows it active today', () => {
    expect(validateReferralForm(valid)).toEqual({});
    expect(liveStatus(valid, '2026-03-01')?.result).toMatchObject({ status: 'active', visitsLeft: 12 });
  });

  it('puts a category code and an end before the start under their inputs', () => {
    const errors = validateReferralForm({ ...valid, diagnoses: ['M54.5'], validUntil: '2026-02-01' });
    expect(errors.diagnoses).toMatch(/category/);
    expect(errors.validUntil).toMatch(/before/);
  });

  it('maps server paths onto the form', () => {
    expect(referralField('diagnoses.0')).toBe('diagnoses');
    expect(referralField('frequency.timesPerWeek')).toBe('timesPerWeek');
    expect(referralField('precautions.items.0.regions')).toBe('precautions');
  });
});
