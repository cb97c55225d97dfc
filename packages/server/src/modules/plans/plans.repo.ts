import { sql } from 'kysely';
import type { Tx } from '../../platform/tenancy.ts';

export function insertPlan(
  tx: Tx,
  p: {
    organizationId: string;
    patientId: string;
    referralId: string;
    assessmentId: string;
    createdBy: string;
  },
) {
  return tx
    .insertInto('plans')
    .values({
      organization_id: p.organizationId,
      patient_id: p.patientId,
      referral_id: p.referralId,
      assessment_id: p.assessmentId,
      created_by: p.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function insertVersion(
  tx: Tx,
  v: {
    organizationId: string;
    planId: string;
    version: number;
    content: unknown;
    reason: string;
    safety: unknown;
    changedBy: string;
  },
) {
  return tx
    .insertInto('plan_versions')
    .values({
      organization_id: v.organizationId,
      plan_id: v.planId,
      version: v.version,
      content: JSON.stringify(v.content),
      reason: v.reason,
      safety: JSON.stringify(v.safety),
      changed_by: v.changedBy,
    })
    .execute();
}

/** Moves the plan to its next version only if nobody else did first (optimistic lock). */
export function advanceVersion(tx: Tx, planId: string, fromVersion: number) {
  return tx
    .updateTable('plans')
    .set({ current_version: fromVersion + 1, updated_at: sql`now()` })
    .where('id', '=', planId)
    .where('current_version', '=', fromVersion)
    .returning('current_version')
    .executeTakeFirst();
}

export function getPlan(tx: Tx, id: string) {
  return tx.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listPlans(tx: Tx, patientId: string) {
  return tx
    .selectFrom('plans as p')
    .innerJoin('plan_versions as v', (j) =>
      j.onRef('v.plan_id', '=', 'p.id').onRef('v.version', '=', 'p.current_version'),
    )
    .select([
      'p.id',
      'p.referral_id',
      'p.assessment_id',
      'p.current_version',
      'p.created_at',
      'v.content',
      'v.changed_at',
    ])
    .where('p.patient_id', '=', patientId)
    .orderBy('p.created_at', 'desc')
    .execute();
}

export function versionsOf(tx: Tx, planId: string) {
  return tx
    .selectFrom('plan_versions as v')
    .innerJoin('users as u', 'u.id', 'v.changed_by')
    .select([
      'v.version',
      'v.content',
      'v.reason',
      'v.safety',
      'v.changed_at',
      'v.changed_by',
      'u.name as changed_by_name',
    ])
    .where('v.plan_id', '=', planId)
    .orderBy('v.version')
    .execute();
}
