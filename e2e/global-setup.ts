import { type ChildProcess, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { TEST_APP_PASSWORD, TEST_AUDIT_KEY } from '../packages/server/test/constants.ts';
import {
  dropDatabase,
  recreateDatabase,
  repoRoot,
  startTestPostgres,
} from '../packages/server/test/test-postgres.ts';
import { waitUntilReady } from './server-ready.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    ownerUrl: string;
  }
}

/**
 * Starts Fascia the way a clinic does (`fascia serve`, which builds the web app when needed) on
 * its own database and port, and waits until it is ready.
 */
export default async function setup(project: TestProject) {
  const pg = await startTestPostgres();
  const port = Number(process.env.FASCIA_E2E_PORT ?? 3999);
  const E2E_DB = `fascia_e2e_${port}`;
  const ownerUrl = await recreateDatabase(pg.adminUrl, E2E_DB);
  const baseUrl = `http://127.0.0.1:${port}`;
  const server: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'packages/server/src/main.ts', 'serve'],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        DATABASE_URL: ownerUrl,
        FASCIA_DB_APP_PASSWORD: TEST_APP_PASSWORD,
        FASCIA_PORT: String(port),
        FASCIA_PUBLIC_URL: baseUrl,
        FASCIA_DEMO: 'true',
        FASCIA_SIGN_IN_RATE_PER_MINUTE: '1000',
        // Nothing in the repository's ./data: the audit key and its checkpoints stay with the run.
        FASCIA_AUDIT_KEY: TEST_AUDIT_KEY,
        FASCIA_AUDIT_CHECKPOINT_FILE: path.join(tmpdir(), `${E2E_DB}-audit-checkpoints.json`),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  await waitUntilReady(server, baseUrl, 120_000);
  project.provide('baseUrl', baseUrl);
  project.provide('ownerUrl', ownerUrl);
  return async () => {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await dropDatabase(pg.adminUrl, E2E_DB);
    await pg.stop();
  };
}
