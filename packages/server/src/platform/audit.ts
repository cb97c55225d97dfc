import { createHash } from 'node:crypto';
import { canonicalJson } from '@fascia/domain/sessions/canonical';
import { type Kysely, sql, type Transaction } from 'kysely';
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
 * Appends events at the end of the organization's chain. Runs inside the caller's transaction,
 * just before it commits: `audit_chain_head` takes the clinic's append lock and reads the head in
 * one round trip; the lock serialises appenders of one clinic only until COMMIT.
 */
export async function appendAuditEvents(
  trx: Transaction<Database>,
  organizationId: string,
  actor: AuditActor,
  events: AuditEvent[],
): Promise<void> {
  if (events.length === 0) return;
  const head = await sql<{
    seq: string;
    hash: string;
  }>`SELECT * FROM audit_chain_head(${organizationId})`.execute(trx);
  const last = head.rows[0];
  let seq = BigInt(last?.seq ?? 0);
  let prev = last?.hash ?? GENESIS_HASH;
  const occurredAt = new Date();
  const rows = events.map((e) => {
    seq += 1n;
    const fields: ChainedFields = {
      organization_id: organizationId,
      seq: seq.toString(),
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
      prev_hash: prev,
    };
    const hash = auditRowHash(fields);
    prev = hash;
    return { ...fields, outcome: fields.outcome as 'success', detail: JSON.stringify(fields.detail), hash };
  });
  await trx.insertInto('audit_events').values(rows).execute();
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
