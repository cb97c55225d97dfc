import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../web/server.ts';

/** Exactly what `npm start` runs (package.json), without npm in front of it. */
export const COMMAND = ['--import', 'tsx', 'packages/server/src/main.ts', 'serve'];
/** The issue asks for readiness polled this often, so the measured time is at most 25 ms late. */
const POLL_MS = 25;
/** A first start may build the web app on a busy machine; anything slower is a failure, not a number. */
const READY_TIMEOUT_MS = 180_000;

export interface StartTiming {
  /** From spawn() to the child process existing (Node's 'spawn' event). */
  processMs: number;
  /** From spawn() to the first `GET /readyz` answered 200. */
  readyMs: number;
  /** The server's own "ready in … s" line, measured from inside main.ts. */
  reportedS: number | undefined;
  webBuilt: boolean;
  demoCreated: boolean;
}

export interface StopTiming {
  signal: 'SIGINT' | 'SIGKILL';
  /** From the signal to the Fascia process having exited. */
  ms: number;
  /** The embedded PostgreSQL still running after Fascia exited (expected only after SIGKILL). */
  postgresLeft: boolean;
}

export interface Started {
  child: ChildProcess;
  timing: StartTiming;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `spawned` hands the child over at once, so an interrupted benchmark can stop a server still starting. */
export async function startTimed(
  env: NodeJS.ProcessEnv,
  baseUrl: string,
  spawned: (child: ChildProcess) => void,
): Promise<Started> {
  let output = '';
  const t0 = performance.now();
  // Its own process group, so a SIGINT to the group reaches Fascia and PostgreSQL together, as
  // Ctrl-C in a terminal does.
  const child = spawn(process.execPath, COMMAND, {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  spawned(child);
  const processMs = await new Promise<number>((resolve, reject) => {
    child.once('spawn', () => resolve(performance.now() - t0));
    child.once('error', reject);
  });
  child.stdout?.on('data', (d: Buffer) => {
    output += d;
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d;
  });
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the server exited early:\n${output}`);
    const ok = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2000) }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    if (performance.now() - t0 > READY_TIMEOUT_MS) {
      process.kill(group(child), 'SIGKILL');
      throw new Error(`the server did not become ready:\n${output}`);
    }
    await sleep(POLL_MS);
  }
  const readyMs = performance.now() - t0;
  // The "ready in" line is written just after listen(); give stdout a moment to deliver it.
  for (let i = 0; i < 40 && !/ready in/.test(output); i++) await sleep(POLL_MS);
  const reported = /ready in ([\d.]+) s/.exec(output)?.[1];
  return {
    child,
    timing: {
      processMs: round(processMs),
      readyMs: round(readyMs),
      reportedS: reported === undefined ? undefined : Number(reported),
      webBuilt: output.includes('building the web app'),
      demoCreated: output.includes('demo clinic created'),
    },
  };
}

/** Ctrl-C (SIGINT to the whole group) or `kill -9 <pid>` (SIGKILL to Fascia alone). */
export async function stopTimed(s: Started, signal: StopTiming['signal'], dataDir: string) {
  const { child } = s;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const t0 = performance.now();
  if (signal === 'SIGINT') process.kill(group(child), 'SIGINT');
  else child.kill('SIGKILL');
  const guard = setTimeout(() => process.kill(group(child), 'SIGKILL'), 30_000);
  await exited;
  clearTimeout(guard);
  const ms = performance.now() - t0;
  return { signal, ms: round(ms), postgresLeft: postmasterPid(dataDir) !== undefined };
}

/** The embedded PostgreSQL's pid while it is alive, from its cluster's postmaster.pid. */
export function postmasterPid(dataDir: string): number | undefined {
  const file = path.join(dataDir, 'pg', 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const pid = Number.parseInt(readFileSync(file, 'utf8').split('\n')[0] ?? '', 10);
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Leaves no PostgreSQL behind: fast shutdown first (it cleans up), SIGKILL if it will not go. */
export async function stopOrphan(dataDir: string): Promise<boolean> {
  const pid = postmasterPid(dataDir);
  if (pid === undefined) return false;
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 10_000 && isAlive(pid); waited += 100) await sleep(100);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  return true;
}

/** The child's process group; never 0, which would signal the benchmark's own group. */
function group(child: ChildProcess): number {
  if (!child.pid) throw new Error('the server process has no pid');
  return -child.pid;
}

const round = (ms: number) => Math.round(ms * 10) / 10;
