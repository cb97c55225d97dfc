import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadConfig } from '../../packages/server/src/config.ts';
import { openDatabase, withDatabase } from '../../packages/server/src/db/connection.ts';
import { startEmbeddedPostgres } from '../../packages/server/src/db/embedded.ts';

export const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BENCH_DB = 'fascia_bench';
/**
 * Never the machine-wide 5432, nor the 54329 of `npm start`, nor the 54339 of the test lanes'
 * embedded server, so a running Fascia or test run is left alone.
 */
const EMBEDDED_PORT = 54349;
/** The app role is cluster-wide: on a shared server pass the password its other databases use. */
const APP_PASSWORD = process.env.FASCIA_DB_APP_PASSWORD ?? 'fascia-bench-app-role-password';

export interface BenchDatabase {
  ownerUrl: string;
  appUrl: string;
  embedded: boolean;
  /** true when the database was dropped and created for this run. */
  fresh: boolean;
  stop(): Promise<void>;
}

/**
 * With DATABASE_URL: a database `fascia_bench` on that server. Without: the embedded PostgreSQL
 * under bench/.data. Either way it is dropped and created again unless `reuse` finds one, then
 * migrated exactly as `npm start` migrates.
 */
export async function openBenchDatabase(reuse: boolean, log: (m: string) => void): Promise<BenchDatabase> {
  const dataDir = path.join(BENCH_DIR, '.data');
  let adminUrl: string;
  let stop = async () => {};
  const external = process.env.DATABASE_URL;
  if (external) {
    adminUrl = external;
  } else {
    const embedded = await startEmbeddedPostgres({ dataDir, port: EMBEDDED_PORT });
    adminUrl = embedded.ownerUrl;
    stop = embedded.stop;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  let fresh = true;
  try {
    const exists =
      (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [BENCH_DB])).rowCount === 1;
    if (exists && reuse) {
      fresh = false;
    } else {
      if (exists) await admin.query(`DROP DATABASE ${BENCH_DB} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${BENCH_DB}`);
    }
  } finally {
    await admin.end();
  }
  const config = loadConfig({
    DATABASE_URL: withDatabase(adminUrl, BENCH_DB),
    FASCIA_DB_APP_PASSWORD: APP_PASSWORD,
    FASCIA_DATA_DIR: dataDir,
    FASCIA_DEMO: 'false',
  });
  const handle = await openDatabase(config, log);
  return { ownerUrl: handle.ownerUrl, appUrl: handle.appUrl, embedded: !external, fresh, stop };
}
