import { existsSync, linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Which Fascia process runs the embedded PostgreSQL of a data folder. `serve` holds it for as long
 * as it runs; a one-shot command (migrate, seed, audit verify) holds it only when it had to start
 * PostgreSQL itself.
 */
export type OwnerRole = 'serve' | 'command';

export interface DataFolderOwner {
  pid: number;
  /** The process's start time as the kernel counts it, so a reused pid is not taken for the owner. */
  startedAt: string | null;
  role: OwnerRole;
  port: number;
}

export type Claim = { kind: 'claimed'; release(): void } | { kind: 'running'; owner: DataFolderOwner };

const OWNER_FILE = 'fascia-owner.json';

/**
 * Takes the data folder, or names the live `serve` that already has it. A one-shot command holding
 * it is waited for (up to `waitMs`): it will stop its PostgreSQL when it ends. An owner that is gone
 * (kill -9, a crash, a power cut) leaves a stale file, which is taken over; its PostgreSQL, if still
 * running, is then an orphan for the caller to stop.
 */
export async function claimDataFolder(
  dataDir: string,
  role: OwnerRole,
  port: number,
  waitMs = 120_000,
): Promise<Claim> {
  const file = path.join(dataDir, OWNER_FILE);
  const me: DataFolderOwner = { pid: process.pid, startedAt: processStartTime(process.pid), role, port };
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (createExclusively(file, `${JSON.stringify(me)}\n`)) {
      const release = () => {
        if (readOwner(file)?.pid === process.pid) unlinkSync(file);
      };
      // A command that throws or exits without stopping still gives the folder back.
      process.once('exit', () => {
        try {
          release();
        } catch {}
      });
      return { kind: 'claimed', release };
    }
    const owner = readOwner(file);
    if (!owner || !isLiveOwner(owner)) {
      // Two starts racing over the same stale file could both take it; PostgreSQL's own
      // postmaster.pid lock then refuses the second one, so no data is shared by two servers.
      try {
        unlinkSync(file);
      } catch {}
      continue;
    }
    if (owner.role === 'serve') return { kind: 'running', owner };
    if (Date.now() > deadline) {
      throw new Error(
        `The data folder ${dataDir} is in use by another Fascia command (pid ${owner.pid}); try again when it has finished.`,
      );
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Written aside and linked into place, so a reader never sees a half-written file. */
function createExclusively(file: string, content: string): boolean {
  const aside = `${file}.${process.pid}`;
  writeFileSync(aside, content, { mode: 0o600 });
  try {
    linkSync(aside, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    unlinkSync(aside);
  }
}

function readOwner(file: string): DataFolderOwner | null {
  if (!existsSync(file)) return null;
  try {
    const o = JSON.parse(readFileSync(file, 'utf8')) as Partial<DataFolderOwner>;
    if (!Number.isInteger(o.pid) || !Number.isInteger(o.port)) return null;
    return {
      pid: o.pid as number,
      startedAt: o.startedAt ?? null,
      role: o.role === 'command' ? 'command' : 'serve',
      port: o.port as number,
    };
  } catch {
    return null;
  }
}

function isLiveOwner(owner: DataFolderOwner): boolean {
  if (owner.pid === process.pid) return false;
  if (!isAlive(owner.pid)) return false;
  const now = processStartTime(owner.pid);
  return owner.startedAt === null || now === null || now === owner.startedAt;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user (PostgreSQL runs as `postgres`).
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Field 22 of /proc/<pid>/stat (Linux); null where there is no /proc. */
function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses; fields after it are plain.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}
