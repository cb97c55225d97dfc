import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config.ts';

/**
 * Secrets the server must read back (TOTP seeds) are sealed with AES-256-GCM under a key kept
 * outside the database: FASCIA_SECRETS_KEY, or else `<data>/secrets.key` created on first start
 * (mode 0600). A database dump alone then reveals no seed. Each sealed value names the key it was
 * sealed with, so keys can be rotated (`fascia secrets rotate`) while older values stay readable.
 *
 * Sealed form: `fs1.<key id>.<iv>.<ciphertext>.<tag>` (base64url parts); the key id is the first
 * 12 hex digits of the key's SHA-256, so the same key has the same id wherever it is configured.
 */
const PREFIX = 'fs1';
export const SECRETS_KEY_FILE = 'secrets.key';

export class SecretKeyError extends Error {}

export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 12);
}

export function isSealed(value: string): boolean {
  return value.startsWith(`${PREFIX}.`);
}

export function sealedKeyId(value: string): string | null {
  return isSealed(value) ? (value.split('.')[1] ?? null) : null;
}

export function newSecretKey(): string {
  return randomBytes(32).toString('base64');
}

export function parseSecretKey(text: string): Buffer | null {
  const key = Buffer.from(text.trim(), 'base64');
  return key.length === 32 ? key : null;
}

export class SecretBox {
  private readonly keys = new Map<string, Buffer>();
  readonly currentKeyId: string;

  /** The first key seals; every key opens what it sealed. */
  constructor(keys: Buffer[]) {
    const [current] = keys;
    if (!current) throw new SecretKeyError('No secrets key is configured.');
    for (const k of keys) this.keys.set(keyIdOf(k), k);
    this.currentKeyId = keyIdOf(current);
  }

  get keyIds(): string[] {
    return [...this.keys.keys()];
  }

  hasKey(id: string): boolean {
    return this.keys.has(id);
  }

  /** `context` binds the value to its owner (e.g. the user id): a sealed seed copied to another row does not open. */
  seal(plaintext: string, context: string): string {
    const key = this.keys.get(this.currentKeyId) as Buffer;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const parts = [iv, body, cipher.getAuthTag()].map((b) => b.toString('base64url'));
    return [PREFIX, this.currentKeyId, ...parts].join('.');
  }

  open(sealed: string, context: string): string {
    const [prefix, id, iv, body, tag] = sealed.split('.');
    if (prefix !== PREFIX || !id || iv === undefined || body === undefined || !tag)
      throw new SecretKeyError('A stored secret is not in the sealed form.');
    const key = this.keys.get(id);
    if (!key) throw new SecretKeyError(missingKeyMessage([id], this.keyIds));
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      throw new SecretKeyError(`A stored secret sealed with key ${id} failed its integrity check.`);
    }
  }
}

export function missingKeyMessage(missing: string[], configured: string[]): string {
  return (
    `Stored two-factor secrets are sealed with key ${missing.join(', ')}, which is not configured ` +
    `(configured: ${configured.join(', ') || 'none'}). Start with the key they were sealed with ` +
    '(FASCIA_SECRETS_KEY, FASCIA_SECRETS_PREVIOUS_KEYS or the data folder’s secrets.key); see docs/security.md.'
  );
}

/** FASCIA_SECRETS_KEY (+ FASCIA_SECRETS_PREVIOUS_KEYS) when set, else the data folder's key file. */
export function loadSecretBox(config: Config): SecretBox {
  if (config.secretsKey) {
    return new SecretBox([config.secretsKey, ...config.secretsPreviousKeys].map(requireKey));
  }
  const file = keyFilePath(config);
  if (!existsSync(file)) writeKeyFile(file, [newSecretKey()]);
  return new SecretBox(readKeyFile(file));
}

export function keyFilePath(config: Config): string {
  return path.join(config.dataDir, SECRETS_KEY_FILE);
}

/** One base64 key per line, the current one first. */
export function readKeyFile(file: string): Buffer[] {
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.map((l, i) => {
    const key = parseSecretKey(l);
    if (!key) throw new SecretKeyError(`${file}: line ${i + 1} is not a base64 key of 32 bytes.`);
    return key;
  });
}

/** Written whole to a temporary file and renamed, so a crash never leaves half a key file. */
export function writeKeyFile(file: string, keys: string[]): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, `${keys.join('\n')}\n`, { mode: 0o600 });
  renameSync(tmp, file);
}

function requireKey(text: string): Buffer {
  const key = parseSecretKey(text);
  if (!key) throw new SecretKeyError('A secrets key must be 32 bytes in base64.');
  return key;
}
