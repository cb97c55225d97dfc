import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_STAFF } from '../modules/organization/organization.setup.ts';
import { claimDataFolder, isAlive } from './data-folder-owner.ts';

// Real processes, as a clinic runs them: `fascia serve` on its own data folder and embedded
// PostgreSQL, with the one-shot commands run beside it from another terminal.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'fascia-owner-'));
// Under root PostgreSQL runs as `postgres`, which must reach the cluster inside this folder.
chmodSync(dataDir, 0o755);
let pgPort: number;
const children: ChildProcess[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function env(httpPort: number): NodeJS.ProcessEnv {
  const { DATABASE_URL: _, ...rest } = process.env;
  return {
    ...rest,
    FASCIA_DATA_DIR: dataDir,
    FASCIA_PG_PORT: String(pgPort),
    FASCIA_HOST: '127.0.0.1',
    FASCIA_PORT: String(httpPort),
    FASCIA_PUBLIC_URL: `http://127.0.0.1:${httpPort}`,
    FASCIA_DEMO: 'true',
    FASCIA_SIGN_IN_RATE_PER_MINUTE: '1000',
    FASCIA_LOG_LEVEL: 'silent',
  };
}

const cli = ['--import', 'tsx', 'packages/server/src/main.ts'];

function serve(httpPort: number) {
  const child = spawn(process.execPath, [...cli, 'serve'], {
    cwd: repoRoot,
    env: env(httpPort),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  children.push(child);
  return { child, output: () => output, url: `http://127.0.0.1:${httpPort}` };
}

async function untilReady(server: ReturnType<typeof serve>, timeoutMs = 150_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`serve exited early:\n${server.output()}`);
    if (await readyz(server.url)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`serve did not become ready:\n${server.output()}`);
}

const readyz = (url: string) =>
  fetch(`${url}/readyz`).then(
    (r) => r.status === 200,
    () => false,
  );

function command(httpPort: number, ...args: string[]) {
  return new Promise<{ code: number; output: string }>((resolve) => {
    execFile(
      process.execPath,
      [...cli, ...args],
      { cwd: repoRoot, env: env(httpPort), timeout: 120_000 },
      (err, stdout, stderr) =>
        resolve({
          code: err ? Number((err as { code?: number }).code ?? 1) : 0,
          output: `${stdout}${stderr}`,
        }),
    );
  });
}

async function signInStatus(url: string) {
  const res = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO_STAFF[0]?.email, password: DEMO_PASSWORD }),
  });
  return res.status;
}

function postmasterPid(): number | null {
  const file = path.join(dataDir, 'pg', 'postmaster.pid');
  if (!existsSync(file)) return null;
  const pid = Number.parseInt(readFileSync(file, 'utf8').split('\n')[0] ?? '', 10);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((r) => child.once('exit', () => r()));

beforeAll(async () => {
  pgPort = await freePort();
});

afterAll(async () => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited(child);
    }
  }
  // A PostgreSQL left behind by a failed run is stopped, so the machine is left as it was.
  const pid = postmasterPid();
  if (pid && isAlive(pid)) {
    process.kill(pid, 'SIGINT');
    for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  }
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe('the data folder beside a running server', () => {
  it('finding 2: audit verify, migrate and seed beside a live serve leave it answering; a second serve refuses', async () => {
    const httpPort = await freePort();
    const server = serve(httpPort);
    await untilReady(server);
    expect(await signInStatus(server.url)).toBe(200);

    const unready: number[] = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const res = await fetch(`${server.url}/readyz`).catch(() => null);
        if (res?.status !== 200) unready.push(res?.status ?? 0);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    for (const args of [['audit', 'verify'], ['migrate'], ['seed']]) {
      const run = await command(httpPort, ...args);
      expect(await signInStatus(server.url), `sign-in after ${args.join(' ')}`).toBe(200);
      expect(await readyz(server.url), `/readyz after ${args.join(' ')}`).toBe(true);
      expect(run.code, `${args.join(' ')}:\n${run.output}`).toBe(0);
      expect(run.output).toContain(`running on this data folder (pid ${server.child.pid})`);
    }
    const verified = await command(httpPort, 'audit', 'verify');
    expect(verified.output).toMatch(/^ok /m);

    const second = serve(await freePort());
    await exited(second.child);
    expect(second.child.exitCode).not.toBe(0);
    expect(second.output()).toContain(`Another Fascia server (pid ${server.child.pid}) is already running`);

    polling = false;
    await poller;
    expect(unready).toEqual([]);
    expect(await signInStatus(server.url)).toBe(200);
    expect(server.child.exitCode).toBeNull();

    // kill -9 leaves PostgreSQL running without its owner: the next start stops that orphan and
    // takes over, and a clean stop afterwards leaves nothing running.
    server.child.kill('SIGKILL');
    await exited(server.child);
    const orphan = postmasterPid();
    expect(orphan && isAlive(orphan)).toBe(true);
    const next = serve(await freePort());
    await untilReady(next);
    expect(orphan && isAlive(orphan)).toBe(false);
    expect(await signInStatus(next.url)).toBe(200);
    next.child.kill('SIGTERM');
    await exited(next.child);
    const left = postmasterPid();
    expect(left !== null && isAlive(left)).toBe(false);
  }, 400_000);
});

describe('the data folder owner file', () => {
  it('finding 2: a dead or reused pid does not hold the folder; a live server does', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'fascia-claim-'));
    const file = path.join(folder, 'fascia-owner.json');
    const sleeper = spawn('sleep', ['30']);
    try {
      // A pid that no longer runs, then a running pid whose start time is not the recorded one
      // (the pid was reused by another program): both are stale and the folder is taken.
      for (const stale of [
        { pid: 2 ** 22 + 17, startedAt: '1', role: 'serve', port: 1 },
        { pid: sleeper.pid, startedAt: '1', role: 'serve', port: 1 },
      ]) {
        writeFileSync(file, JSON.stringify(stale));
        const claim = await claimDataFolder(folder, 'command', 54_000, 1000);
        expect(claim.kind).toBe('claimed');
        expect(JSON.parse(readFileSync(file, 'utf8')).pid).toBe(process.pid);
        if (claim.kind === 'claimed') claim.release();
        expect(existsSync(file)).toBe(false);
      }
      const stat = readFileSync(`/proc/${sleeper.pid}/stat`, 'utf8');
      const startedAt = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
      writeFileSync(file, JSON.stringify({ pid: sleeper.pid, startedAt, role: 'serve', port: 54_001 }));
      const beside = await claimDataFolder(folder, 'command', 54_000, 1000);
      expect(beside).toEqual({
        kind: 'running',
        owner: { pid: sleeper.pid, startedAt, role: 'serve', port: 54_001 },
      });
      writeFileSync(file, JSON.stringify({ pid: sleeper.pid, startedAt, role: 'command', port: 54_001 }));
      await expect(claimDataFolder(folder, 'serve', 54_000, 500)).rejects.toThrow(
        /in use by another Fascia command/,
      );
    } finally {
      sleeper.kill();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
