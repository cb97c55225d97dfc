import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import { type AuditKeyring, type CheckpointFields, checkpointMac, macMatches } from './audit-keys.ts';

/**
 * Signed checkpoints of each clinic's chain head (seq + hash), kept in a file outside the database
 * (FASCIA_AUDIT_CHECKPOINT_FILE, by default <data>/audit-checkpoints.json). Whoever can write the
 * table can delete its last rows, or remove a row and re-chain the rest; the chain then verifies,
 * but it no longer reaches a checkpoint's seq, or holds another row there (audit-verify.ts).
 *
 * The server writes them every FASCIA_AUDIT_CHECKPOINT_MINUTES and when it stops; `audit verify`
 * after each clinic it found intact. A checkpoint only moves forward, and only when the row at the
 * previous checkpoint is still the one it recorded: a rewritten chain is never blessed.
 */
export interface Checkpoint extends CheckpointFields {
  keyId: string;
  mac: string;
}

interface CheckpointFile {
  format: 'fascia-audit-checkpoints/1';
  clinics: Record<string, Checkpoint>;
}

export function readCheckpoints(file: string): Map<string, Checkpoint> {
  if (!existsSync(file)) return new Map();
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as CheckpointFile;
  return new Map(Object.entries(parsed.clinics ?? {}));
}

export function signCheckpoint(keys: AuditKeyring, fields: CheckpointFields): Checkpoint {
  return { ...fields, keyId: keys.current.id, mac: checkpointMac(keys.current, fields) };
}

export function checkpointIsGenuine(keys: AuditKeyring, c: Checkpoint): boolean {
  const key = keys.byId.get(c.keyId);
  const { keyId: _k, mac, ...fields } = c;
  return (
    key !== undefined &&
    typeof mac === 'string' &&
    macMatches(
      checkpointMac(key, {
        organizationId: fields.organizationId,
        seq: fields.seq,
        hash: fields.hash,
        at: fields.at,
      }),
      mac,
    )
  );
}

/**
 * Merges the given checkpoints into the file (re-read first, so a verify and a running server do
 * not undo each other's progress: per clinic the higher seq stays) and replaces it atomically.
 */
export function saveCheckpoints(file: string, updates: Checkpoint[]): void {
  if (updates.length === 0) return;
  const clinics = Object.fromEntries(readCheckpoints(file));
  for (const c of updates) {
    const known = clinics[c.organizationId];
    if (!known || BigInt(known.seq) <= BigInt(c.seq)) clinics[c.organizationId] = c;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const content: CheckpointFile = { format: 'fascia-audit-checkpoints/1', clinics };
  writeFileSync(tmp, `${JSON.stringify(content, null, 1)}\n`, { mode: 0o600 });
  renameSync(tmp, file);
}

export interface ChainHead {
  organizationId: string;
  seq: string;
  hash: string;
}

/** Each clinic's last row, one index look-up per clinic (as the owner, across clinics). */
export async function chainHeads(ownerDb: Kysely<Database>): Promise<ChainHead[]> {
  const { rows } = await sql<ChainHead>`
    SELECT o.id AS "organizationId", h.seq, h.hash FROM organizations o
    CROSS JOIN LATERAL (SELECT a.seq, a.hash FROM audit_events a
      WHERE a.organization_id = o.id ORDER BY a.seq DESC LIMIT 1) h`.execute(ownerDb);
  return rows.map((r) => ({ ...r, seq: String(r.seq) }));
}

/**
 * Waits until every audit row seen so far is on disk. A read's audit rows may commit before their
 * WAL is flushed (migration 0009), and a crash can lose them; a checkpoint naming such a row would
 * then report a tail deletion that no one made. One synchronous commit that writes WAL flushes
 * the log up to its own commit record, which follows every commit already visible.
 */
export async function flushSeenCommits(ownerDb: Kysely<Database>): Promise<void> {
  await ownerDb.transaction().execute(async (trx) => {
    await sql`SET LOCAL synchronous_commit = on`.execute(trx);
    const value = JSON.stringify({ at: new Date().toISOString() });
    await trx
      .insertInto('instance_settings')
      .values({ key: 'audit_checkpointed', value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  });
}

async function hashAt(ownerDb: Kysely<Database>, organizationId: string, seq: string) {
  const row = await ownerDb
    .selectFrom('audit_events')
    .select('hash')
    .where('organization_id', '=', organizationId)
    .where('seq', '=', seq)
    .executeTakeFirst();
  return row?.hash;
}

/**
 * Moves every clinic's checkpoint to its current head. A clinic whose chain no longer holds its
 * last checkpoint keeps that checkpoint and is returned, for the server to warn about.
 */
export async function advanceCheckpoints(
  ownerDb: Kysely<Database>,
  file: string,
  keys: AuditKeyring,
  now = new Date(),
): Promise<{ written: number; contradicted: ChainHead[] }> {
  const known = readCheckpoints(file);
  const updates: Checkpoint[] = [];
  const contradicted: ChainHead[] = [];
  const heads = await chainHeads(ownerDb);
  await flushSeenCommits(ownerDb);
  for (const head of heads) {
    const last = known.get(head.organizationId);
    if (last && checkpointIsGenuine(keys, last)) {
      if (last.seq === head.seq && last.hash === head.hash) continue;
      const stillThere =
        BigInt(head.seq) >= BigInt(last.seq) &&
        (await hashAt(ownerDb, head.organizationId, last.seq)) === last.hash;
      if (!stillThere) {
        contradicted.push(head);
        continue;
      }
    }
    updates.push(signCheckpoint(keys, { ...head, at: now.toISOString() }));
  }
  saveCheckpoints(file, updates);
  return { written: updates.length, contradicted };
}
