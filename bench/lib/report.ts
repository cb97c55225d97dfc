import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Fixture } from '../generate/generate.ts';
import type { TableStats } from '../generate/loader.ts';
import type { QueryCount } from '../load/capture.ts';
import type { Measurement } from '../load/runner.ts';
import type { BenchArgs } from './args.ts';
import type { Machine } from './machine.ts';

export interface Comparison {
  scenario: string;
  connections: number;
  fascia: Measurement;
  bare: Measurement;
  /** Fascia's throughput as a share of the bare stack's (1 = no overhead at all). */
  throughputRatio: number;
  /** Fascia's p95 over the bare stack's p95 (1 = no added latency). */
  p95Ratio: number;
}

export interface Results {
  date: string;
  args: BenchArgs;
  machine: Machine;
  rowCounts: Record<string, number>;
  generation?: { seconds: number; tables: Record<string, TableStats & { rowsPerSecond: number }> };
  fhir: boolean;
  queryCounts: QueryCount[];
  comparisons: Comparison[];
  targets: Array<{ target: string; value: string; met: boolean }>;
  failures: string[];
}

export function compare(measurements: Measurement[]): Comparison[] {
  const out: Comparison[] = [];
  for (const f of measurements.filter((m) => m.stack === 'fascia')) {
    const b = measurements.find(
      (m) => m.stack === 'bare' && m.scenario === f.scenario && m.connections === f.connections,
    );
    if (!b) continue;
    out.push({
      scenario: f.scenario,
      connections: f.connections,
      fascia: f,
      bare: b,
      throughputRatio: ratio(f.rps, b.rps),
      p95Ratio: ratio(f.p95, b.p95),
    });
  }
  return out;
}

/** The targets, checked where this run measures them. */
export function checkTargets(results: Pick<Results, 'comparisons' | 'args'>) {
  const targets: Results['targets'] = [];
  const at = (s: string, c: number) =>
    results.comparisons.find((x) => x.scenario === s && x.connections === c);
  const chart = at('chart-open', 10);
  const limit = results.args.scale >= 50 ? 50 : 25;
  if (chart)
    targets.push({
      target: `chart-open p95 ≤ ${limit} ms at 10 connections`,
      value: `${chart.fascia.p95} ms`,
      met: chart.fascia.p95 <= limit,
    });
  const search = at('patient-search', 10);
  if (search && results.args.scale >= 50)
    targets.push({
      target: 'patient-search p95 ≤ 30 ms (scale 50)',
      value: `${search.fascia.p95} ms`,
      met: search.fascia.p95 <= 30,
    });
  const report = at('progress-report', 1);
  if (report)
    targets.push({
      target: 'progress report (25–35 visits) ≤ 300 ms',
      value: `p95 ${report.fascia.p95} ms`,
      met: report.fascia.p95 <= 300,
    });
  for (const c of results.comparisons.filter((x) => x.connections === 10)) {
    targets.push({
      target: `${c.scenario} throughput ≥ 60 % of bare (10 connections)`,
      value: `${Math.round(c.throughputRatio * 100)} %`,
      met: c.throughputRatio >= 0.6,
    });
  }
  return targets;
}

export function writeResults(dir: string, r: Results): { json: string; md: string } {
  const base = `${r.date}-${r.machine.commit}${r.machine.dirty ? '-dirty' : ''}-scale${r.args.scale}`;
  const json = path.join(dir, `${base}.json`);
  const md = path.join(dir, `${base}.md`);
  writeFileSync(json, `${JSON.stringify(r, null, 2)}\n`);
  writeFileSync(md, markdown(r));
  return { json, md };
}

export function markdown(r: Results): string {
  const m = r.machine;
  const lines = [
    `# Fascia benchmark — scale ${r.args.scale}, ${r.date}`,
    '',
    `Commit \`${m.commit}\`${m.dirty ? ' (with uncommitted changes)' : ''} · ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB · ${m.os} · Node ${m.node} · PostgreSQL ${m.postgres}`,
    `Duration ${r.args.duration} s per measurement, connections ${r.args.connections.join('/')}, seed ${r.args.seed}, anchor day ${r.args.anchor}.`,
    '',
    '## Fascia against the bare stack',
    '',
    'Throughput ratio = Fascia req/s ÷ bare req/s (1.00 = no overhead). Latencies in ms.',
    '',
    '| Scenario | Conn | Fascia req/s | p50 | p95 | p99 | Bare req/s | Bare p95 | Ratio | p95 ×  | Non-2xx |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...r.comparisons.map(
      (c) =>
        `| ${c.scenario} | ${c.connections} | ${c.fascia.rps} | ${c.fascia.p50} | ${c.fascia.p95} | ${c.fascia.p99} | ${c.bare.rps} | ${c.bare.p95} | ${c.throughputRatio.toFixed(2)} | ${c.p95Ratio.toFixed(1)} | ${c.fascia.non2xx + c.bare.non2xx} |`,
    ),
    '',
    '## Statements per request',
    '',
    'All = every statement the request ran (BEGIN/COMMIT, session look-up, audit trail). Data = what the bare stack replays.',
    '',
    '| Scenario | Request | Targets | All (min–max) | Mean | Data mean | Budget |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...r.queryCounts.map(
      (q) =>
        `| ${q.scenario} | ${q.step} | ${q.targets} | ${q.min}–${q.max} | ${q.mean} | ${q.dataMean} | ${q.budget} |`,
    ),
    '',
    '## Targets',
    '',
    '| Target | Measured | Met |',
    '|---|---:|:---:|',
    ...r.targets.map((t) => `| ${t.target} | ${t.value} | ${t.met ? 'yes' : '**no**'} |`),
    '',
    '## Data',
    '',
    '| Table | Rows |',
    '|---|---:|',
    ...Object.entries(r.rowCounts).map(([t, n]) => `| ${t} | ${n.toLocaleString('en-US')} |`),
  ];
  if (r.generation) {
    lines.push('', `Generated and loaded in ${r.generation.seconds.toFixed(1)} s:`, '');
    lines.push('| Table | Rows loaded | Rows/s |', '|---|---:|---:|');
    for (const [t, s] of Object.entries(r.generation.tables))
      lines.push(
        `| ${t} | ${s.rows.toLocaleString('en-US')} | ${Math.round(s.rowsPerSecond).toLocaleString('en-US')} |`,
      );
  }
  if (!r.fhir)
    lines.push('', 'FHIR `$everything`: not measured, the server has no `/fhir/R4` routes at this commit.');
  if (r.failures.length) lines.push('', '## Failures', '', ...r.failures.map((f) => `- ${f}`));
  return `${lines.join('\n')}\n`;
}

export function withRates(tables: Record<string, TableStats>) {
  return Object.fromEntries(
    Object.entries(tables).map(([t, s]) => [
      t,
      { ...s, rowsPerSecond: s.ms > 0 ? (s.rows * 1000) / s.ms : 0 },
    ]),
  );
}

export type { Fixture };

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : 0);
