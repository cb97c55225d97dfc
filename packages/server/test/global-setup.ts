import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate } from '../src/db/migrate.ts';
import { TEMPLATE_DB, TEST_APP_PASSWORD } from './constants.ts';
import { recreateDatabase, startTestPostgres } from './test-postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

/**
 * The schema is migrated once into a template database; every test file then gets its own
 * database copied from it (CREATE DATABASE … TEMPLATE), which takes milliseconds.
 */
export default async function setup(project: TestProject) {
  const { adminUrl, stop } = await startTestPostgres();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const stale = await admin.query("SELECT datname FROM pg_database WHERE datname LIKE 'fascia\\_test\\_%'");
    for (const { datname } of stale.rows) {
      await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(datname)} WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
  const templateUrl = await recreateDatabase(adminUrl, TEMPLATE_DB);
  await migrate(templateUrl, { appPassword: TEST_APP_PASSWORD });
  project.provide('pgAdminUrl', adminUrl);
  return stop;
}
