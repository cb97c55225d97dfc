import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Machine } from '../lib/machine.ts';
import { median } from '../web/report.ts';
import type { StartTiming, StopTiming } from './server.ts';

/** The benchmark issue's start-up targets. */
export const FIRST_START_LIMIT_MS = 10_000;
export const WARM_START_LIMIT_MS = 2_000;

export interface StartRun extends StartTiming {
  kind: 'first' | 'warm' | 'after kill -9';
  stop: StopTiming;
}

export interface StartResults {
  date: string;
  machine: Machine;
  database: 'embedded' | 'DATABASE_URL';
  command: string;
  /** 1-minute load average before and after: above the core count, the times include waiting for CPU. */
  loadAverage: { before: number; after: number };
  runs: StartRun[];
  /** Whether the kill -9 left the embedded PostgreSQL running for the next start to stop. */
  orphanAfterKill: boolean;
  warmMedianMs: number;
  targets: Array<{ target: string; value: string; met: boolean }>;
}

export function summarise(runs: StartRun[]): Pick<StartResults, 'warmMedianMs' | 'targets'> {
  const first = runs.find((r) => r.kind === 'first');
  const warm = runs.filter((r) => r.kind === 'warm').map((r) => r.readyMs);
  const warmMedianMs = median(warm);
  return {
    warmMedianMs,
    targets: [
      {
        target: `first start (database created) ≤ ${FIRST_START_LIMIT_MS / 1000} s`,
        value: first ? seconds(first.readyMs) : 'not measured',
        met: first !== undefined && first.readyMs <= FIRST_START_LIMIT_MS,
      },
      {
        target: `warm start ≤ ${WARM_START_LIMIT_MS / 1000} s (median of ${warm.length})`,
        value: seconds(warmMedianMs),
        met: warm.length > 0 && warmMedianMs <= WARM_START_LIMIT_MS,
      },
    ],
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const yesNo = (b: boolean) => (b ? 'yes' : 'no');

export function markdown(r: StartResults): string {
  const m = r.machine;
  return [
    `# Fascia start-up — ${r.date}`,
    '',
    `Commit \`${m.commit}\`${m.dirty ? ' (with uncommitted changes)' : ''} · ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB · ${m.os} · Node ${m.node} · PostgreSQL ${m.postgres} (${r.database}) · load average ${r.loadAverage.before} before, ${r.loadAverage.after} after`,
    '',
    `Spawned: \`node ${r.command}\` (what \`npm start\` runs, without npm's own start-up). Process = spawn() until the child exists; ready = spawn() until \`GET /readyz\` answers 200, polled every 25 ms; server = the server's own "ready in" line; stop = signal until the process exited.`,
    '',
    '| Start | Process | Ready | Server | Web built | Demo created | Stop | Stop time | PostgreSQL left |',
    '|---|---:|---:|---:|:---:|:---:|---|---:|:---:|',
    ...r.runs.map(
      (s) =>
        `| ${s.kind} | ${s.processMs} ms | **${seconds(s.readyMs)}** | ${s.reportedS ?? '–'} s | ${yesNo(s.webBuilt)} | ${yesNo(s.demoCreated)} | ${s.stop.signal} | ${seconds(s.stop.ms)} | ${yesNo(s.stop.postgresLeft)} |`,
    ),
    '',
    `Warm start median ${seconds(r.warmMedianMs)}. ${r.database === 'embedded' ? `After kill -9 the embedded PostgreSQL ${r.orphanAfterKill ? 'was still running; the next start stopped it first' : 'had gone with Fascia'}.` : ''}`,
    '',
    '## Targets',
    '',
    '| Target | Measured | Met |',
    '|---|---:|:---:|',
    ...r.targets.map((t) => `| ${t.target} | ${t.value} | ${t.met ? 'yes' : '**no**'} |`),
    '',
  ].join('\n');
}

export function writeResults(dir: string, r: StartResults): { json: string; md: string } {
  const base = `${r.date}-${r.machine.commit}${r.machine.dirty ? '-dirty' : ''}-start`;
  const json = path.join(dir, `${base}.json`);
  const md = path.join(dir, `${base}.md`);
  writeFileSync(json, `${JSON.stringify(r, null, 2)}\n`);
  writeFileSync(md, markdown(r));
  return { json, md };
}
