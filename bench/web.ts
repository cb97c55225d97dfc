/**
 * `npm run bench:web`: the web app's targets from the benchmark issue, measured in a real
 * headless Chromium against the real server — the JavaScript the sign-in route loads (≤ 300 KB
 * gzip) and how soon a cold load of a patient's chart is interactive (≤ 1 s on localhost).
 * See docs/benchmarks.md, "Web app".
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS } from '../e2e/chromium.ts';
import { describeMachine } from './lib/machine.ts';
import { measureChart, measureSignIn, signInTherapist } from './web/measure.ts';
import { checkTargets, markdown, median, type WebResults, writeResults } from './web/report.ts';
import { REPO_ROOT, type RunningServer, startServer } from './web/server.ts';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '1' },
    // A name for the result files, e.g. "before-split" when measuring a change.
    label: { type: 'string' },
    // Measure the build already in packages/web/dist (the server would still rebuild a stale one).
    'no-build': { type: 'boolean', default: false },
  },
});
const runs = Number(args.runs);
const warmups = Number(args.warmup);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(warmups) || warmups < 0) {
  throw new Error('--runs must be a whole number ≥ 1 and --warmup ≥ 0');
}

const DIST = path.join(REPO_ROOT, 'packages/web/dist');
const log = (m: string) => console.log(m);

async function main(): Promise<number> {
  if (!args['no-build']) {
    log('building the web app…');
    execFileSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  // Ctrl-C still stops the server and removes its data.
  const interrupted = () => {
    void Promise.allSettled([browser?.close(), server?.stop()]).then(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  try {
    server = await startServer(log);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
    const { baseUrl } = server;
    const db = new pg.Client({ connectionString: server.ownerUrl });
    await db.connect();
    const machine = await describeMachine(db).finally(() => db.end());

    log('sign-in route: sizing its JavaScript…');
    const signIn = await measureSignIn(browser, baseUrl, DIST);

    log(`chart: ${warmups} warm-up and ${runs} measured cold loads…`);
    const { chartPath, storageState } = await signInTherapist(browser, baseUrl);
    const warmup = [];
    for (let i = 0; i < warmups; i++)
      warmup.push(await measureChart(browser, baseUrl, chartPath, storageState));
    const measured = [];
    for (let i = 0; i < runs; i++)
      measured.push(await measureChart(browser, baseUrl, chartPath, storageState));
    const ready = measured.map((c) => c.chartReadyMs);

    const partial = {
      signIn,
      chart: {
        path: chartPath.replace(/[0-9a-f-]{36}$/, ':id'),
        warmup,
        runs: measured,
        chartReady: { medianMs: median(ready), maxMs: Math.max(...ready) },
      },
    };
    const results: WebResults = {
      date: new Date().toISOString().slice(0, 10),
      label: args.label,
      machine: { ...machine, chromium: browser.version() },
      database: process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded',
      ...partial,
      targets: checkTargets(partial),
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
    await browser?.close();
    await server?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
