import { sql } from 'kysely';
import type { Tx } from '../../platform/tenancy.ts';

/** Whether the referral is one of this patient's: an assessment names only its own patient's order. */
export async function isPatientReferral(
  tx: Tx,
  organizationId: string,
  patientId: string,
  referralId: string,
): Promise<boolean> {
  const found = await tx
    .selectFrom('referrals')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('patient_id', '=', patientId)
    .where('id', '=', referralId)
    .executeTakeFirst();
  return found !== undefined;
}

export function insertAssessment(
  tx: Tx,
  a: {
    organizationId: string;
    patientId: string;
    referralId: string | null;
    kind: 'initial' | 're_evaluation' | 'discharge';
    performedOn: string;
    therapistId: string;
    content: unknown;
  },
) {
  return tx
    .insertInto('assessments')
    .values({
      organization_id: a.organizationId,
      patient_id: a.patientId,
      referral_id: a.referralId,
      kind: a.kind,
      performed_on: a.performedOn,
      therapist_id: a.therapistId,
      content: JSON.stringify(a.content),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function getAssessment(tx: Tx, id: string) {
  return tx.selectFrom('assessments').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listAssessments(tx: Tx, patientId: string) {
  return tx
    .selectFrom('assessments')
    .select(['id', 'kind', 'performed_on', 'status', 'therapist_id', 'signed_at', 'referral_id'])
    .where('patient_id', '=', patientId)
    .orderBy('performed_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

/** Saves a draft if it is still a draft at the version the form loaded; undefined otherwise. */
export function updateDraft(
  tx: Tx,
  id: string,
  version: number,
  d: {
    referralId: string | null;
    kind: 'initial' | 're_evaluation' | 'discharge';
    performedOn: string;
    content: unknown;
  },
) {
  return tx
    .updateTable('assessments')
    .set({
      referral_id: d.referralId,
      kind: d.kind,
      performed_on: d.performedOn,
      content: JSON.stringify(d.content),
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
}

export function markSigned(tx: Tx, id: string, version: number, contentHash: string, signedBy: string) {
  return tx
    .updateTable('assessments')
    .set({
      status: 'signed',
      content_hash: contentHash,
      signed_by: signedBy,
      signed_at: sql`now()`,
      version: sql`version + 1`,
    })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
}
