import type { Tx } from '../../platform/tenancy.ts';

export function insertScreening(
  tx: Tx,
  s: {
    organizationId: string;
    patientId: string;
    asOf: string;
    answers: unknown;
    findings: unknown;
    decision: 'proceed' | 'proceed_with_care' | 'stop';
    overrides: unknown;
    acknowledgedBy: string;
  },
) {
  return tx
    .insertInto('screenings')
    .values({
      organization_id: s.organizationId,
      patient_id: s.patientId,
      as_of: s.asOf,
      answers: JSON.stringify(s.answers),
      findings: JSON.stringify(s.findings),
      decision: s.decision,
      overrides: JSON.stringify(s.overrides),
      acknowledged_by: s.acknowledgedBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listScreenings(tx: Tx, patientId: string, limit: number) {
  return tx
    .selectFrom('screenings')
    .selectAll()
    .where('patient_id', '=', patientId)
    .orderBy('as_of', 'desc')
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

export function getScreening(tx: Tx, id: string) {
  return tx.selectFrom('screenings').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Structured precautions of the referrals that cover the patient on the given day. */
export async function activePrecautions(tx: Tx, patientId: string, asOf: string) {
  const rows = await tx
    .selectFrom('referrals')
    .select('data')
    .where('patient_id', '=', patientId)
    .where('valid_from', '<=', asOf)
    .where('valid_until', '>=', asOf)
    .execute();
  return rows.flatMap(
    (r) => ((r.data as { precautions?: { items?: unknown[] } }).precautions?.items ?? []) as never[],
  );
}
