/**
 * Whether a referral can still cover a visit. Computed, never stored: it changes with the date and
 * with every signed session note. Visits used are counted by the caller from the signed notes
 * linked to the referral.
 */
import { daysBetween, type IsoDate } from '../patients/calendar-date.ts';
import type { Referral } from './referral.schema.ts';

export type ReferralStatus = 'not_yet_valid' | 'active' | 'expiring_soon' | 'exhausted' | 'expired';

export interface ReferralStatusThresholds {
  /** "Expiring soon" when this many days or fewer remain (counting the last valid day). */
  expiringWithinDays: number;
  /** "Expiring soon" when this many authorised visits or fewer remain. */
  visitsLeftAtMost: number;
}

export const DEFAULT_REFERRAL_THRESHOLDS: ReferralStatusThresholds = {
  expiringWithinDays: 14,
  visitsLeftAtMost: 2,
};

export type ReferralStatusReason =
  | { code: 'starts_later'; validFrom: IsoDate }
  | { code: 'expired'; validUntil: IsoDate }
  | { code: 'visits_used_up'; used: number; authorized: number }
  | { code: 'few_days_left'; daysLeft: number }
  | { code: 'few_visits_left'; visitsLeft: number };

export interface ReferralStatusResult {
  status: ReferralStatus;
  reasons: ReferralStatusReason[];
  /** Days the referral still covers including asOf; 0 once expired. */
  daysLeft: number;
  /** Undefined when the payer set no visit limit. */
  visitsLeft?: number;
}

export interface ReferralUsage {
  asOf: IsoDate;
  visitsUsed: number;
}

/** The most blocking status wins; reasons list everything that applies, for the chart to explain. */
const PRIORITY: ReferralStatus[] = ['expired', 'exhausted', 'not_yet_valid', 'expiring_soon', 'active'];

const STATUS_OF: Record<ReferralStatusReason['code'], ReferralStatus> = {
  expired: 'expired',
  visits_used_up: 'exhausted',
  starts_later: 'not_yet_valid',
  few_days_left: 'expiring_soon',
  few_visits_left: 'expiring_soon',
};

export function referralStatus(
  referral: Pick<Referral, 'validFrom' | 'validUntil' | 'visitsAuthorized'>,
  usage: ReferralUsage,
  thresholds: ReferralStatusThresholds = DEFAULT_REFERRAL_THRESHOLDS,
): ReferralStatusResult {
  const reasons: ReferralStatusReason[] = [];
  const daysLeft = Math.max(0, daysBetween(usage.asOf, referral.validUntil) + 1);
  const authorized = referral.visitsAuthorized;
  const visitsLeft = authorized === undefined ? undefined : Math.max(0, authorized - usage.visitsUsed);

  if (usage.asOf < referral.validFrom) reasons.push({ code: 'starts_later', validFrom: referral.validFrom });
  if (usage.asOf > referral.validUntil) reasons.push({ code: 'expired', validUntil: referral.validUntil });
  if (authorized !== undefined && usage.visitsUsed >= authorized) {
    reasons.push({ code: 'visits_used_up', used: usage.visitsUsed, authorized });
  }
  if (daysLeft > 0 && daysLeft <= thresholds.expiringWithinDays)
    reasons.push({ code: 'few_days_left', daysLeft });
  if (visitsLeft !== undefined && visitsLeft > 0 && visitsLeft <= thresholds.visitsLeftAtMost) {
    reasons.push({ code: 'few_visits_left', visitsLeft });
  }

  const present = new Set(reasons.map((reason) => STATUS_OF[reason.code]));
  const status = PRIORITY.find((candidate) => present.has(candidate)) ?? 'active';
  return { status, reasons, daysLeft, ...(visitsLeft === undefined ? {} : { visitsLeft }) };
}

/** Plain words for a reason, as the chart and the referral form show them. */
export function describeReferralReason(reason: ReferralStatusReason): string {
  switch (reason.code) {
    case 'starts_later':
      return `Valid from ${reason.validFrom}.`;
    case 'expired':
      return `Expired after ${reason.validUntil}.`;
    case 'visits_used_up':
      return `All ${reason.authorized} authorised visits used (${reason.used}).`;
    case 'few_days_left':
      return `${reason.daysLeft} day${reason.daysLeft === 1 ? '' : 's'} left.`;
    case 'few_visits_left':
      return `${reason.visitsLeft} visit${reason.visitsLeft === 1 ? '' : 's'} left.`;
  }
}
