import type { Referral } from '@fascia/domain/referrals/referral.schema';
import {
  describeReferralReason,
  type ReferralStatusResult,
  referralStatus,
} from '@fascia/domain/referrals/referral-status';
import { clinicToday } from '../../platform/patient-access.ts';
import type { Tx } from '../../platform/tenancy.ts';
import { visitsUsed } from './referrals.repo.ts';

export interface ReferralStanding extends ReferralStatusResult {
  visitsUsed: number;
  explanation: string[];
}

/**
 * Referrals' status today, as the clinic counts it: its own day (time zone), its own "expiring
 * soon" thresholds and the visits already documented. One place for the chart and the note gate.
 */
export async function referralStandings(
  tx: Tx,
  referrals: ReadonlyArray<{ id: string; data: unknown }>,
): Promise<Map<string, ReferralStanding>> {
  const standings = new Map<string, ReferralStanding>();
  if (referrals.length === 0) return standings;
  const org = await tx
    .selectFrom('organizations')
    .select(['time_zone', 'referral_expiring_days', 'referral_expiring_visits'])
    .executeTakeFirstOrThrow();
  const today = clinicToday(org.time_zone);
  const used = await visitsUsed(
    tx,
    referrals.map((r) => r.id),
  );
  for (const r of referrals) {
    const visits = used.get(r.id) ?? 0;
    const status = referralStatus(
      r.data as Pick<Referral, 'validFrom' | 'validUntil' | 'visitsAuthorized'>,
      { asOf: today, visitsUsed: visits },
      { expiringWithinDays: org.referral_expiring_days, visitsLeftAtMost: org.referral_expiring_visits },
    );
    standings.set(r.id, {
      ...status,
      visitsUsed: visits,
      explanation: status.reasons.map(describeReferralReason),
    });
  }
  return standings;
}
