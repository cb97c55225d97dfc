import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { auditRowHash, canonicalTextAroundChain, GENESIS_HASH } from './audit.ts';
import { type Checkpoint, checkpointIsGenuine } from './audit-checkpoints.ts';
import { type AuditKeyring, auditRowMac, macMatches } from './audit-keys.ts';

/**
 * What `fascia audit verify` can find, each named for an operator:
 * - edited: the row's content no longer matches its own hash;
 * - broken-link: the row does not point at the hash of the row before it;
 * - gap: sequence numbers are missing (rows deleted from the middle);
 * - forged: the row is consistently chained but its MAC is wrong or made with an unknown key —
 *   inserted, or edited and re-hashed, by someone without the audit key;
 * - unkeyed: no MAC on a row written after migration 0013;
 * - tail-deleted: the chain ends before the seq a signed checkpoint recorded;
 * - rewritten: the row at a checkpoint's seq is not the one it recorded (rows before it removed
 *   or changed and the chain rebuilt);
 * - checkpoint-invalid: the checkpoint file's entry is not signed by a known audit key.
 */
export type ChainBreakKind =
  | 'edited'
  | 'broken-link'
  | 'gap'
  | 'forged'
  | 'unkeyed'
  | 'tail-deleted'
  | 'rewritten'
  | 'checkpoint-invalid';

export interface ChainBreak {
  kind: ChainBreakKind;
  /** The row concerned, when the break is one row's. */
  seq?: string;
  id?: string;
  reason: string;
}

export interface ChainReport {
  organizationId: string;
  rows: number;
  head: { seq: string; hash: string } | null;
  /** Rows from before migration 0013, which carry no MAC by construction. */
  unkeyedBeforeMigration: number;
  breaks: ChainBreak[];
}

/**
 * Walks one clinic's chain in order (as the owner) to its end, naming every row that does not fit
 * rather than stopping at the first: a tampering after an earlier break must not go unseen. Each
 * row is compared with the stored hash of the row before it, so one edited row is reported once.
 */
export async function verifyAuditChain(
  db: Kysely<Database>,
  organizationId: string,
  opts: { keys: AuditKeyring | null; checkpoint?: Checkpoint | undefined },
): Promise<ChainReport> {
  const breaks: ChainBreak[] = [];
  const firstKeyedSeq = await firstKeyedSeqOf(db, organizationId);
  const checkpoint = genuineCheckpoint(opts, breaks);
  let prev = GENESIS_HASH;
  let expectedSeq = 1n;
  let rows = 0;
  let unkeyedBeforeMigration = 0;
  let head = null as ChainReport['head'];
  let hashAtCheckpoint: string | undefined;
  for (;;) {
    const batch = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('seq', '>', head?.seq ?? '0')
      .orderBy('seq')
      .limit(5000)
      .execute();
    if (batch.length === 0) break;
    for (const r of batch) {
      const seq = BigInt(r.seq);
      const at = { seq: String(r.seq), id: r.id };
      const gap = seq !== expectedSeq;
      if (gap) {
        const missing = seq - 1n === expectedSeq ? `${expectedSeq}` : `${expectedSeq} to ${seq - 1n}`;
        breaks.push({ kind: 'gap', ...at, reason: `rows ${missing} are missing before this row` });
      } else if (r.prev_hash !== prev) {
        breaks.push({
          kind: 'broken-link',
          ...at,
          reason: 'prev_hash is not the hash of the row before (that row was re-hashed, or this one edited)',
        });
      }
      const { id, hash, mac, mac_key_id, ...fields } = r;
      const occurredAt = new Date(fields.occurred_at);
      if (auditRowHash({ ...fields, seq: String(fields.seq), occurred_at: occurredAt }) !== hash) {
        breaks.push({ kind: 'edited', ...at, reason: "the row's content does not match its hash" });
      } else if (mac === null || mac_key_id === null) {
        if (seq < firstKeyedSeq) unkeyedBeforeMigration += 1;
        else
          breaks.push({
            kind: 'unkeyed',
            ...at,
            reason: 'no MAC, though written after migration 0013: inserted without the audit key',
          });
      } else {
        const key = opts.keys?.byId.get(mac_key_id);
        const text = key && canonicalTextAroundChain({ ...fields, occurred_at: occurredAt });
        const expected =
          key && text && auditRowMac(key, id, text.text_before_prev_hash + text.text_before_seq);
        if (!expected)
          breaks.push({
            kind: 'forged',
            ...at,
            reason: `signed with unknown audit key ${mac_key_id} (forged, or a retired key is missing from the keyring)`,
          });
        else if (!macMatches(expected, mac))
          breaks.push({
            kind: 'forged',
            ...at,
            reason:
              'chained correctly but its MAC is wrong: inserted, or edited and re-hashed, without the audit key',
          });
      }
      if (checkpoint && String(r.seq) === checkpoint.seq) hashAtCheckpoint = hash;
      prev = hash;
      expectedSeq = seq + 1n;
      rows += 1;
      head = { seq: String(r.seq), hash };
    }
  }
  if (checkpoint) {
    if (head === null || BigInt(head.seq) < BigInt(checkpoint.seq)) {
      breaks.push({
        kind: 'tail-deleted',
        reason: `the chain ends at seq ${head?.seq ?? 0}, but the checkpoint of ${checkpoint.at} recorded seq ${checkpoint.seq}: the last rows were deleted`,
      });
    } else if (hashAtCheckpoint !== checkpoint.hash) {
      breaks.push({
        kind: 'rewritten',
        seq: checkpoint.seq,
        reason: `the row at seq ${checkpoint.seq} is not the one the checkpoint of ${checkpoint.at} recorded: rows up to it were removed or changed and the chain rebuilt`,
      });
    }
  }
  return { organizationId, rows, head, unkeyedBeforeMigration, breaks };
}

async function firstKeyedSeqOf(db: Kysely<Database>, organizationId: string): Promise<bigint> {
  const row = await db
    .selectFrom('audit_keying_start')
    .select('first_keyed_seq')
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return row ? BigInt(row.first_keyed_seq) : 1n;
}

function genuineCheckpoint(
  opts: { keys: AuditKeyring | null; checkpoint?: Checkpoint | undefined },
  breaks: ChainBreak[],
): Checkpoint | undefined {
  const c = opts.checkpoint;
  if (!c) return undefined;
  if (opts.keys && checkpointIsGenuine(opts.keys, c)) return c;
  breaks.push({
    kind: 'checkpoint-invalid',
    reason: `the checkpoint recorded at ${c.at} for seq ${c.seq} is not signed by a known audit key`,
  });
  return undefined;
}
