import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
export const APP_ROLE = 'fascia_app';

export interface MigrationFile {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const sql = readFileSync(path.join(dir, file), 'utf8');
      return {
        version: Number.parseInt(file.slice(0, 4), 10),
        name: file.replace(/\.sql$/, ''),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

/**
 * Applies the numbered SQL migrations in order, each in its own transaction, under an advisory
 * lock so that several app servers starting together do not race. Runs as the database owner;
 * afterwards it (re)creates the login role the app uses, which owns nothing, and refuses to finish
 * if any tenant table lacks forced row-level security.
 */
export async function migrate(
  ownerUrl: string,
  opts: { appPassword: string; migrations?: MigrationFile[]; log?: (m: string) => void },
): Promise<{ applied: string[] }> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock(727274)');
    await ensureAppRole(client, opts.appPassword);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Map<number, string>(
      (await client.query('SELECT version, checksum FROM schema_migrations')).rows.map((r) => [
        r.version,
        r.checksum,
      ]),
    );
    for (const m of opts.migrations ?? readMigrations()) {
      const known = done.get(m.version);
      if (known !== undefined) {
        if (known !== m.checksum) {
          throw new Error(
            `Migration ${m.name} was changed after it was applied; add a new migration instead.`,
          );
        }
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
          m.version,
          m.name,
          m.checksum,
        ]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${m.name} failed: ${(err as Error).message}`);
      }
      applied.push(m.name);
      opts.log?.(`applied migration ${m.name}`);
    }
    const unprotected = await findUnprotectedTenantTables(client);
    if (unprotected.length > 0) {
      throw new Error(
        `Tenant tables without forced row-level security and a policy: ${unprotected.join(', ')}. ` +
          'Every table with organization_id needs ENABLE + FORCE ROW LEVEL SECURITY and a tenant policy.',
      );
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(727274)').catch(() => {});
    await client.end();
  }
  return { applied };
}

async function ensureAppRole(client: pg.Client, password: string): Promise<void> {
  const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [APP_ROLE]);
  const literal = client.escapeLiteral(password);
  if (exists.rowCount === 0) {
    await client
      .query(
        `CREATE ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD ${literal}`,
      )
      .catch(async (err) => {
        // Two servers creating the role at once: the loser finds it there.
        if (!/already exists/.test((err as Error).message)) throw err;
      });
  }
  await client.query(`ALTER ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD ${literal}`);
}

/** Tables that carry organization_id but are not protected by forced RLS with at least one policy. */
export async function findUnprotectedTenantTables(client: pg.Client | pg.PoolClient): Promise<string[]> {
  const res = await client.query(`
    SELECT c.relname
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'organization_id' AND NOT a.attisdropped
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
       AND (NOT c.relrowsecurity OR NOT c.relforcerowsecurity
            OR NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid))
     ORDER BY 1`);
  return res.rows.map((r) => r.relname as string);
}
