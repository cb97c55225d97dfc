import { normalizeForSearch } from '@fascia/domain/patients/name-search';
import type { patientSchema } from '@fascia/domain/patients/patient.schema';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Tx } from '../../platform/tenancy.ts';
import type { PatientListQuery } from './patients.schemas.ts';

type PatientRecord = z.infer<typeof patientSchema>;

function searchColumns(r: PatientRecord) {
  return {
    family_name: r.legalName.family,
    given_name: r.legalName.given,
    search_name: normalizeForSearch(
      [r.legalName.given, r.preferredName, r.legalName.middle, r.legalName.family].filter(Boolean).join(' '),
    ),
    date_of_birth: r.dateOfBirth,
    phone_digits: r.phone ? r.phone.replace(/\D/g, '') : null,
  };
}

export function insertPatient(tx: Tx, organizationId: string, record: PatientRecord, createdBy: string) {
  return tx
    .insertInto('patients')
    .values({
      organization_id: organizationId,
      ...searchColumns(record),
      data: JSON.stringify(record),
      created_by: createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Updates only when the stored version is still `expectedVersion`; undefined when it moved on. */
export function updatePatient(
  tx: Tx,
  id: string,
  record: PatientRecord,
  expectedVersion: number | undefined,
) {
  let q = tx
    .updateTable('patients')
    .set({
      ...searchColumns(record),
      data: JSON.stringify(record),
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id);
  if (expectedVersion !== undefined) q = q.where('version', '=', expectedVersion);
  return q.returningAll().executeTakeFirst();
}

export function getPatient(tx: Tx, id: string) {
  return tx.selectFrom('patients').selectAll().where('id', '=', id).executeTakeFirst();
}

export function careTeamOf(tx: Tx, patientId: string) {
  return tx
    .selectFrom('patient_care_team as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['u.id', 'u.name'])
    .where('t.patient_id', '=', patientId)
    .orderBy('u.name')
    .execute();
}

/** Active therapists among the given ids: only they can be on a care team. */
export async function activeTherapists(tx: Tx, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .selectFrom('users')
    .select('id')
    .where('id', 'in', ids)
    .where('role', '=', 'therapist')
    .where('active', '=', true)
    .execute();
  return rows.map((r) => r.id);
}

export async function setCareTeam(tx: Tx, organizationId: string, patientId: string, userIds: string[]) {
  await tx
    .deleteFrom('patient_care_team')
    .where('patient_id', '=', patientId)
    .where('user_id', 'not in', userIds.length ? userIds : ['00000000-0000-0000-0000-000000000000'])
    .execute();
  if (userIds.length === 0) return;
  await tx
    .insertInto('patient_care_team')
    .values(userIds.map((user_id) => ({ organization_id: organizationId, patient_id: patientId, user_id })))
    .onConflict((oc) => oc.columns(['patient_id', 'user_id']).doNothing())
    .execute();
}

interface Cursor {
  f: string;
  g: string;
  i: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decodeCursor(raw: string): Cursor | undefined {
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
    return typeof c.f === 'string' && typeof c.g === 'string' && typeof c.i === 'string' ? c : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The patient list. Without a name query it is alphabetical and keyset-paginated on
 * (family, given, id); with one it is ranked by trigram word similarity, which forgives typos
 * ("jonh smiht") and matches fragments, found by patient_name_matches() over the clinic's trigram
 * index (migration 0010) and then read under the tenant policy.
 */
export async function listPatients(tx: Tx, query: PatientListQuery) {
  const digits = query.phone ? query.phone.replace(/\D/g, '') : '';
  const text = query.q ? normalizeForSearch(query.q) : '';
  if (text) {
    const pattern = `%${text.replace(/[%_\\]/g, '\\$&')}%`;
    const { rows } = await sql<{ id: string; data: unknown; family_name: string; given_name: string }>`
      SELECT p.id, p.data, p.family_name, p.given_name
      FROM patient_name_matches(${text}, ${pattern}, ${query.dateOfBirth ?? null}::date,
                                ${digits || null}, ${query.limit + 1}) m
      JOIN patients p ON p.id = m.patient_id
      ORDER BY m.score DESC, p.family_name, p.id`.execute(tx);
    return { rows, ranked: true };
  }
  let q = tx
    .selectFrom('patients')
    .select(['id', 'data', 'family_name', 'given_name'])
    .limit(query.limit + 1);
  if (query.dateOfBirth) q = q.where('date_of_birth', '=', query.dateOfBirth);
  if (digits) q = q.where('phone_digits', 'like', `%${digits}`);
  const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
  if (cursor) {
    q = q.where((eb) =>
      eb(eb.refTuple('family_name', 'given_name', 'id'), '>', eb.tuple(cursor.f, cursor.g, cursor.i)),
    );
  }
  q = q.orderBy('family_name').orderBy('given_name').orderBy('id');
  return { rows: await q.execute(), ranked: false };
}

export function listCoverages(tx: Tx, patientId: string) {
  return tx
    .selectFrom('coverages')
    .select(['id', 'data'])
    .where('patient_id', '=', patientId)
    .orderBy(sql`array_position(array['primary','secondary','tertiary'], coverage_order)`)
    .orderBy('created_at')
    .execute();
}

export function insertCoverage(tx: Tx, organizationId: string, patientId: string, data: { order: string }) {
  return tx
    .insertInto('coverages')
    .values({
      organization_id: organizationId,
      patient_id: patientId,
      coverage_order: data.order,
      data: JSON.stringify(data),
    })
    .returning(['id', 'data'])
    .executeTakeFirstOrThrow();
}

export function updateCoverage(tx: Tx, patientId: string, id: string, data: { order: string }) {
  return tx
    .updateTable('coverages')
    .set({ coverage_order: data.order, data: JSON.stringify(data), updated_at: sql`now()` })
    .where('id', '=', id)
    .where('patient_id', '=', patientId)
    .returning(['id', 'data'])
    .executeTakeFirst();
}
