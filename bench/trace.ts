/**
 * `npx tsx bench/trace.ts [path]`: where one request's time goes. Runs the app in-process on the
 * benchmark database (run `npm run bench` once first), sends the request one at a time and
 * prints the mean time of the whole request against the time spent in each statement.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { promisify } from 'node:util';
import pg from 'pg';
import { buildApp } from '../packages/server/src/app.ts';
import { loadConfig } from '../packages/server/src/config.ts';
import { createAppDb } from '../packages/server/src/db/connection.ts';
import type { Fixture } from './generate/generate.ts';
import { openBenchDatabase } from './lib/database.ts';
import { BENCH_PASSWORD, signIn } from './load/capture.ts';

const target = process.argv[2] ?? '/api/patients?limit=25';
const N = 400;
const db = await openBenchDatabase(true, () => {});
const owner = new pg.Client({ connectionString: db.ownerUrl });
await owner.connect();
const fixture = (await owner.query("SELECT value FROM bench_meta WHERE key = 'fixture'")).rows[0]
  ?.value as Fixture;

const spent = new Map<string, { n: number; ms: number }>();
let tracing = false;
const original = pg.Client.prototype.query as (...args: unknown[]) => Promise<unknown>;
(pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown }).query = function (
  this: pg.Client,
  ...args: unknown[]
) {
  const started = performance.now();
  const result = original.apply(this, args);
  if (!tracing || !(result instanceof Promise)) return result;
  const text = String(typeof args[0] === 'string' ? args[0] : (args[0] as { text: string }).text);
  const key = text.replace(/\s+/g, ' ').slice(0, 70);
  return result.then((r) => {
    const s = spent.get(key) ?? { n: 0, ms: 0 };
    s.n += 1;
    s.ms += performance.now() - started;
    spent.set(key, s);
    return r;
  });
};

const config = loadConfig({ FASCIA_LOG_LEVEL: 'silent', FASCIA_DEMO: 'false', FASCIA_PORT: '0' });
const appDb = createAppDb(db.appUrl, 10);
const app = await buildApp(config, appDb);
await app.listen({ host: '127.0.0.1', port: 0 });
const port = (app.server.address() as { port: number }).port;
const session = await signIn(port, fixture.ownerEmail, BENCH_PASSWORD);
const url = target.replace('{patient}', fixture.chart[0]?.patientId ?? '');
const get = () => fetch(`http://127.0.0.1:${port}${url}`, { headers: { cookie: session.cookie } });
for (let i = 0; i < 100; i++) await (await get()).arrayBuffer();
tracing = true;
const started = performance.now();
for (let i = 0; i < N; i++) {
  const res = await get();
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
}
const total = (performance.now() - started) / N;
tracing = false;
console.log(`${url}: ${total.toFixed(2)} ms per request`);
let inSql = 0;
for (const [k, s] of [...spent].sort((a, b) => b[1].ms - a[1].ms)) {
  inSql += s.ms / N;
  console.log(`${(s.ms / N).toFixed(3).padStart(7)} ms  ×${(s.n / N).toFixed(1)}  ${k}`);
}
console.log(`${inSql.toFixed(2)} ms in statements, ${(total - inSql).toFixed(2)} ms elsewhere`);
if (process.argv.includes('--profile')) await profileUnderLoad();
await app.close();
await appDb.destroy();
await owner.end();
await db.stop();

/** A CPU profile of the server alone while autocannon (another process) holds 10 connections. */
async function profileUnderLoad() {
  const inspector = new Session();
  inspector.connect();
  await inspector.post('Profiler.enable');
  await inspector.post('Profiler.start');
  const { stderr } = await promisify(execFile)('npx', [
    'autocannon',
    '-c',
    '10',
    '-d',
    '8',
    '-H',
    `cookie=${session.cookie}`,
    `http://127.0.0.1:${port}${url}`,
  ]);
  console.log(stderr.split('\n').slice(-12).join('\n'));
  const { profile } = await inspector.post('Profiler.stop');
  writeFileSync('/tmp/trace.cpuprofile', JSON.stringify(profile));
  console.log('profile: /tmp/trace.cpuprofile');
}
