import { beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  cookieFrom,
  createTestClinic,
  signIn,
  startTestApp,
  TEST_PASSWORD,
  type TestContext,
} from '../../../test/harness.ts';
import { assertAcceptablePassword } from '../../platform/auth/credentials.ts';
import { currentTotp } from '../../platform/auth/totp.ts';
import { DEMO_PASSWORD, DEMO_STAFF } from '../organization/organization.setup.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp({ FASCIA_LOCKOUT_THRESHOLD: '5', FASCIA_LOCKOUT_MINUTES: '15' });
});

const auditActions = async (organizationId: string) =>
  (
    await ctx.ownerDb
      .selectFrom('audit_events')
      .select(['action', 'outcome'])
      .where('organization_id', '=', organizationId)
      .orderBy('seq')
      .execute()
  ).map((r) => `${r.action}:${r.outcome}`);

describe('sign-in', () => {
  it('signs in with email and password and sets a hardened session cookie', async () => {
    const c = await createTestClinic(ctx);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: c.emailOf('owner').toUpperCase(), password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ stage: 'full', user: { role: 'owner' } });
    const cookie = res.cookies.find((k) => k.name === 'fascia_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const session = await call(
      ctx.app,
      { cookie: cookieFrom(res), csrf: '', body: {} },
      'GET',
      '/api/auth/session',
    );
    expect(session.json().user.email).toBe(c.emailOf('owner'));
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const c = await createTestClinic(ctx);
    const wrong = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: c.emailOf('owner'), password: 'not the password at all' },
    });
    const unknown = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'nobody@clinic.example', password: 'whatever password' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
  });

  it('locks an address out of the account after five wrong passwords, refuses even the right one from there, and audits it all', async () => {
    const c = await createTestClinic(ctx);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: c.emailOf('therapist'), password: `wrong password ${i}` },
      });
      statuses.push(r.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const right = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: c.emailOf('therapist'), password: TEST_PASSWORD },
    });
    expect(right.statusCode).toBe(401);
    const actions = await auditActions(c.organizationId);
    expect(actions.filter((a) => a === 'auth.sign_in:failure')).toHaveLength(6);
    expect(actions).toContain('auth.lockout:failure');
    // When the lock has run out the right password works again.
    await ctx.ownerDb
      .updateTable('sign_in_throttle')
      .set({ locked_until: new Date(Date.now() - 1000) })
      .where('user_id', '=', c.idOf('therapist'))
      .execute();
    await signIn(ctx.app, c.emailOf('therapist'));
  });

  it('validates the body and names the fields', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'not-an-email' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      { field: 'email', message: 'must be an email address' },
      { field: 'password', message: 'is required' },
    ]);
  });
});

describe('sessions', () => {
  it('refuses a write without the CSRF header', async () => {
    const c = await createTestClinic(ctx);
    const s = await signIn(ctx.app, c.emailOf('owner'));
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie: s.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect((await call(ctx.app, s, 'GET', '/api/auth/session')).statusCode).toBe(200);
  });

  it('signs out after the clinic’s idle timeout and says why', async () => {
    const c = await createTestClinic(ctx, { idleMinutes: 15 });
    const s = await signIn(ctx.app, c.emailOf('front_desk'));
    await ctx.ownerDb
      .updateTable('sessions')
      .set({ last_seen_at: new Date(Date.now() - 16 * 60_000) })
      .where('user_id', '=', c.idOf('front_desk'))
      .execute();
    const res = await call(ctx.app, s, 'GET', '/api/auth/session');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ reason: 'idle_timeout' });
    expect((await call(ctx.app, s, 'GET', '/api/auth/session')).json().reason).toBe('ended');
    expect(await auditActions(c.organizationId)).toContain('auth.session.idle_timeout:success');
  });

  it('ends a session at its absolute lifetime even when active', async () => {
    const c = await createTestClinic(ctx);
    const s = await signIn(ctx.app, c.emailOf('biller'));
    await ctx.ownerDb
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', c.idOf('biller'))
      .execute();
    expect((await call(ctx.app, s, 'GET', '/api/auth/session')).json().reason).toBe('expired');
  });

  it('signs out', async () => {
    const c = await createTestClinic(ctx);
    const s = await signIn(ctx.app, c.emailOf('owner'));
    expect((await call(ctx.app, s, 'POST', '/api/auth/sign-out')).statusCode).toBe(204);
    expect((await call(ctx.app, s, 'GET', '/api/auth/session')).statusCode).toBe(401);
  });
});

describe('two-factor (TOTP, RFC 6238)', () => {
  it('a clinic requiring two-factor sends a new user to enrolment, then asks for the code at each sign-in', async () => {
    const c = await createTestClinic(ctx, { requireMfa: true });
    const first = await signIn(ctx.app, c.emailOf('therapist'));
    expect(first.body.stage).toBe('mfa_enrol_required');
    expect((await call(ctx.app, first, 'GET', '/api/staff')).statusCode).toBe(401);

    const start = await call(ctx.app, first, 'POST', '/api/auth/mfa/enrol/start');
    expect(start.statusCode).toBe(200);
    const { secret, otpauthUri, qrDataUrl } = start.json();
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Fascia:/);
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const wrong = await call(ctx.app, first, 'POST', '/api/auth/mfa/enrol/confirm', {
      code: '000000' === currentTotp(secret) ? '111111' : '000000',
    });
    expect(wrong.statusCode).toBe(422);
    const confirmed = await call(ctx.app, first, 'POST', '/api/auth/mfa/enrol/confirm', {
      code: currentTotp(secret),
    });
    expect(confirmed.statusCode).toBe(200);
    const { recoveryCodes, session } = confirmed.json();
    expect(recoveryCodes).toHaveLength(10);
    expect(session.stage).toBe('full');
    expect((await call(ctx.app, first, 'GET', '/api/staff')).statusCode).toBe(200);

    // Next sign-in: password, then the code.
    const second = await signIn(ctx.app, c.emailOf('therapist'));
    expect(second.body.stage).toBe('mfa_required');
    expect((await call(ctx.app, second, 'GET', '/api/staff')).statusCode).toBe(401);
    // The code used at enrolment cannot be replayed within its time step.
    const replay = await call(ctx.app, second, 'POST', '/api/auth/mfa/verify', { code: currentTotp(secret) });
    expect(replay.statusCode).toBe(422);
    const recovery = await call(ctx.app, second, 'POST', '/api/auth/mfa/verify', {
      code: recoveryCodes[0].toUpperCase(),
    });
    expect(recovery.statusCode).toBe(200);
    expect((await call(ctx.app, second, 'GET', '/api/staff')).statusCode).toBe(200);

    // A recovery code works once.
    const third = await signIn(ctx.app, c.emailOf('therapist'));
    expect(
      (await call(ctx.app, third, 'POST', '/api/auth/mfa/verify', { code: recoveryCodes[0] })).statusCode,
    ).toBe(422);
    expect(await auditActions(c.organizationId)).toEqual(
      expect.arrayContaining([
        'auth.mfa_enrolled:success',
        'auth.mfa_verify:success',
        'auth.mfa_verify:failure',
      ]),
    );
  });
});

describe('password change (NIST SP 800-63B rev 4)', () => {
  it('refuses short and common passwords, naming the field, and signs out other devices', async () => {
    const c = await createTestClinic(ctx);
    const s = await signIn(ctx.app, c.emailOf('admin'));
    const other = await signIn(ctx.app, c.emailOf('admin'));
    const short = await call(ctx.app, s, 'POST', '/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'fourteen chars',
    });
    expect(short.statusCode).toBe(422);
    expect(short.json().errors[0]).toMatchObject({
      field: 'newPassword',
      message: expect.stringMatching(/at least 15/),
    });
    const common = await call(ctx.app, s, 'POST', '/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: '1qaz2wsx3edc4rfv',
    });
    expect(common.json().errors[0].message).toMatch(/commonly used/);
    const wrongCurrent = await call(ctx.app, s, 'POST', '/api/auth/password', {
      currentPassword: 'not my password!',
      newPassword: 'a brand new tablet phrase',
    });
    expect(wrongCurrent.json().errors[0].field).toBe('currentPassword');
    const ok = await call(ctx.app, s, 'POST', '/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a brand new tablet phrase',
    });
    expect(ok.statusCode).toBe(204);
    expect((await call(ctx.app, other, 'GET', '/api/auth/session')).statusCode).toBe(401);
    await signIn(ctx.app, c.emailOf('admin'), 'a brand new tablet phrase');
  });
});

describe('finding 11: repetitive, sequential and context-specific passwords', () => {
  it('finding 11: the server refuses them at 15+ characters, naming the field, with the clinic as context', async () => {
    const c = await createTestClinic(ctx);
    const s = await signIn(ctx.app, c.emailOf('admin'));
    const clinicName = (s.body.organization as { name: string }).name;
    for (const newPassword of [
      '1234567890123456',
      'password1234567',
      'aaaaaaaaaaaaaab',
      'fascia fascia 2026',
      `${clinicName} 2026!!`,
    ]) {
      const res = await call(ctx.app, s, 'POST', '/api/auth/password', {
        currentPassword: TEST_PASSWORD,
        newPassword,
      });
      expect(res.statusCode, newPassword).toBe(422);
      expect(res.json().errors[0], newPassword).toMatchObject({
        field: 'newPassword',
        message: expect.any(String),
      });
    }
  });

  it('finding 11: the demo password passes the rules in the demo clinic', () => {
    const owner = DEMO_STAFF[0] as { email: string; name: string };
    expect(() =>
      assertAcceptablePassword(DEMO_PASSWORD, {
        field: 'password',
        secondFactor: false,
        email: owner.email,
        name: owner.name,
        clinicName: 'Demo Massage Clinic',
      }),
    ).not.toThrow();
  });
});

describe('rate limiting', () => {
  it('answers 429 problem+json once an address exceeds the sign-in rate', async () => {
    const limited = await startTestApp({ FASCIA_SIGN_IN_RATE_PER_MINUTE: '3' });
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await limited.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: 'x@clinic.example', password: 'some password' },
      });
      codes.push(r.statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 429]);
  });
});
