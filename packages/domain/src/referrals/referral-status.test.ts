/**
 * Source: the referral rules of the product's issue 3 (status active, expiring soon by days or
 * visits left, exhausted when visits used reach the authorised number, expired after the last valid
 * day); visit authorisation as payers issue it (a number of visits within a date range).
 */
import { describe, expect, it } from 'vitest';
import { describeReferralReason, referralStatus } from './referral-status.ts';

const referral = { validFrom: '2026-11-01', validUntil: '2026-12-31', visitsAuthorized: 12 };

describe('referralStatus', () => {
  it.each([
    // asOf, visits used, status, reason codes
    ['2026-11-23', 0, 'active', []],
    ['2026-10-31', 0, 'not_yet_valid', ['starts_later']],
    ['2026-11-01', 0, 'active', []],
    ['2026-12-17', 3, 'active', []], // 15 days left
    ['2026-12-18', 3, 'expiring_soon', ['few_days_left']], // 14 days left
    ['2026-12-31', 3, 'expiring_soon', ['few_days_left']],
    ['2027-01-01', 3, 'expired', ['expired']],
    ['2026-11-23', 9, 'active', []], // 3 visits left
    ['2026-11-23', 10, 'expiring_soon', ['few_visits_left']], // 2 left
    ['2026-11-23', 12, 'exhausted', ['visits_used_up']],
    ['2026-11-23', 13, 'exhausted', ['visits_used_up']],
    ['2027-02-01', 12, 'expired', ['expired', 'visits_used_up']],
  ])('as of %s with %i visits used → %s', (asOf, visitsUsed, status, codes) => {
    const result = referralStatus(referral, { asOf, visitsUsed });
    expect(result.status).toBe(status);
    expect(result.reasons.map((reason) => reason.code)).toEqual(codes);
  });

  it('counts days and visits left', () => {
    expect(referralStatus(referral, { asOf: '2026-12-31', visitsUsed: 4 })).toMatchObject({
      daysLeft: 1,
      visitsLeft: 8,
    });
    expect(referralStatus(referral, { asOf: '2027-01-05', visitsUsed: 14 })).toMatchObject({
      daysLeft: 0,
      visitsLeft: 0,
    });
  });

  it('ignores visits when the payer set no limit', () => {
    const result = referralStatus(
      { ...referral, visitsAuthorized: undefined },
      { asOf: '2026-11-23', visitsUsed: 40 },
    );
    expect(result).toEqual({ status: 'active', reasons: [], daysLeft: 39 });
  });

  it('takes the clinic thresholds', () => {
    const thresholds = { expiringWithinDays: 30, visitsLeftAtMost: 0 };
    expect(referralStatus(referral, { asOf: '2026-12-05', visitsUsed: 11 }, thresholds).reasons).toEqual([
      { code: 'few_days_left', daysLeft: 27 },
    ]);
  });

  it('explains each reason in plain words', () => {
    expect(describeReferralReason({ code: 'few_visits_left', visitsLeft: 1 })).toBe('1 visit left.');
    expect(describeReferralReason({ code: 'visits_used_up', used: 12, authorized: 12 })).toBe(
      'All 12 authorised visits used (12).',
    );
  });
});
