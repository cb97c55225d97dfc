import { sql } from 'kysely';
import type { Tx } from './tenancy.ts';

/**
 * Addenda of signed records (assessments, session notes): the same shape in one table per record
 * kind, so that each record's foreign key and row-level security stay ordinary.
 */
const TABLES = {
  assessment: { table: 'assessment_addenda', fk: 'assessment_id' },
  session_note: { table: 'session_note_addenda', fk: 'note_id' },
} as const;
export type AddendumRecord = keyof typeof TABLES;

export interface AddendumRow {
  id: string;
  reason: string;
  body: string;
  author: string;
  created_at: Date;
}

export async function addendaOf(tx: Tx, record: AddendumRecord, recordId: string): Promise<AddendumRow[]> {
  const { table, fk } = TABLES[record];
  const { rows } = await sql<AddendumRow>`
    SELECT a.id, a.reason, a.body, a.created_at, u.name AS author
      FROM ${sql.table(table)} a JOIN users u ON u.id = a.author_id
     WHERE ${sql.ref(`a.${fk}`)} = ${recordId}
     ORDER BY a.created_at`.execute(tx);
  return rows;
}

export async function insertAddendum(
  tx: Tx,
  record: AddendumRecord,
  a: { organizationId: string; recordId: string; reason: string; body: string; authorId: string },
): Promise<{ id: string }> {
  const { table, fk } = TABLES[record];
  const { rows } = await sql<{ id: string }>`
    INSERT INTO ${sql.table(table)} (organization_id, ${sql.ref(fk)}, reason, body, author_id)
    VALUES (${a.organizationId}, ${a.recordId}, ${a.reason}, ${a.body}, ${a.authorId})
    RETURNING id`.execute(tx);
  const row = rows[0];
  if (!row) throw new Error(`no addendum row returned for ${record}`);
  return row;
}

export function addendumView(a: AddendumRow) {
  return {
    id: a.id,
    reason: a.reason,
    body: a.body,
    author: a.author,
    createdAt: new Date(a.created_at).toISOString(),
  };
}
