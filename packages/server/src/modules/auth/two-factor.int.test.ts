import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRETS_KEY } from '../../../test/constants.ts';
import {
  call,
  createTestClinic,
  type Session,
  signIn,
  startTestApp,
  TEST_PASSWORD,
  type TestContext,
} from '../../../test/harness.ts';
import { buildApp } from '../../app.ts';
import { ConfigError, loadConfig } from '../../config.ts';
import { keyIdOf, newSecretKey, SECRETS_KEY_FILE, SecretBox } from '../../platform/auth/secret-box.ts';
import { currentTotp } from '../../platform/auth/totp.ts';
import { rotateSecrets } from '../../secrets-rotate.ts';
import { sealStoredMfaSecrets } from './mfa-secrets.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

const NEXT_STEP = 30_000;

/** Enrols the signed-in user; returns the base32 secret the authenticator app would hold. */
async function enrol(app: FastifyInstance, s: Session): Promise<{ secret: string; recoveryCodes: string[] }> {
  const start = await call(app, s, 'POST', '/api/auth/mfa/enrol/start');
  expect(start.statusCode, start.body).toBe(200);
  const { secret } = start.json();
  const confirmed = await call(app, s, 'POST', '/api/auth/mfa/enrol/confirm', { code: currentTotp(secret) });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  return { secret, recoveryCodes: confirmed.json().recoveryCodes };
}

/** Replay protection allows each 30-second step once; tests that sign in again forget the last one. */
const forgetLastStep = (db: TestContext['ownerDb'], userId: string) =>
  db.updateTable('users').set({ mfa_last_step: null }).where('id', '=', userId).execute();

/** Password, then a TOTP code of the next time step (the current one was used at enrolment). */
async function signInWithTotp(app: FastifyInstance, email: string, secret: string, offset = NEXT_STEP) {
  const s = await signIn(app, email);
  expect(s.body.stage).toBe('mfa_required');
  const res = await call(app, s, 'POST', '/api/auth/mfa/verify', {
    code: currentTotp(secret, Date.now() + offset),
  });
  return { session: s, status: res.statusCode };
}

const storedSecrets = (db: TestContext['ownerDb'], userId: string) =>
  db
    .selectFrom('users')
    .select(['mfa_secret', 'mfa_pending_secret'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();

describe('finding 5: two-factor cannot be replaced without re-authentication', () => {
  it('finding 5: re-enrolment needs the current password or a code, and the active secret stays until the new one is confirmed', async () => {
    const c = await createTestClinic(ctx);
    const email = c.emailOf('therapist');
    const first = await signIn(ctx.app, email);
    const { secret: oldSecret, recoveryCodes } = await enrol(ctx.app, first);
    const before = await storedSecrets(ctx.ownerDb, c.idOf('therapist'));

    // A signed-in session alone cannot start a new enrolment.
    const bare = await call(ctx.app, first, 'POST', '/api/auth/mfa/enrol/start');
    expect(bare.statusCode).toBe(422);
    expect(bare.json().errors[0].field).toBe('currentPassword');
    const wrong = await call(ctx.app, first, 'POST', '/api/auth/mfa/enrol/start', {
      currentPassword: 'not my password at all',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0]).toMatchObject({ field: 'currentPassword' });
    const badCode = await call(ctx.app, first, 'POST', '/api/auth/mfa/enrol/start', { code: '000000' });
    expect(badCode.json().errors[0]).toMatchObject({ field: 'code' });
    expect(await storedSecrets(ctx.ownerDb, c.idOf('therapist'))).toEqual(before);

    // With the password: the new secret is only pending; the old one still signs in.
    const start = await call(ctx.app, first, 'POST', '/api/auth/mfa/enrol/start', {
      currentPassword: TEST_PASSWORD,
    });
    expect(start.statusCode).toBe(200);
    const newSecret: string = start.json().secret;
    const pending = await storedSecrets(ctx.ownerDb, c.idOf('therapist'));
    expect(pending.mfa_secret).toBe(before.mfa_secret);
    expect(pending.mfa_pending_secret).toBeTruthy();
    expect((await signInWithTotp(ctx.app, email, newSecret, 0)).status).toBe(422);
    expect((await signInWithTotp(ctx.app, email, oldSecret)).status).toBe(200);

    // Abandoned: nothing changed. A current code re-authenticates too; confirming switches over.
    const again = await call(ctx.app, first, 'POST', '/api/auth/mfa/enrol/start', {
      code: recoveryCodes[0],
    });
    expect(again.statusCode).toBe(200);
    const replacement: string = again.json().secret;
    const other = await signIn(ctx.app, email);
    const confirmed = await call(ctx.app, first, 'POST', '/api/auth/mfa/enrol/confirm', {
      code: currentTotp(replacement),
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().recoveryCodes).toHaveLength(10);
    expect((await call(ctx.app, other, 'GET', '/api/auth/session')).statusCode).toBe(401);
    expect((await signInWithTotp(ctx.app, email, oldSecret, 0)).status).toBe(422);
    expect((await signInWithTotp(ctx.app, email, replacement)).status).toBe(200);

    const audit = await ctx.ownerDb
      .selectFrom('audit_events')
      .select(['action', 'outcome', 'detail'])
      .where('organization_id', '=', c.organizationId)
      .where('action', 'in', ['auth.mfa_enrol_start', 'auth.mfa_enrolled'])
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => `${a.action}:${a.outcome}`)).toEqual([
      'auth.mfa_enrol_start:success',
      'auth.mfa_enrolled:success',
      'auth.mfa_enrol_start:failure',
      'auth.mfa_enrol_start:failure',
      'auth.mfa_enrol_start:success',
      'auth.mfa_enrol_start:success',
      'auth.mfa_enrolled:success',
    ]);
    expect(audit[4]?.detail).toMatchObject({ replacing: true, reauthenticated: 'password' });
    expect(audit[5]?.detail).toMatchObject({ replacing: true, reauthenticated: 'recovery_code' });
  });
});

describe('finding 6: TOTP secrets are sealed at rest with a key outside the database', () => {
  it('finding 6: the database column never holds the base32 secret, and sign-in with TOTP works', async () => {
    const c = await createTestClinic(ctx);
    const s = await signIn(ctx.app, c.emailOf('owner'));
    const start = await call(ctx.app, s, 'POST', '/api/auth/mfa/enrol/start');
    const secret: string = start.json().secret;
    const pending = await storedSecrets(ctx.ownerDb, c.idOf('owner'));
    expect(pending.mfa_pending_secret).toMatch(/^fs1\./);
    expect(pending.mfa_pending_secret).not.toContain(secret);
    await call(ctx.app, s, 'POST', '/api/auth/mfa/enrol/confirm', { code: currentTotp(secret) });
    const stored = await storedSecrets(ctx.ownerDb, c.idOf('owner'));
    expect(stored.mfa_secret).toMatch(
      new RegExp(`^fs1\\.${keyIdOf(Buffer.from(TEST_SECRETS_KEY, 'base64'))}\\.`),
    );
    expect(stored.mfa_secret).not.toContain(secret);
    expect(stored.mfa_pending_secret).toBeNull();
    expect((await signInWithTotp(ctx.app, c.emailOf('owner'), secret)).status).toBe(200);
  });

  it('finding 6: clear secrets of earlier versions are sealed at start, once, and still sign in', async () => {
    const c = await createTestClinic(ctx);
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    await ctx.ownerDb
      .updateTable('users')
      .set({ mfa_secret: secret, mfa_enrolled_at: new Date() })
      .where('id', '=', c.idOf('biller'))
      .execute();
    const box = new SecretBox([Buffer.from(TEST_SECRETS_KEY, 'base64')]);
    expect(await sealStoredMfaSecrets(ctx.ownerDb, box)).toBeGreaterThanOrEqual(1);
    expect(await sealStoredMfaSecrets(ctx.ownerDb, box)).toBe(0);
    const stored = await storedSecrets(ctx.ownerDb, c.idOf('biller'));
    expect(stored.mfa_secret).toMatch(/^fs1\./);
    expect(stored.mfa_secret).not.toContain(secret);
    expect((await signInWithTotp(ctx.app, c.emailOf('biller'), secret, 0)).status).toBe(200);
  });

  it('finding 6: rotation re-seals every secret with the new key and sign-in still works; a wrong key fails closed', async () => {
    const own = await startTestApp(); // its own database: the rotation covers every clinic in it
    const c = await createTestClinic(own);
    const email = c.emailOf('front_desk');
    const { secret } = await enrol(own.app, await signIn(own.app, email));

    // Environment keys: the new key in FASCIA_SECRETS_KEY, the old one in the previous keys.
    const envKey = newSecretKey();
    const envConfig = { ...own.config, secretsKey: envKey, secretsPreviousKeys: [TEST_SECRETS_KEY] };
    expect(await rotateSecrets(envConfig, own.ownerDb)).toMatch(/^1 secrets re-sealed/);
    const afterEnv = await storedSecrets(own.ownerDb, c.idOf('front_desk'));
    expect(afterEnv.mfa_secret).toMatch(new RegExp(`^fs1\\.${keyIdOf(Buffer.from(envKey, 'base64'))}\\.`));
    const envApp = await buildApp(envConfig, own.appDb, new SecretBox([Buffer.from(envKey, 'base64')]));
    expect((await signInWithTotp(envApp, email, secret)).status).toBe(200);
    await envApp.close();

    // Key file in the data folder: rotate makes a new key, re-seals, and keeps only the new key.
    const dataDir = mkdtempSync(path.join(tmpdir(), 'fascia-secrets-'));
    const keyFile = path.join(dataDir, SECRETS_KEY_FILE);
    writeFileSync(keyFile, `${envKey}\n`, { mode: 0o600 });
    const fileConfig = { ...own.config, dataDir, secretsKey: undefined, secretsPreviousKeys: [] };
    expect(await rotateSecrets(fileConfig, own.ownerDb)).toMatch(/^1 secrets re-sealed with new key/);
    const lines = readFileSync(keyFile, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toBe(envKey);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const fileApp = await buildApp(fileConfig, own.appDb);
    await forgetLastStep(own.ownerDb, c.idOf('front_desk'));
    expect((await signInWithTotp(fileApp, email, secret)).status).toBe(200);
    await fileApp.close();

    // A wrong key: the start refuses with a message naming the key ids, and sign-in refuses the code.
    const wrong = new SecretBox([Buffer.from(newSecretKey(), 'base64')]);
    await expect(sealStoredMfaSecrets(own.ownerDb, wrong)).rejects.toThrow(
      /sealed with key \w{12}, which is not configured/,
    );
    const wrongApp = await buildApp({ ...own.config, logLevel: 'silent' }, own.appDb, wrong);
    await forgetLastStep(own.ownerDb, c.idOf('front_desk'));
    const attempt = await signInWithTotp(wrongApp, email, secret);
    expect(attempt.status).toBe(500);
    expect((await call(wrongApp, attempt.session, 'GET', '/api/staff')).statusCode).toBe(401);
    await wrongApp.close();
  });

  it('finding 6: a malformed FASCIA_SECRETS_KEY stops the start naming the variable', () => {
    expect(() => loadConfig({ FASCIA_SECRETS_KEY: 'too-short' })).toThrow(ConfigError);
    expect(() => loadConfig({ FASCIA_SECRETS_KEY: 'too-short' })).toThrow(
      /FASCIA_SECRETS_KEY: must be 32 bytes/,
    );
    expect(loadConfig({ FASCIA_SECRETS_KEY: TEST_SECRETS_KEY }).secretsKey).toBe(TEST_SECRETS_KEY);
  });
});
