import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import type { OwnerRole } from './data-folder-owner.ts';
import { startEmbeddedPostgres } from './embedded.ts';
import { APP_ROLE, migrate } from './migrate.ts';
import type { Database } from './schema.ts';

// Timestamps come back as JS Dates; bigint counters (audit seq) as strings, exact.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => v);
// Calendar dates stay 'YYYY-MM-DD' strings: a Date would shift them by the server's time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export interface DatabaseHandle {
  /** Connects as the owner: migrations, seeding and maintenance commands only. */
  ownerUrl: string;
  /** Connects as fascia_app, a role that owns nothing and is subject to row-level security. */
  appUrl: string;
  embedded: boolean;
  /** The pid of the running `fascia serve` whose embedded PostgreSQL this connected to, if any. */
  sharedWith?: number | undefined;
  stop(): Promise<void>;
}

const EMBEDDED_DB = 'fascia';

/**
 * With DATABASE_URL: that PostgreSQL, nothing started. Without: the embedded server under
 * <dataDir>/pg, started now and stopped by `stop()`, or, for a one-shot command beside a running
 * `fascia serve`, that server's, left running. Either way the schema is migrated on return.
 */
export async function openDatabase(
  config: Config,
  log: (m: string) => void = () => {},
  role: OwnerRole = 'serve',
): Promise<DatabaseHandle> {
  let ownerUrl: string;
  let stopServer = async () => {};
  let sharedWith: number | undefined;
  if (config.databaseUrl) {
    ownerUrl = config.databaseUrl;
  } else {
    const embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.embeddedPgPort,
      role,
      log,
    });
    stopServer = embedded.stop;
    sharedWith = embedded.sharedWith;
    await ensureDatabase(embedded.ownerUrl, EMBEDDED_DB);
    ownerUrl = withDatabase(embedded.ownerUrl, EMBEDDED_DB);
  }
  try {
    const appPassword = await appRolePassword(config);
    await migrate(ownerUrl, { appPassword, log });
    return {
      ownerUrl,
      appUrl: asAppRole(ownerUrl, appPassword),
      embedded: !config.databaseUrl,
      sharedWith,
      stop: stopServer,
    };
  } catch (err) {
    await stopServer();
    throw err;
  }
}

export function createAppDb(appUrl: string, poolSize: number): Kysely<Database> {
  return kyselyOver(new pg.Pool({ connectionString: appUrl, max: poolSize, application_name: 'fascia' }));
}

export function createOwnerDb(ownerUrl: string): Kysely<Database> {
  return kyselyOver(new pg.Pool({ connectionString: ownerUrl, max: 2, application_name: 'fascia-admin' }));
}

function kyselyOver(pool: pg.Pool): Kysely<Database> {
  // An idle connection dropped by the server (PostgreSQL restarting or stopping with Ctrl-C) is
  // discarded by the pool; without a listener it would crash the process mid-shutdown.
  pool.on('error', () => {});
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: lastResultOfMessage(pool) }) });
}

/**
 * Kysely reads one result per query. A message of several statements without parameters
 * (`BEGIN; SELECT …`, which Tenancy sends to save round trips) yields one result per statement;
 * the one wanted is always the last.
 */
function lastResultOfMessage(pool: pg.Pool): PostgresPool {
  return {
    async connect() {
      const client = await pool.connect();
      return {
        query: ((text: string, parameters: unknown[]) =>
          client
            .query(text, parameters)
            .then((r: pg.QueryResult | pg.QueryResult[]) =>
              Array.isArray(r) ? r[r.length - 1] : r,
            )) as PostgresPoolClient['query'],
        release: () => client.release(),
      };
    },
    end: () => pool.end(),
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function asAppRole(ownerUrl: string, password: string): string {
  const u = new URL(ownerUrl);
  u.username = APP_ROLE;
  u.password = encodeURIComponent(password);
  return u.toString();
}

export async function ensureDatabase(adminUrl: string, database: string, template?: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      const tpl = template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : '';
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}${tpl}`);
    }
  } finally {
    await client.end();
  }
}

/** The app role's password: configured, else generated once and kept in the data directory. */
async function appRolePassword(config: Config): Promise<string> {
  if (config.dbAppPassword) return config.dbAppPassword;
  await mkdir(config.dataDir, { recursive: true });
  const file = path.join(config.dataDir, 'pg-app.secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(24).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}
