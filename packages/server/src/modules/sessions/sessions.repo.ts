import { sql } from 'kysely';
import type { Tx } from '../../platform/tenancy.ts';

export function insertNote(
  tx: Tx,
  n: {
    organizationId: string;
    patientId: string;
    screeningId: string;
    planId: string | null;
    referralId: string | null;
    visitDate: string;
    therapistId: string;
    outcome: 'treated' | 'postponed';
    content: unknown;
  },
) {
  return tx
    .insertInto('session_notes')
    .values({
      organization_id: n.organizationId,
      patient_id: n.patientId,
      screening_id: n.screeningId,
      plan_id: n.planId,
      referral_id: n.referralId,
      visit_date: n.visitDate,
      therapist_id: n.therapistId,
      outcome: n.outcome,
      content: JSON.stringify(n.content),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function getNote(tx: Tx, id: string) {
  return tx.selectFrom('session_notes').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listNotes(tx: Tx, patientId: string, limit: number) {
  return tx
    .selectFrom('session_notes')
    .select([
      'id',
      'visit_date',
      'status',
      'outcome',
      'therapist_id',
      'signed_at',
      'late_entry',
      'billing',
      'referral_id',
      'plan_id',
    ])
    .where('patient_id', '=', patientId)
    .orderBy('visit_date', 'desc')
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

export function lastSignedNote(tx: Tx, patientId: string) {
  return tx
    .selectFrom('session_notes')
    .select(['id', 'content'])
    .where('patient_id', '=', patientId)
    .where('status', '=', 'signed')
    .orderBy('visit_date', 'desc')
    .orderBy('signed_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function saveDraft(
  tx: Tx,
  id: string,
  version: number,
  outcome: 'treated' | 'postponed',
  content: unknown,
) {
  return tx
    .updateTable('session_notes')
    .set({ content: JSON.stringify(content), outcome, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
}

export function markSigned(
  tx: Tx,
  id: string,
  version: number,
  s: {
    content: unknown;
    outcome: 'treated' | 'postponed';
    hash: string;
    signedBy: string;
    billing: unknown;
    lateEntry: boolean;
    referralOverride: string | null;
  },
) {
  return tx
    .updateTable('session_notes')
    .set({
      status: 'signed',
      content: JSON.stringify(s.content),
      outcome: s.outcome,
      content_hash: s.hash,
      signed_by: s.signedBy,
      signed_at: sql`now()`,
      billing: JSON.stringify(s.billing),
      late_entry: s.lateEntry,
      referral_override: s.referralOverride,
      version: sql`version + 1`,
    })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
}
