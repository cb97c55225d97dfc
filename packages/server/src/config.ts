import path from 'node:path';
import { z } from 'zod';

/**
 * Environment → typed configuration. Every variable carries the FASCIA_ prefix except
 * DATABASE_URL, which hosting platforms set by convention. A wrong value stops the process with a
 * message naming the variable, before anything is started.
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

// A secret of at least 128 bits written as text (`openssl rand -hex 32` gives 256); no separators,
// so a list of retired keys can be split on commas or spaces.
const auditKey = z
  .string()
  .min(32, 'must be at least 32 characters (e.g. `openssl rand -hex 32`)')
  .regex(/^[^\s,]+$/, 'must not contain spaces or commas');
// 32 random bytes in base64, e.g. from `fascia secrets new-key` or `openssl rand -base64 32`.
const secretsKey = z
  .string()
  .trim()
  .refine((v) => /^[A-Za-z0-9+/]+={0,2}$/.test(v) && Buffer.from(v, 'base64').length === 32, {
    message: 'must be 32 bytes in base64 (fascia secrets new-key prints one)',
  });

const intIn = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const envSchema = z.object({
  FASCIA_HOST: z.string().min(1).default('127.0.0.1'),
  FASCIA_PORT: intIn(0, 65535).default(3000),
  FASCIA_PUBLIC_URL: z.url().optional(),
  FASCIA_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  FASCIA_PG_PORT: intIn(1024, 65535)
    .refine((p) => p !== 5432, 'must not be 5432, the port of the machine-wide PostgreSQL')
    .default(54329),
  FASCIA_DB_APP_PASSWORD: z.string().min(16).optional(),
  FASCIA_DB_POOL_SIZE: intIn(1, 200).default(10),
  FASCIA_SESSION_IDLE_MINUTES: intIn(1, 24 * 60).default(15),
  FASCIA_SESSION_ABSOLUTE_HOURS: intIn(1, 24 * 7).default(12),
  FASCIA_LOCKOUT_THRESHOLD: intIn(1, 100).default(5),
  FASCIA_LOCKOUT_MINUTES: intIn(1, 24 * 60).default(15),
  FASCIA_COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  FASCIA_TRUST_PROXY: bool.default(false),
  FASCIA_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  FASCIA_MAIL_FROM: z.string().min(3).default('Fascia <no-reply@localhost>'),
  FASCIA_DEMO: bool.default(true),
  FASCIA_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  FASCIA_SIGN_IN_RATE_PER_MINUTE: intIn(1, 10_000).default(20),
  FASCIA_READ_AUDIT_COMMIT: z.enum(['async', 'sync']).default('async'),
  FASCIA_AUDIT_KEY: auditKey.optional(),
  FASCIA_AUDIT_RETIRED_KEYS: z
    .string()
    .transform((v) => v.split(/[\s,]+/).filter(Boolean))
    .pipe(z.array(auditKey))
    .optional(),
  FASCIA_AUDIT_CHECKPOINT_FILE: z.string().min(1).optional(),
  FASCIA_AUDIT_CHECKPOINT_MINUTES: intIn(1, 24 * 60).default(5),
  FASCIA_SECRETS_KEY: secretsKey.optional(),
  FASCIA_SECRETS_PREVIOUS_KEYS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean),
    )
    .pipe(z.array(secretsKey))
    .default([]),
});

export interface Config {
  host: string;
  port: number;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  embeddedPgPort: number;
  dbAppPassword: string | undefined;
  dbPoolSize: number;
  session: { idleMinutes: number; absoluteHours: number };
  lockout: { threshold: number; minutes: number };
  cookieSecure: 'auto' | 'true' | 'false';
  trustProxy: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  demo: boolean;
  logLevel: string;
  signInRatePerMinute: number;
  /** How a read's audit rows commit (migration 0009): without waiting for the disk, or synchronously. */
  readAuditCommit: 'async' | 'sync';
  /**
   * The audit keys from the environment, retired first and the current one last; undefined when
   * they are kept in <dataDir>/audit-keys.secret instead (platform/audit-keys.ts).
   */
  auditKeys: string[] | undefined;
  /** Signed checkpoints of each clinic's chain head, kept outside the database. */
  auditCheckpointFile: string;
  auditCheckpointMinutes: number;
  /** Seals TOTP secrets at rest; without it a key file in the data folder is used (docs/security.md). */
  secretsKey: string | undefined;
  /** Older keys still accepted for opening, until `fascia secrets rotate` has re-sealed everything. */
  secretsPreviousKeys: string[];
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings count as unset so `FOO= npm start` behaves like no FOO at all.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    host: e.FASCIA_HOST,
    port: e.FASCIA_PORT,
    publicUrl: (e.FASCIA_PUBLIC_URL ?? `http://localhost:${e.FASCIA_PORT}`).replace(/\/$/, ''),
    dataDir: path.resolve(e.FASCIA_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    embeddedPgPort: e.FASCIA_PG_PORT,
    dbAppPassword: e.FASCIA_DB_APP_PASSWORD,
    dbPoolSize: e.FASCIA_DB_POOL_SIZE,
    session: { idleMinutes: e.FASCIA_SESSION_IDLE_MINUTES, absoluteHours: e.FASCIA_SESSION_ABSOLUTE_HOURS },
    lockout: { threshold: e.FASCIA_LOCKOUT_THRESHOLD, minutes: e.FASCIA_LOCKOUT_MINUTES },
    cookieSecure: e.FASCIA_COOKIE_SECURE,
    trustProxy: e.FASCIA_TRUST_PROXY,
    smtpUrl: e.FASCIA_SMTP_URL,
    mailFrom: e.FASCIA_MAIL_FROM,
    demo: e.FASCIA_DEMO,
    logLevel: e.FASCIA_LOG_LEVEL,
    signInRatePerMinute: e.FASCIA_SIGN_IN_RATE_PER_MINUTE,
    readAuditCommit: e.FASCIA_READ_AUDIT_COMMIT,
    auditKeys: auditKeysFrom(e.FASCIA_AUDIT_KEY, e.FASCIA_AUDIT_RETIRED_KEYS),
    auditCheckpointFile: path.resolve(
      e.FASCIA_AUDIT_CHECKPOINT_FILE ?? path.join(e.FASCIA_DATA_DIR, 'audit-checkpoints.json'),
    ),
    auditCheckpointMinutes: e.FASCIA_AUDIT_CHECKPOINT_MINUTES,
    secretsKey: e.FASCIA_SECRETS_KEY,
    secretsPreviousKeys: e.FASCIA_SECRETS_PREVIOUS_KEYS,
  };
}

function auditKeysFrom(current: string | undefined, retired: string[] | undefined): string[] | undefined {
  if (!current) {
    if (retired?.length)
      throw new ConfigError(
        'Invalid configuration:\n  FASCIA_AUDIT_RETIRED_KEYS: needs FASCIA_AUDIT_KEY, the current key',
      );
    return undefined;
  }
  return [...(retired ?? []), current];
}
