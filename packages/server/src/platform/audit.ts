import { createHash } from 'node:crypto';
import { canonicalJson } from '@fascia/domain/sessions/canonical';
import type { Kysely } from 'kysely';
import pg from 'pg';
import type { Database } from '../db/schema.ts';

/**
 * The audit trail: one append-only row per event, chained per organization. Row n stores the hash
 * of row n-1 (prev_hash) and its own hash over every column, so editing or deleting any row breaks
 * the chain at that row; `fascia audit verify` finds it.
 */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEvent {
  action: string;
  outcome?: 'success' | 'failure' | 'denied';
  patientId?: string | null;
  resourceType?: string | null;
  resourceId?: string | null;
  detail?: Record<string, unknown>;
  /** Who acted, when only known during the work (a sign-in finds its user). */
  actorId?: string;
}

export interface AuditActor {
  userId?: string | null;
  email?: string | null;
  ip?: string | null;
}

interface ChainedFields {
  organization_id: string;
  seq: string;
  occurred_at: Date;
  actor_id: string | null;
  actor_email: string | null;
  action: string;
  outcome: string;
  patient_id: string | null;
  resource_type: string | null;
  resource_id: string | null;
  ip: string | null;
  detail: unknown;
  prev_hash: string;
}

export function auditRowHash(row: ChainedFields): string {
  return createHash('sha256')
    .update(canonicalJson({ ...row, seq: String(row.seq) }))
    .digest('hex');
}

/**
 * How a request that only read commits its audit rows (migration 0009): 'async' without waiting
 * for the WAL flush, 'sync' like every other commit.
 */
export type ReadAuditCommit = 'async' | 'sync';

/**
 * The statement that appends a request's events to its clinic's chain (migration 0009): sent
 * with COMMIT in one message by Tenancy, so the clinic's append lock is held only inside
 * PostgreSQL. Parameters cannot travel in a multi-statement message, so the two values are
 * quoted literals (pg's escapeLiteral; the events as one JSON document).
 */
export function auditAppendStatement(
  organizationId: string,
  actor: AuditActor,
  events: AuditEvent[],
  readCommit: ReadAuditCommit,
  occurredAt = new Date(),
): string {
  const rows = events.map((e) => {
    const fields: Omit<ChainedFields, 'seq' | 'prev_hash'> = {
      organization_id: organizationId,
      occurred_at: occurredAt,
      actor_id: e.actorId ?? actor.userId ?? null,
      actor_email: actor.email ?? null,
      action: e.action,
      outcome: e.outcome ?? 'success',
      patient_id: e.patientId ?? null,
      resource_type: e.resourceType ?? null,
      resource_id: e.resourceId ?? null,
      ip: actor.ip ?? null,
      detail: e.detail ?? {},
    };
    return { ...fields, occurred_at: occurredAt.toISOString(), ...canonicalTextAroundChain(fields) };
  });
  const org = pg.escapeLiteral(organizationId);
  return `SELECT audit_append(${org}, ${pg.escapeLiteral(JSON.stringify(rows))}, ${readCommit === 'async'})`;
}

/**
 * A row's canonical JSON with prev_hash and seq left empty, cut where their values go. In key
 * order "prev_hash" comes after "detail" and before "resource_id"/"resource_type", whose string
 * values cannot hold an unescaped quote; so the last `"prev_hash":""` is the row's own, and
 * "seq", the last key, ends the text.
 */
export function canonicalTextAroundChain(fields: Omit<ChainedFields, 'seq' | 'prev_hash'>) {
  const text = canonicalJson({ ...fields, prev_hash: '', seq: '' });
  const prevKey = '"prev_hash":"';
  const cut = text.lastIndexOf(`${prevKey}"`) + prevKey.length;
  const end = '"}';
  if (cut < prevKey.length || !text.endsWith(`"seq":"${end}`)) throw new Error('unexpected audit row shape');
  return { text_before_prev_hash: text.slice(0, cut), text_before_seq: text.slice(cut, -end.length) };
}

export interface ChainReport {
  organizationId: string;
  rows: number;
  broken?: { seq: string; id: string; reason: string };
}

/** Walks one organization's chain in order (as the owner) and names the first row that does not fit. */
export async function verifyAuditChain(db: Kysely<Database>, organizationId: string): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let expectedSeq = 1n;
  let rows = 0;
  let after = '0';
  for (;;) {
    const batch = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(5000)
      .execute();
    if (batch.length === 0) return { organizationId, rows };
    for (const r of batch) {
      const where = { seq: String(r.seq), id: r.id };
      if (BigInt(r.seq) !== expectedSeq)
        return {
          organizationId,
          rows,
          broken: { ...where, reason: `sequence gap: expected ${expectedSeq}` },
        };
      if (r.prev_hash !== prev)
        return {
          organizationId,
          rows,
          broken: { ...where, reason: 'prev_hash does not match the previous row' },
        };
      const { id: _id, hash, ...fields } = r;
      if (
        auditRowHash({ ...fields, seq: String(fields.seq), occurred_at: new Date(fields.occurred_at) }) !==
        hash
      ) {
        return {
          organizationId,
          rows,
          broken: { ...where, reason: 'row content does not match its hash (edited)' },
        };
      }
      prev = hash;
      expectedSeq += 1n;
      rows += 1;
      after = String(r.seq);
    }
  }
}
