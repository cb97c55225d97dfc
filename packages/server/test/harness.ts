import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Role } from '@fascia/domain/access/permissions';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { buildApp } from '../src/app.ts';
import { type Config, loadConfig } from '../src/config.ts';
import { asAppRole, createAppDb, createOwnerDb, withDatabase } from '../src/db/connection.ts';
import type { Database } from '../src/db/schema.ts';
import { createClinic } from '../src/modules/organization/organization.setup.ts';
import { loadAuditKeyring } from '../src/platform/audit-keys.ts';
import { TEST_APP_PASSWORD, TEST_AUDIT_KEY, TEST_PASSWORD, TEST_SECRETS_KEY } from './constants.ts';

export { TEST_PASSWORD };

export interface TestContext {
  app: FastifyInstance;
  config: Config;
  ownerUrl: string;
  appUrl: string;
  ownerDb: Kysely<Database>;
  appDb: Kysely<Database>;
}

/** A fresh database copied from the migrated template, and the real app on it. Closed after the file. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestContext> {
  const adminUrl = inject('pgAdminUrl');
  const name = `fascia_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDb')}`);
  await admin.end();
  const ownerUrl = withDatabase(adminUrl, name);
  const appUrl = asAppRole(ownerUrl, TEST_APP_PASSWORD);
  const config = loadConfig({
    DATABASE_URL: ownerUrl,
    FASCIA_DB_APP_PASSWORD: TEST_APP_PASSWORD,
    FASCIA_LOG_LEVEL: 'silent',
    FASCIA_DEMO: 'false',
    FASCIA_DB_POOL_SIZE: '4',
    FASCIA_SIGN_IN_RATE_PER_MINUTE: '1000',
    // Never the repository's ./data: the key comes from the environment, checkpoints go nowhere.
    FASCIA_AUDIT_KEY: TEST_AUDIT_KEY,
    FASCIA_AUDIT_CHECKPOINT_FILE: path.join(tmpdir(), `${name}-checkpoints.json`),
    // Tests never write a key file into a data folder.
    FASCIA_SECRETS_KEY: TEST_SECRETS_KEY,
    ...env,
  });
  const appDb = createAppDb(appUrl, config.dbPoolSize);
  const ownerDb = createOwnerDb(ownerUrl);
  const app = await buildApp(config, appDb);
  const ctx = { app, config, ownerUrl, appUrl, ownerDb, appDb };
  afterAll(async () => {
    await app.close();
    await appDb.destroy();
    await ownerDb.destroy();
    const a = new pg.Client({ connectionString: adminUrl });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await a.end();
  });
  return ctx;
}

let clinicCounter = 0;
export async function createTestClinic(
  ctx: TestContext,
  opts: { requireMfa?: boolean; roles?: Role[]; idleMinutes?: number; withoutCredentials?: boolean } = {},
) {
  clinicCounter += 1;
  const tag = `${clinicCounter}-${randomBytes(3).toString('hex')}`;
  const roles = opts.roles ?? (['owner', 'admin', 'therapist', 'front_desk', 'biller'] as Role[]);
  const staff = roles.map((role) => ({
    email: `${role}.${tag}@clinic.example`,
    name: `Test ${role}`,
    role,
    password: TEST_PASSWORD,
    // Signing needs credentials (and a licence for therapists); tests of that refusal opt out.
    ...(opts.withoutCredentials ? {} : { credentials: 'LMT', licenseNumber: `MT-${role}-${tag}` }),
  }));
  const created = await createClinic(
    ctx.ownerDb,
    {
      name: `Clinic ${tag}`,
      requireMfa: opts.requireMfa ?? false,
      idleMinutes: opts.idleMinutes ?? 15,
      staff,
    },
    loadAuditKeyring(ctx.config, { create: false }),
  );
  const emailOf = (role: Role) => staff.find((s) => s.role === role)?.email as string;
  const idOf = (role: Role) => created.users.find((u) => u.role === role)?.id as string;
  return { organizationId: created.organizationId, emailOf, idOf };
}

export interface Session {
  cookie: string;
  csrf: string;
  body: Record<string, unknown>;
}

export function cookieFrom(res: LightMyRequestResponse): string {
  const c = res.cookies.find((k) => k.name === 'fascia_session');
  if (!c) throw new Error(`no session cookie in response ${res.statusCode}: ${res.body}`);
  return `fascia_session=${c.value}`;
}

export async function signIn(
  app: FastifyInstance,
  email: string,
  password = TEST_PASSWORD,
): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed ${res.statusCode}: ${res.body}`);
  const body = res.json();
  return { cookie: cookieFrom(res), csrf: body.csrfToken, body };
}

/** An authenticated request as the browser makes it: session cookie plus the CSRF header on writes. */
export function call(
  app: FastifyInstance,
  session: Session | null,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
) {
  const headers: Record<string, string> = {};
  if (session) {
    headers.cookie = session.cookie;
    if (method !== 'GET') headers['x-csrf-token'] = session.csrf;
  }
  return app.inject({
    method,
    url,
    headers,
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
}
