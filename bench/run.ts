/**
 * `npm run bench [-- --scale N --duration S --connections 1,10,50 --only a,b --reuse]`
 *
 * Generates a clinic network's worth of data, starts the real app and the bare stack as child
 * processes, records the statements of every scenario's requests (counted against a budget, and
 * replayed by the bare stack), then measures both stacks at each connection count and writes
 * JSON and Markdown to bench/results/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { encodeCursor } from '../packages/server/src/modules/patients/patients.repo.ts';
import { hashPassword } from '../packages/server/src/platform/auth/credentials.ts';
import { type Fixture, generate } from './generate/generate.ts';
import { parseArgs } from './lib/args.ts';
import { BENCH_DIR, openBenchDatabase } from './lib/database.ts';
import { describeMachine } from './lib/machine.ts';
import { checkTargets, compare, markdown, type Results, withRates, writeResults } from './lib/report.ts';
import { BENCH_PASSWORD, type QueryCount, recordScenario, signIn } from './load/capture.ts';
import { startChild } from './load/children.ts';
import { measure } from './load/runner.ts';
import { buildScenarios, type Session } from './load/scenarios.ts';
import type { Statement } from './load/statements.ts';

const POOL_SIZE = '10';
const started = performance.now();
const log = (m: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1)}s] ${m}`);

const args = parseArgs(process.argv.slice(2));
log(`scale ${args.scale}, ${args.duration} s per measurement, connections ${args.connections.join('/')}`);
const db = await openBenchDatabase(args.reuse, () => {});
log(`database ready (${db.embedded ? 'embedded PostgreSQL in bench/.data' : 'DATABASE_URL'}, fascia_bench)`);
const owner = new pg.Client({ connectionString: db.ownerUrl });
await owner.connect();

let fixture: Fixture | undefined;
let generation: Results['generation'];
if (!db.fresh) {
  const meta = await owner
    .query("SELECT value FROM bench_meta WHERE key = 'fixture'")
    .catch(() => ({ rows: [] }));
  const found = meta.rows[0]?.value as Fixture | undefined;
  if (found?.scale === args.scale && found.seed === args.seed) fixture = found;
}
if (!fixture) {
  if (!db.fresh) throw new Error('--reuse found a database of another scale or seed; run without --reuse');
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const g = await generate(owner, {
    scale: args.scale,
    seed: args.seed,
    anchor: args.anchor,
    passwordHash,
    log,
  });
  fixture = g.fixture;
  generation = { seconds: g.seconds, tables: withRates(g.tables) };
  log(`generated in ${g.seconds.toFixed(1)} s`);
}
args.anchor = fixture.anchor;
const machine = await describeMachine(owner);
const rowCounts = await countRows(owner);

// What the scenarios need from the data: pages further into the list, the drafts' contents,
// and the prepared drafts not yet signed (a reused database has fewer).
const orgId = (
  await owner.query<{ organization_id: string }>('SELECT organization_id FROM users WHERE email = $1', [
    fixture.ownerEmail,
  ])
).rows[0]?.organization_id;
const listCursors: string[] = [];
const total = rowCounts.patients ?? 0;
for (let i = 1; i < 20; i++) {
  const r = await owner.query<{ family_name: string; given_name: string; id: string }>(
    `SELECT family_name, given_name, id FROM patients WHERE organization_id = $1
     ORDER BY family_name, given_name, id OFFSET $2 LIMIT 1`,
    [orgId, Math.floor((i * total) / (20 * Math.max(1, fixture.organizations)))],
  );
  const row = r.rows[0];
  if (row) listCursors.push(encodeCursor({ f: row.family_name, g: row.given_name, i: row.id }));
}
const drafts = await owner.query<{ id: string; content: unknown; status: string; version: number }>(
  'SELECT id, content, status, version FROM session_notes WHERE id = ANY($1)',
  [[...fixture.saveDrafts, ...fixture.signDrafts].map((d) => d.noteId)],
);
const draftContent = new Map(drafts.rows.map((r) => [r.id, r.content]));
const draftVersion = new Map(drafts.rows.map((r) => [r.id, r.version]));
const stillDraft = new Set(drafts.rows.filter((r) => r.status === 'draft').map((r) => r.id));
const signable = fixture.signDrafts.filter((d) => stillDraft.has(d.noteId));

const childEnv = { BENCH_APP_URL: db.appUrl, BENCH_POOL_SIZE: POOL_SIZE };
const fascia = await startChild('serve-fascia.ts', childEnv);
const bare = await startChild('serve-bare.ts', childEnv);
const failures: string[] = [];
try {
  const sessions = new Map<string, Session>();
  for (const [id, email] of Object.entries(fixture.therapists))
    sessions.set(id, await signIn(fascia.port, email, BENCH_PASSWORD));
  const ownerSession = await signIn(fascia.port, fixture.ownerEmail, BENCH_PASSWORD);
  const { urls } = await fascia.ask<{ urls: string[] }>({ type: 'routes' }, 'routes');
  const fhir = urls.some((u) => u.startsWith('/fhir/R4'));
  log(`signed in ${sessions.size + 1} staff; Fascia on :${fascia.port}, bare stack on :${bare.port}`);

  const scenarios = buildScenarios({
    fixture,
    sessions,
    owner: ownerSession,
    listCursors,
    draftContent,
    draftVersion,
    readVersions: async (ids) => {
      const r = await owner.query<{ id: string; version: number }>(
        'SELECT id, version FROM session_notes WHERE id = ANY($1)',
        [ids],
      );
      return new Map(r.rows.map((x) => [x.id, x.version]));
    },
    signable,
    targets: args.targets,
    runsPerScenario: args.connections.length * 2,
    fhir,
  }).filter((s) => !args.only || args.only.includes(s.name));

  const scripts: Record<string, Statement[][]> = {};
  const queryCounts: QueryCount[] = [];
  for (const scn of scenarios) queryCounts.push(...(await recordScenario(fascia, scn, scripts)));
  for (const q of queryCounts) {
    if (q.max > q.budget)
      failures.push(
        `${q.scenario} ${q.step}: ${q.max} statements in one request, budget ${q.budget} (a query per row?)`,
      );
  }
  await bare.ask({ type: 'scripts', scripts }, 'loaded');
  log(`recorded ${queryCounts.reduce((s, q) => s + q.targets, 0)} requests' statements`);

  const measurements = [];
  for (const scn of scenarios) {
    for (const connections of args.connections) {
      for (const [stack, port] of [
        ['fascia', fascia.port],
        ['bare', bare.port],
      ] as const) {
        await quiesce(owner);
        const m = await measure(scn, stack, port, connections, args.duration);
        measurements.push(m);
        if (m.non2xx || m.errors)
          failures.push(`${scn.name} ${stack} ×${connections}: ${m.non2xx} non-2xx, ${m.errors} errors`);
      }
      const [f, b] = measurements.slice(-2);
      log(
        `${scn.name.padEnd(16)} ×${String(connections).padEnd(3)} fascia ${f?.rps} req/s p95 ${f?.p95} ms | bare ${b?.rps} req/s p95 ${b?.p95} ms`,
      );
    }
  }

  const comparisons = compare(measurements);
  const results: Results = {
    date: new Date().toISOString().slice(0, 10),
    args,
    machine,
    rowCounts,
    ...(generation ? { generation } : {}),
    fhir,
    queryCounts,
    comparisons,
    targets: checkTargets({ comparisons, args }),
    failures,
  };
  const dir = path.join(BENCH_DIR, 'results');
  mkdirSync(dir, { recursive: true });
  const files = writeResults(dir, results);
  console.log(`\n${markdown(results)}`);
  log(`results: ${path.relative(process.cwd(), files.md)} and .json`);
} finally {
  await owner.end();
  await fascia.stop();
  await bare.stop();
  await db.stop();
}
if (failures.length) {
  console.error(`\nBENCHMARK FAILED:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  process.exit(1);
}

async function countRows(client: pg.Client): Promise<Record<string, number>> {
  const tables = [
    'patients',
    'session_notes',
    'screenings',
    'referrals',
    'outcome_responses',
    'audit_events',
    'users',
  ];
  const out: Record<string, number> = {};
  for (const t of tables)
    out[t] = Number((await client.query(`SELECT count(*) AS n FROM ${t}`)).rows[0]?.n ?? 0);
  return out;
}

/**
 * Requests cut off when a measurement's time ran out keep running on the server (a PDF being
 * rendered, a transaction waiting for the clinic's audit lock); the next measurement starts once
 * PostgreSQL has no statement of the app or the bare stack left, so it does not inherit them.
 */
async function quiesce(client: pg.Client): Promise<void> {
  for (let waited = 0; waited < 15_000; waited += 50) {
    const busy = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_stat_activity
       WHERE application_name IN ('fascia', 'fascia-bare') AND state NOT IN ('idle')`,
    );
    if (Number(busy.rows[0]?.n ?? 0) === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}
