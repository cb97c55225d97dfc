import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { waitUntilReady } from '../../e2e/server-ready.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Ports other Fascia processes use: the machine's PostgreSQL, `npm start`, test lanes, `npm run bench`. */
const TAKEN = new Set([5432, 54329, 54339, 54349]);
/** The database made on a DATABASE_URL server for one run, dropped afterwards. */
const WEB_BENCH_DB = 'fascia_bench_web';
/** The app role is cluster-wide: on a shared server pass the password its other databases use. */
const APP_PASSWORD = process.env.FASCIA_DB_APP_PASSWORD ?? 'fascia-bench-app-role-password';

export interface RunningServer {
  baseUrl: string;
  /** Where the run's data lives: the temporary directory, or the database on DATABASE_URL. */
  database: string;
  /** The database owner's URL, for describing the machine (PostgreSQL version). */
  ownerUrl: string;
  stop(): Promise<void>;
}

/** A port the kernel just handed out, so nothing else is listening on it. */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const s = net.createServer();
      s.once('error', reject);
      s.listen(0, '127.0.0.1', () => {
        const address = s.address();
        s.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    if (port >= 1024 && !TAKEN.has(port)) return port;
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Starts Fascia the way a clinic does (`fascia serve`) with the demo clinic, on a fresh data
 * directory (embedded PostgreSQL) or, with DATABASE_URL, a fresh database on that server, and
 * waits for /readyz. The web app must already be built: the server would build a stale one itself.
 */
export async function startServer(log: (m: string) => void): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'fascia-bench-web-'));
  // mkdtemp makes it 0700; under root the embedded PostgreSQL runs as `postgres` and must reach
  // its cluster inside (the secrets beside it are 0600 files of their own).
  chmodSync(dataDir, 0o755);
  const port = await freePort();
  const external = process.env.DATABASE_URL;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    FASCIA_DATA_DIR: dataDir,
    FASCIA_PORT: String(port),
    FASCIA_PUBLIC_URL: `http://127.0.0.1:${port}`,
    FASCIA_DEMO: 'true',
    FASCIA_LOG_LEVEL: 'warn',
    // Every repetition signs in again; the production limit would refuse a long run.
    FASCIA_SIGN_IN_RATE_PER_MINUTE: '1000',
  };
  if (external) {
    await admin(external, `DROP DATABASE IF EXISTS ${WEB_BENCH_DB} WITH (FORCE)`);
    await admin(external, `CREATE DATABASE ${WEB_BENCH_DB}`);
    env.DATABASE_URL = withDatabase(external, WEB_BENCH_DB);
    env.FASCIA_DB_APP_PASSWORD = APP_PASSWORD;
  } else {
    env.FASCIA_PG_PORT = String(await freePort());
  }
  const baseUrl = `http://127.0.0.1:${port}`;
  const server: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'packages/server/src/main.ts', 'serve'],
    // Its own process group, so stopping it reaches the embedded PostgreSQL it started too.
    { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));

  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      server.kill('SIGTERM');
      const timeout = setTimeout(() => {
        if (server.pid) process.kill(-server.pid, 'SIGKILL');
      }, 20_000);
      await exited;
      clearTimeout(timeout);
    }
    if (external) await admin(external, `DROP DATABASE IF EXISTS ${WEB_BENCH_DB} WITH (FORCE)`);
    rmSync(dataDir, { recursive: true, force: true });
  };

  log(`starting the server on ${baseUrl} (${external ? `database ${WEB_BENCH_DB}` : dataDir})…`);
  try {
    await waitUntilReady(server, baseUrl, 180_000);
  } catch (err) {
    await stop();
    throw err;
  }
  // The embedded cluster's owner and password as packages/server/src/db/embedded.ts makes them.
  const ownerUrl =
    env.DATABASE_URL ??
    `postgres://fascia_owner:${encodeURIComponent(readFileSync(path.join(dataDir, 'pg-owner.secret'), 'utf8').trim())}@127.0.0.1:${env.FASCIA_PG_PORT}/postgres`;
  return { baseUrl, database: external ? WEB_BENCH_DB : dataDir, ownerUrl, stop };
}
