import type { PlanOfCare } from '@fascia/domain/plans/plan-of-care.schema';
import type { Referral } from '@fascia/domain/referrals/referral.schema';
import { describeReferralReason, referralStatus } from '@fascia/domain/referrals/referral-status';
import type { ScreeningFinding } from '@fascia/domain/screening/types';
import { clinicToday } from '../../platform/patient-access.ts';
import type { Tx } from '../../platform/tenancy.ts';
import { visitsUsed } from '../referrals/referrals.repo.ts';

export interface NoteContext {
  screening: {
    id: string;
    asOf: string;
    decision: 'proceed' | 'proceed_with_care' | 'stop';
    findings: ScreeningFinding[];
  };
  planGoalIds: string[];
  referral: { id: string; status: string; explanation: string[]; blocksSigning: boolean } | null;
  today: string;
}

/** What a note is judged against: its day-of screening, its plan's goals, its referral's status. */
export async function loadNoteContext(
  tx: Tx,
  note: { screening_id: string; plan_id: string | null; referral_id: string | null },
): Promise<NoteContext> {
  const org = await tx
    .selectFrom('organizations')
    .select(['time_zone', 'referral_expiring_days', 'referral_expiring_visits'])
    .executeTakeFirstOrThrow();
  const today = clinicToday(org.time_zone);
  const screening = await tx
    .selectFrom('screenings')
    .select(['id', 'as_of', 'decision', 'findings'])
    .where('id', '=', note.screening_id)
    .executeTakeFirstOrThrow();
  let planGoalIds: string[] = [];
  if (note.plan_id) {
    const plan = await tx
      .selectFrom('plans as p')
      .innerJoin('plan_versions as v', (j) =>
        j.onRef('v.plan_id', '=', 'p.id').onRef('v.version', '=', 'p.current_version'),
      )
      .select('v.content')
      .where('p.id', '=', note.plan_id)
      .executeTakeFirst();
    planGoalIds = ((plan?.content as PlanOfCare | undefined)?.goals ?? []).map((g) => g.id);
  }
  let referral: NoteContext['referral'] = null;
  if (note.referral_id) {
    const row = await tx
      .selectFrom('referrals')
      .select(['id', 'data'])
      .where('id', '=', note.referral_id)
      .executeTakeFirst();
    if (row) {
      const used = (await visitsUsed(tx, [row.id])).get(row.id) ?? 0;
      const status = referralStatus(
        row.data as Referral,
        { asOf: today, visitsUsed: used },
        { expiringWithinDays: org.referral_expiring_days, visitsLeftAtMost: org.referral_expiring_visits },
      );
      referral = {
        id: row.id,
        status: status.status,
        explanation: status.reasons.map(describeReferralReason),
        blocksSigning:
          status.status === 'expired' || status.status === 'exhausted' || status.status === 'not_yet_valid',
      };
    }
  }
  return {
    screening: {
      id: screening.id,
      asOf: screening.as_of,
      decision: screening.decision,
      findings: screening.findings as ScreeningFinding[],
    },
    planGoalIds,
    referral,
    today,
  };
}
