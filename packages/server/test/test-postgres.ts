import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * The PostgreSQL a test run uses: the machine's when DATABASE_URL is set (CI), else an embedded
 * one whose data lives in .test-db (kept between runs, so a second run starts in about a second).
 */
export async function startTestPostgres(): Promise<{ adminUrl: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { adminUrl: process.env.DATABASE_URL, stop: async () => {} };
  const dataDir = path.join(repoRoot, '.test-db');
  const port = Number(process.env.FASCIA_TEST_PG_PORT ?? 54339);
  // Another test run (a second terminal) may have the embedded server up already: share it.
  const running = await alreadyRunning(dataDir, port);
  if (running) return { adminUrl: running, stop: async () => {} };
  const embedded = await startEmbeddedPostgres({ dataDir, port });
  return { adminUrl: embedded.ownerUrl, stop: embedded.stop };
}

async function alreadyRunning(dataDir: string, port: number): Promise<string | undefined> {
  const secret = path.join(dataDir, 'pg-owner.secret');
  if (!existsSync(secret)) return undefined;
  const url = `postgres://fascia_owner:${encodeURIComponent(readFileSync(secret, 'utf8').trim())}@127.0.0.1:${port}/postgres`;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.end();
    return url;
  } catch {
    return undefined;
  }
}

export async function recreateDatabase(adminUrl: string, name: string, template?: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
    await admin.query(
      `CREATE DATABASE ${admin.escapeIdentifier(name)}${template ? ` TEMPLATE ${admin.escapeIdentifier(template)}` : ''}`,
    );
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export { repoRoot };
