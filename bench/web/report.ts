import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Machine } from '../lib/machine.ts';
import type { ChartLoad, SignInLoad } from './measure.ts';

/** The issue's targets for the web app. */
export const SIGN_IN_JS_LIMIT_KB = 300;
export const CHART_READY_LIMIT_MS = 1000;

/** The machine as `npm run bench` describes it, plus the browser that measured. */
export type WebMachine = Machine & { chromium: string };

export interface WebResults {
  date: string;
  label: string | undefined;
  machine: WebMachine;
  database: 'embedded' | 'DATABASE_URL';
  signIn: SignInLoad;
  chart: {
    path: string;
    warmup: ChartLoad[];
    runs: ChartLoad[];
    chartReady: { medianMs: number; maxMs: number };
  };
  targets: Array<{ target: string; value: string; met: boolean }>;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const at = (i: number) => sorted[i] ?? Number.NaN;
  return sorted.length % 2 ? at(mid) : Math.round(((at(mid - 1) + at(mid)) / 2) * 10) / 10;
}

export function checkTargets(r: Pick<WebResults, 'signIn' | 'chart'>): WebResults['targets'] {
  // kB of 1000 bytes, as Vite's build report counts them (the stricter reading of the target).
  const kb = r.signIn.totalGzipBytes / 1000;
  return [
    {
      target: `sign-in route JavaScript ≤ ${SIGN_IN_JS_LIMIT_KB} kB gzip`,
      value: `${kb.toFixed(1)} kB`,
      met: kb <= SIGN_IN_JS_LIMIT_KB,
    },
    {
      target: `chart interactive ≤ ${CHART_READY_LIMIT_MS} ms (cold load, max of ${r.chart.runs.length})`,
      value: `median ${r.chart.chartReady.medianMs} ms, max ${r.chart.chartReady.maxMs} ms`,
      met: r.chart.chartReady.maxMs <= CHART_READY_LIMIT_MS,
    },
  ];
}

const kb = (bytes: number) => (bytes / 1000).toFixed(1);

export function markdown(r: WebResults): string {
  const m = r.machine;
  return [
    `# Fascia web app — ${r.date}${r.label ? ` (${r.label})` : ''}`,
    '',
    `Commit \`${m.commit}\`${m.dirty ? ' (with uncommitted changes)' : ''} · ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB · ${m.os} · Node ${m.node} · PostgreSQL ${m.postgres} (${r.database}) · Chromium ${m.chromium} (headless)`,
    '',
    `## JavaScript the sign-in route loads (${r.signIn.path})`,
    '',
    'Every script and modulepreload the browser fetched before the form was shown and the network was quiet; sizes of the built files, gzip at level 9.',
    '',
    '| File | Raw kB | Gzip kB |',
    '|---|---:|---:|',
    ...r.signIn.scripts.map((s) => `| ${s.file} | ${kb(s.bytes)} | ${kb(s.gzipBytes)} |`),
    `| **total** | **${kb(r.signIn.totalBytes)}** | **${kb(r.signIn.totalGzipBytes)}** |`,
    '',
    `DOMContentLoaded ${Math.round(r.signIn.domContentLoadedMs)} ms, load ${Math.round(r.signIn.loadMs)} ms.`,
    '',
    `## Chart, cold full page load (${r.chart.runs.length} runs after ${r.chart.warmup.length} warm-up)`,
    '',
    'A fresh browser context each run (signed in, empty cache). Chart ready = the `fascia:chart-ready` mark, issued when the patient header has rendered; all times in ms since navigation start.',
    '',
    '| Run | Chart ready | DOMContentLoaded | Load | Scripts |',
    '|---:|---:|---:|---:|---:|',
    ...r.chart.runs.map(
      (c, i) => `| ${i + 1} | ${c.chartReadyMs} | ${c.domContentLoadedMs} | ${c.loadMs} | ${c.scripts} |`,
    ),
    '',
    `Chart ready: median ${r.chart.chartReady.medianMs} ms, max ${r.chart.chartReady.maxMs} ms.`,
    '',
    '## Targets',
    '',
    '| Target | Measured | Met |',
    '|---|---:|:---:|',
    ...r.targets.map((t) => `| ${t.target} | ${t.value} | ${t.met ? 'yes' : '**no**'} |`),
    '',
  ].join('\n');
}

export function writeResults(dir: string, r: WebResults): { json: string; md: string } {
  const label = r.label ? `-${r.label.replace(/[^a-z0-9]+/gi, '-')}` : '';
  const base = `${r.date}-${r.machine.commit}${r.machine.dirty ? '-dirty' : ''}${label}-web`;
  const json = path.join(dir, `${base}.json`);
  const md = path.join(dir, `${base}.md`);
  writeFileSync(json, `${JSON.stringify(r, null, 2)}\n`);
  writeFileSync(md, markdown(r));
  return { json, md };
}
