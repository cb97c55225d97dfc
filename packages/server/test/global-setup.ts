import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate } from '../src/db/migrate.ts';
import { TEST_APP_PASSWORD } from './constants.ts';
import { dropDatabase, recreateDatabase, startTestPostgres } from './test-postgres.ts';

// One template per run, so that runs side by side (two terminals, CI) do not share one.
const TEMPLATE_DB = `fascia_test_template_${process.pid}`;

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    templateDb: string;
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
    // Left-overs of interrupted runs; a database another run is using right now refuses the drop.
    const stale = await admin.query("SELECT datname FROM pg_database WHERE datname LIKE 'fascia\\_test\\_%'");
    for (const { datname } of stale.rows) {
      await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(datname)}`).catch(() => {});
    }
  } finally {
    await admin.end();
  }
  const templateUrl = await recreateDatabase(adminUrl, TEMPLATE_DB);
  await migrate(templateUrl, { appPassword: TEST_APP_PASSWORD });
  project.provide('pgAdminUrl', adminUrl);
  project.provide('templateDb', TEMPLATE_DB);
  return async () => {
    await dropDatabase(adminUrl, TEMPLATE_DB);
    await stop();
  };
}
