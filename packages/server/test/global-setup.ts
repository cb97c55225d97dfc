import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { migrate } from '../src/db/migrate.ts';
import { TEMPLATE_DB, TEST_APP_PASSWORD } from './constants.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * One PostgreSQL for the whole run: the machine's when DATABASE_URL is set (CI), else an embedded
 * one under .test-db. The schema is migrated once into a template database; every test file then
 * gets its own database copied from it (CREATE DATABASE … TEMPLATE), which takes milliseconds.
 */
export default async function setup(project: TestProject) {
  let stop = async () => {};
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const embedded = await startEmbeddedPostgres({
      dataDir: path.join(repoRoot, '.test-db'),
      port: Number(process.env.FASCIA_TEST_PG_PORT ?? 54339),
    });
    adminUrl = embedded.ownerUrl;
    stop = embedded.stop;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const stale = await admin.query(
      "SELECT datname FROM pg_database WHERE datname LIKE 'fascia\\_test\\_%' OR datname = $1",
      [TEMPLATE_DB],
    );
    for (const { datname } of stale.rows) {
      await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(datname)} WITH (FORCE)`);
    }
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(TEMPLATE_DB)}`);
  } finally {
    await admin.end();
  }
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${TEMPLATE_DB}`;
  await migrate(templateUrl.toString(), { appPassword: TEST_APP_PASSWORD });
  project.provide('pgAdminUrl', adminUrl);
  return stop;
}
