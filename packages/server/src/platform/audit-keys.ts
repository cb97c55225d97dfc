import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { canonicalJson } from '@fascia/domain/sessions/canonical';
import type { Config } from '../config.ts';

/**
 * The audit key: what makes an audit row or a checkpoint impossible to forge with database
 * credentials alone (migration 0013). The database never sees it; rows store only its id, a
 * fingerprint, so that after a rotation each row is checked with the key that signed it.
 */
export interface AuditKey {
  id: string;
  secret: Buffer;
}

export interface AuditKeyring {
  /** Signs every new row and checkpoint. */
  current: AuditKey;
  /** The current key and the retired ones, kept to verify what they signed. */
  byId: Map<string, AuditKey>;
}

export const AUDIT_KEY_FILE = 'audit-keys.secret';

export function auditKeyId(secret: string | Buffer): string {
  return createHash('sha256').update('fascia.audit.key-id\n').update(secret).digest('hex').slice(0, 16);
}

/** The last key is the current one; the ones before it are retired. */
export function auditKeyring(secrets: string[]): AuditKeyring {
  const keys = secrets.map((s) => ({ id: auditKeyId(s), secret: Buffer.from(s, 'utf8') }));
  const current = keys.at(-1);
  if (!current) throw new Error('an audit keyring needs at least one key');
  return { current, byId: new Map(keys.map((k) => [k.id, k])) };
}

/**
 * FASCIA_AUDIT_KEY (with FASCIA_AUDIT_RETIRED_KEYS) when set; otherwise <data>/audit-keys.secret,
 * one key per line, the last one current. The server creates the file on first start (mode 0600,
 * like the database secrets next to it); `audit verify` only reads it (`create: false`), since a
 * key made up at verification time could only make every row look forged.
 */
export function loadAuditKeyring(config: Config, opts: { create: boolean }): AuditKeyring | null {
  if (config.auditKeys) return auditKeyring(config.auditKeys);
  const file = path.join(config.dataDir, AUDIT_KEY_FILE);
  if (!existsSync(file)) {
    if (!opts.create) return null;
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  }
  const secrets = readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  if (secrets.length === 0) throw new Error(`${file} holds no audit key`);
  return auditKeyring(secrets);
}

function mac(key: AuditKey, purpose: string, content: unknown): string {
  return createHmac('sha256', key.secret).update(`${purpose}\n`).update(canonicalJson(content)).digest('hex');
}

export function macMatches(expected: string, actual: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(actual, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * A row's MAC covers its id and its canonical text without seq and prev_hash: the same canonical
 * JSON its hash is computed over (every column the application chose), so no second serialisation
 * is paid per row. seq and prev_hash are assigned in the database, under the clinic's lock, where
 * the key must not go; what reordering or removal inside the chain would hide, the checkpoints
 * catch (audit-checkpoints.ts). The id makes a genuine row copied a second time detectable.
 */
export function auditRowMac(key: AuditKey, rowId: string, canonicalRowText: string): string {
  return createHmac('sha256', key.secret)
    .update(`fascia.audit.row.v1\n${key.id}\n${rowId}\n`)
    .update(canonicalRowText)
    .digest('hex');
}

export interface CheckpointFields {
  organizationId: string;
  seq: string;
  hash: string;
  at: string;
}

export function checkpointMac(key: AuditKey, c: CheckpointFields): string {
  return mac(key, 'fascia.audit.checkpoint.v1', { ...c, keyId: key.id });
}
