import { sql } from 'kysely';
import type { DocumentsTable } from '../../db/schema-clinical.ts';
import type { Tx } from '../../platform/tenancy.ts';

export function signedNotesForReferral(tx: Tx, organizationId: string, referralId: string) {
  return tx
    .selectFrom('session_notes')
    .select(['visit_date', 'content', 'signed_at'])
    .where('organization_id', '=', organizationId)
    .where('referral_id', '=', referralId)
    .where('status', '=', 'signed')
    .orderBy('visit_date')
    .orderBy('signed_at')
    .execute();
}

export function outcomeResponses(tx: Tx, patientId: string, from: string, to: string) {
  return tx
    .selectFrom('outcome_responses')
    .select(['instrument_id', 'administered_on', 'result'])
    .where('patient_id', '=', patientId)
    .where('administered_on', '>=', from)
    .where('administered_on', '<=', to)
    .orderBy('administered_on')
    .execute();
}

export function latestPlanFor(tx: Tx, organizationId: string, referralId: string) {
  return tx
    .selectFrom('plans as p')
    .innerJoin('plan_versions as v', (j) =>
      j
        .onRef('v.plan_id', '=', 'p.id')
        .onRef('v.version', '=', 'p.current_version')
        .onRef('v.organization_id', '=', 'p.organization_id'),
    )
    .select(['v.content', 'v.changed_at'])
    .where('p.organization_id', '=', organizationId)
    .where('v.organization_id', '=', organizationId)
    .where('p.referral_id', '=', referralId)
    .orderBy('p.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertDocument(
  tx: Tx,
  d: Pick<
    DocumentsTable,
    | 'organization_id'
    | 'patient_id'
    | 'referral_id'
    | 'note_id'
    | 'kind'
    | 'title'
    | 'sha256'
    | 'size_bytes'
    | 'content'
    | 'generated_by'
  > & { source_hash?: string | null },
) {
  // Versions count per patient, kind and subject (referral or note): "progress report v3".
  const previous = await tx
    .selectFrom('documents')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('patient_id', '=', d.patient_id)
    .where('kind', '=', d.kind)
    .where((eb) =>
      d.note_id
        ? eb('note_id', '=', d.note_id)
        : d.referral_id
          ? eb('referral_id', '=', d.referral_id)
          : sql<boolean>`true`,
    )
    .executeTakeFirst();
  return tx
    .insertInto('documents')
    .values({ ...d, version: Number(previous?.v ?? 0) + 1 })
    .returning(['id', 'version', 'kind', 'title', 'sha256', 'size_bytes', 'created_at'])
    .executeTakeFirstOrThrow();
}

export function listDocuments(tx: Tx, patientId: string) {
  return tx
    .selectFrom('documents as d')
    .innerJoin('users as u', 'u.id', 'd.generated_by')
    .select([
      'd.id',
      'd.kind',
      'd.version',
      'd.title',
      'd.sha256',
      'd.size_bytes',
      'd.created_at',
      'd.referral_id',
      'd.note_id',
      'u.name as generated_by',
    ])
    .where('d.patient_id', '=', patientId)
    .orderBy('d.created_at', 'desc')
    .execute();
}

export function getDocument(tx: Tx, id: string) {
  return tx.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The goals of the plan version a note was written under (the plan's current version). */
export async function planGoals(tx: Tx, organizationId: string, planId: string | null) {
  if (!planId) return [];
  const row = await tx
    .selectFrom('plans as p')
    .innerJoin('plan_versions as v', (j) =>
      j
        .onRef('v.plan_id', '=', 'p.id')
        .onRef('v.version', '=', 'p.current_version')
        .onRef('v.organization_id', '=', 'p.organization_id'),
    )
    .select('v.content')
    .where('p.organization_id', '=', organizationId)
    .where('v.organization_id', '=', organizationId)
    .where('p.id', '=', planId)
    .executeTakeFirst();
  return ((row?.content as { goals?: unknown[] } | undefined)?.goals ?? []) as Array<{
    id: string;
    term: 'short' | 'long';
    measure: never;
  }>;
}

export function clinicHomeCareItems(tx: Tx, organizationId: string) {
  return tx
    .selectFrom('clinic_home_care_items')
    .select('data')
    .where('organization_id', '=', organizationId)
    .orderBy('created_at')
    .execute();
}

/** A visit-note PDF already made from exactly this source, if any. */
export function documentFromSource(tx: Tx, organizationId: string, noteId: string, sourceHash: string) {
  return tx
    .selectFrom('documents')
    .select(['id', 'version', 'kind', 'title', 'sha256', 'size_bytes', 'created_at'])
    .where('organization_id', '=', organizationId)
    .where('note_id', '=', noteId)
    .where('source_hash', '=', sourceHash)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}
