import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson } from '@fascia/domain/sessions/canonical';
import pg from 'pg';
import { type AuditKeyring, auditRowMac } from './audit-keys.ts';

/**
 * The audit trail: one append-only row per event, chained per organization. Row n stores the hash
 * of row n-1 (prev_hash) and its own hash over every column, so editing or deleting any row breaks
 * the chain at that row; `fascia audit verify` finds it (audit-verify.ts). Each row also carries a
 * MAC with a key the database does not hold (migration 0013), so re-hashing or inserting rows with
 * database credentials alone shows as well.
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

export interface ChainedFields {
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
  keys?: AuditKeyring | null,
  occurredAt = new Date(),
): string {
  const rows = events.map((e) => {
    const fields: Omit<ChainedFields, 'seq' | 'prev_hash'> = {
      organization_id: uuidAsStored(organizationId),
      occurred_at: occurredAt,
      actor_id: uuidAsStored(e.actorId ?? actor.userId ?? null),
      actor_email: actor.email ?? null,
      action: e.action,
      outcome: e.outcome ?? 'success',
      patient_id: uuidAsStored(e.patientId ?? null),
      resource_type: e.resourceType ?? null,
      resource_id: lowerCaseIfUuid(e.resourceId ?? null),
      ip: actor.ip ?? null,
      detail: e.detail ?? {},
    };
    const id = randomUUID();
    const text = canonicalTextAroundChain(fields);
    const signed = keys
      ? {
          mac: auditRowMac(keys.current, id, text.text_before_prev_hash + text.text_before_seq),
          mac_key_id: keys.current.id,
        }
      : { mac: null, mac_key_id: null };
    return { ...fields, id, occurred_at: occurredAt.toISOString(), ...signed, ...text };
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

/**
 * A uuid as PostgreSQL stores and returns it: lower case, hyphenated 8-4-4-4-12. PostgreSQL
 * accepts more spellings on input (upper case, braces, hyphens after any group of four digits),
 * and the row's hash is computed over the text the application sends, while verify recomputes it
 * over what the column returns (issue 12, finding 1). Anything else is left for the cast to refuse.
 */
export function uuidAsStored<T extends string | null>(value: T): T {
  if (value === null || !PG_UUID_INPUT.test(value)) return value;
  const hex = value.replace(/[^0-9a-fA-F]/g, '').toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}` as T;
}
const PG_UUID_INPUT = /^(\{[0-9a-f]{4}(-?[0-9a-f]{4}){7}\}|[0-9a-f]{4}(-?[0-9a-f]{4}){7})$/i;

/** resource_id is text, so only the usual uuid spelling is made canonical (a hex digest stays as is). */
export function lowerCaseIfUuid<T extends string | null>(value: T): T {
  return (value !== null && UUID.test(value) ? value.toLowerCase() : value) as T;
}
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
