import { type SelectQueryBuilder, sql } from 'kysely';
import type { Tx } from '../../platform/tenancy.ts';

/**
 * The SQL behind the FHIR API: one query per source table, all read the same way — in id order
 * after a keyset position, optionally for given row ids, one patient, or the patients on a
 * therapist's care team. Row-level security keeps every query inside the clinic.
 */
export interface RowQuery {
  ids?: string[];
  /** Keyset position: rows after this id (or from it, when `inclusive`). */
  after?: string;
  inclusive?: boolean;
  patientId?: string;
  /** Only patients on this user's care team. */
  careTeamOf?: string;
  limit: number;
}

// biome-ignore lint/suspicious/noExplicitAny: the helper applies to every source table's query alike.
type AnyQuery<O> = SelectQueryBuilder<any, any, O>;

function keyset<O>(q: AnyQuery<O>, idCol: string, patientCol: string | null, o: RowQuery): AnyQuery<O> {
  let out = q.orderBy(sql.ref(idCol)).limit(o.limit);
  if (o.ids)
    out = out.where(sql.ref(idCol), 'in', o.ids.length ? o.ids : ['00000000-0000-0000-0000-000000000000']);
  if (o.after) out = out.where(sql.ref(idCol), o.inclusive ? '>=' : '>', o.after);
  if (patientCol && o.patientId) out = out.where(sql.ref(patientCol), '=', o.patientId);
  if (patientCol && o.careTeamOf) {
    out = out.where(
      sql.ref(patientCol),
      'in',
      sql`(SELECT patient_id FROM patient_care_team WHERE user_id = ${o.careTeamOf})`,
    );
  }
  return out;
}

export function patients(tx: Tx, o: RowQuery) {
  const q = tx
    .selectFrom('patients')
    .select(['id', 'organization_id', 'data', 'version', 'updated_at', 'id as patient_id']);
  return keyset(q, 'patients.id', 'patients.id', o).execute();
}

export function staff(tx: Tx, o: RowQuery) {
  const q = tx.selectFrom('users').select(['id', 'organization_id', 'name', 'role', 'active', 'created_at']);
  return keyset(q, 'users.id', null, o).execute();
}

export function providers(tx: Tx, o: RowQuery) {
  const q = tx.selectFrom('referring_providers').select(['id', 'npi', 'data', 'updated_at']);
  return keyset(q, 'referring_providers.id', null, o).execute();
}

export function organizations(tx: Tx, o: RowQuery) {
  const q = tx.selectFrom('organizations').select(['id', 'name', 'created_at']);
  return keyset(q, 'organizations.id', null, o).execute();
}

export function coverages(tx: Tx, o: RowQuery) {
  const q = tx.selectFrom('coverages').select(['id', 'patient_id', 'data', 'updated_at']);
  return keyset(q, 'coverages.id', 'coverages.patient_id', o).execute();
}

export function referrals(tx: Tx, o: RowQuery) {
  const q = tx
    .selectFrom('referrals as r')
    .innerJoin('referring_providers as p', 'p.id', 'r.provider_id')
    .select([
      'r.id',
      'r.patient_id',
      'r.provider_id',
      'r.data',
      'r.valid_until',
      'r.updated_at',
      'p.npi',
      'p.display_name',
    ]);
  return keyset(q, 'r.id', 'r.patient_id', o).execute();
}

export function historyItems(tx: Tx, kind: 'conditions' | 'allergies' | 'medications', o: RowQuery) {
  const q = tx
    .selectFrom('health_history_items')
    .select(['id', 'patient_id', 'data', 'recorded_at', 'recorded_by'])
    .where('kind', '=', kind)
    .where('retired_at', 'is', null);
  return keyset(q, 'health_history_items.id', 'health_history_items.patient_id', o).execute();
}

export function outcomeResponses(tx: Tx, o: RowQuery) {
  const q = tx
    .selectFrom('outcome_responses')
    .select(['id', 'patient_id', 'response', 'result', 'administered_on', 'created_by', 'created_at']);
  return keyset(q, 'outcome_responses.id', 'outcome_responses.patient_id', o).execute();
}

/** Signed assessments only: a draft is not yet part of the record a receiver may rely on. */
export function signedAssessments(tx: Tx, o: RowQuery) {
  const q = tx
    .selectFrom('assessments')
    .select(['id', 'patient_id', 'therapist_id', 'performed_on', 'signed_at', 'content'])
    .where('status', '=', 'signed');
  return keyset(q, 'assessments.id', 'assessments.patient_id', o).execute();
}

/** Signed session notes only, for the same reason as assessments. */
export function signedNotes(tx: Tx, o: RowQuery, treatedOnly = false) {
  let q = tx
    .selectFrom('session_notes')
    .select([
      'id',
      'organization_id',
      'patient_id',
      'therapist_id',
      'referral_id',
      'plan_id',
      'visit_date',
      'signed_at',
      'content',
    ])
    .where('status', '=', 'signed');
  if (treatedOnly) q = q.where('outcome', '=', 'treated');
  return keyset(q, 'session_notes.id', 'session_notes.patient_id', o).execute();
}

/** Each plan with its current version, and whether a later plan superseded it. */
export function plans(tx: Tx, o: RowQuery) {
  const q = tx
    .selectFrom('plans as p')
    .innerJoin('plan_versions as v', (j) =>
      j.onRef('v.plan_id', '=', 'p.id').onRef('v.version', '=', 'p.current_version'),
    )
    .select([
      'p.id',
      'p.patient_id',
      'p.referral_id',
      'p.created_by',
      'p.created_at',
      'p.updated_at',
      'p.current_version',
      'v.reason',
      'v.content',
      sql<boolean>`NOT EXISTS (SELECT 1 FROM plans later WHERE later.patient_id = p.patient_id
        AND later.referral_id = p.referral_id AND later.created_at > p.created_at)`.as('current'),
    ]);
  return keyset(q, 'p.id', 'p.patient_id', o).execute();
}

/** Document metadata only; the PDF bytes stay in the table. */
export function documents(tx: Tx, o: RowQuery) {
  const q = tx
    .selectFrom('documents')
    .select([
      'id',
      'patient_id',
      'referral_id',
      'note_id',
      'kind',
      'version',
      'title',
      'media_type',
      'sha256',
      'size_bytes',
      'generated_by',
      'created_at',
    ]);
  return keyset(q, 'documents.id', 'documents.patient_id', o).execute();
}

export function auditEvents(tx: Tx, o: RowQuery) {
  const q = tx.selectFrom('audit_events').selectAll();
  return keyset(q, 'audit_events.id', 'audit_events.patient_id', o).execute();
}
