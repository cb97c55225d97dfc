import type { PlanOfCare } from '@fascia/domain/plans/plan-of-care.schema';
import type { ScreeningFinding } from '@fascia/domain/screening/types';
import type { Tx } from '../../platform/tenancy.ts';
import { referralStandings } from '../referrals/referral-status.ts';

export interface NoteContext {
  screening: {
    id: string;
    asOf: string;
    decision: 'proceed' | 'proceed_with_care' | 'stop';
    findings: ScreeningFinding[];
  };
  planGoalIds: string[];
  referral: { id: string; status: string; explanation: string[]; blocksSigning: boolean } | null;
}

/** What a note is judged against: its day-of screening, its plan's goals, its referral's status. */
export async function loadNoteContext(
  tx: Tx,
  note: { screening_id: string; plan_id: string | null; referral_id: string | null },
): Promise<NoteContext> {
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
    const standing = row ? (await referralStandings(tx, [row])).get(row.id) : undefined;
    if (row && standing) {
      referral = {
        id: row.id,
        status: standing.status,
        explanation: standing.explanation,
        blocksSigning: ['expired', 'exhausted', 'not_yet_valid'].includes(standing.status),
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
  };
}
