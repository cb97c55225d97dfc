#!/usr/bin/env node
// `npm test`: the three lanes of docs/architecture.md, one after the other, each with its own
// Vitest run. Says which lanes ran and which were skipped (and why), and ends with the plain line
// `N passed, N failed`. REQUIRE_BROWSER=1 (set in CI) turns a missing browser into a failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const requireBrowser = ['1', 'true', 'yes'].includes(String(process.env.REQUIRE_BROWSER ?? '').toLowerCase());
const only = process.argv.slice(2);
const lanes = [
  { name: 'unit', what: 'domain and web unit tests' },
  {
    name: 'int',
    what: `integration tests against ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'an embedded PostgreSQL'}`,
  },
  {
    name: 'e2e',
    what: 'browser tests in Chromium',
    needs: () => (existsSync(chromium) ? null : `no browser at ${chromium} (apt-get install -y chromium)`),
  },
].filter((l) => only.length === 0 || only.includes(l.name));

const outDir = path.resolve('test-results');
mkdirSync(outDir, { recursive: true });
let passed = 0;
let failed = 0;
const summary = [];

for (const lane of lanes) {
  const missing = lane.needs?.();
  if (missing) {
    if (requireBrowser) {
      summary.push(`${lane.name}: FAILED — required but ${missing}`);
      failed += 1;
    } else {
      summary.push(`${lane.name}: skipped — ${missing}`);
    }
    continue;
  }
  const report = path.join(outDir, `${lane.name}.json`);
  rmSync(report, { force: true });
  console.log(`\n=== ${lane.name}: ${lane.what} ===`);
  const run = spawnSync(
    process.execPath,
    [
      'node_modules/vitest/vitest.mjs',
      'run',
      '--project',
      lane.name,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    { stdio: 'inherit' },
  );
  if (!existsSync(report)) {
    summary.push(`${lane.name}: FAILED to run (exit ${run.status})`);
    failed += 1;
    continue;
  }
  const r = JSON.parse(readFileSync(report, 'utf8'));
  // A file that fails to load counts as a failure even though it has no test results.
  const brokenFiles = (r.testResults ?? []).filter(
    (f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0,
  ).length;
  passed += r.numPassedTests;
  failed += r.numFailedTests + brokenFiles;
  const skipped = r.numPendingTests + r.numTodoTests;
  summary.push(
    `${lane.name}: ${r.numPassedTests} passed, ${r.numFailedTests + brokenFiles} failed${skipped ? `, ${skipped} skipped` : ''}`,
  );
  if (r.numTotalTests === 0 && brokenFiles === 0) {
    summary.push(`${lane.name}: FAILED — no tests found`);
    failed += 1;
  }
}

console.log('\n=== summary ===');
for (const line of summary) console.log(line);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
