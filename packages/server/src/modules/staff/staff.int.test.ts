import { beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  cookieFrom,
  createTestClinic,
  signIn,
  startTestApp,
  type TestContext,
} from '../../../test/harness.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

function linkToken(text: string): string {
  const m = text.match(/\/invite\/([A-Za-z0-9_-]+)/);
  if (!m?.[1]) throw new Error(`no invitation link in: ${text}`);
  return m[1];
}

describe('invitations', () => {
  it('an owner invites a therapist, who accepts with a one-time link and is signed in', async () => {
    const c = await createTestClinic(ctx);
    const owner = await signIn(ctx.app, c.emailOf('owner'));
    const invited = await call(ctx.app, owner, 'POST', '/api/staff/invitations', {
      email: 'New.Therapist@Clinic.Example',
      displayName: 'New Therapist',
      role: 'therapist',
    });
    expect(invited.statusCode).toBe(201);
    expect(invited.json()).toMatchObject({ email: 'new.therapist@clinic.example', role: 'therapist' });

    const outbox = (await call(ctx.app, owner, 'GET', '/api/outbox')).json().items;
    expect(outbox[0]).toMatchObject({ to: 'new.therapist@clinic.example', sentAt: null, linkWithheld: true });
    // Without a mail server the inviter passes on the link the invitation returned, once.
    const token = linkToken(invited.json().link);

    const shown = await ctx.app.inject({ method: 'GET', url: `/api/invitations/${token}` });
    expect(shown.json()).toMatchObject({
      email: 'new.therapist@clinic.example',
      role: 'therapist',
      organizationName: expect.stringMatching(/^Clinic/),
    });

    const weak = await ctx.app.inject({
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      payload: { displayName: 'New Therapist', password: 'too short' },
    });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().errors[0].field).toBe('password');

    const accepted = await ctx.app.inject({
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      payload: { displayName: 'New Therapist', password: 'my own long tablet phrase' },
    });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json()).toMatchObject({ stage: 'full', user: { role: 'therapist' } });
    const session = { cookie: cookieFrom(accepted), csrf: accepted.json().csrfToken, body: {} };
    expect((await call(ctx.app, session, 'GET', '/api/auth/session')).json().user.email).toBe(
      'new.therapist@clinic.example',
    );

    const again = await ctx.app.inject({
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      payload: { displayName: 'X', password: 'another long tablet phrase' },
    });
    expect(again.statusCode).toBe(410);
    await signIn(ctx.app, 'new.therapist@clinic.example', 'my own long tablet phrase');

    const audit = await ctx.ownerDb
      .selectFrom('audit_events')
      .select('action')
      .where('organization_id', '=', c.organizationId)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['staff.invite', 'staff.invitation_accepted', 'auth.sign_in']),
    );
  });

  it('refuses an email that already has an account, and an unknown token', async () => {
    const c = await createTestClinic(ctx);
    const owner = await signIn(ctx.app, c.emailOf('owner'));
    const dup = await call(ctx.app, owner, 'POST', '/api/staff/invitations', {
      email: c.emailOf('biller'),
      displayName: 'B',
      role: 'biller',
    });
    expect(dup.statusCode).toBe(409);
    const unknown = await ctx.app.inject({ method: 'GET', url: `/api/invitations/${'x'.repeat(43)}` });
    expect(unknown.statusCode).toBe(404);
  });

  it('an invitee of a clinic requiring two-factor must enrol before anything else', async () => {
    const c = await createTestClinic(ctx, { requireMfa: false });
    const owner = await signIn(ctx.app, c.emailOf('owner'));
    expect(
      (await call(ctx.app, owner, 'PATCH', '/api/organization', { requireMfa: true })).json().requireMfa,
    ).toBe(true);
    const invited = await call(ctx.app, owner, 'POST', '/api/staff/invitations', {
      email: 'strict@clinic.example',
      displayName: 'Strict',
      role: 'front_desk',
    });
    const token = linkToken(invited.json().link);
    const accepted = await ctx.app.inject({
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      payload: { displayName: 'Strict', password: 'steady harbour pass phrase' },
    });
    expect(accepted.json().stage).toBe('mfa_enrol_required');
  });

  it('an admin cannot invite or make an owner', async () => {
    const c = await createTestClinic(ctx);
    const admin = await signIn(ctx.app, c.emailOf('admin'));
    expect(
      (
        await call(ctx.app, admin, 'POST', '/api/staff/invitations', {
          email: 'o2@clinic.example',
          displayName: 'O',
          role: 'owner',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await call(ctx.app, admin, 'PATCH', `/api/staff/${c.idOf('therapist')}`, { role: 'owner' }))
        .statusCode,
    ).toBe(403);
  });
});

describe('staff management', () => {
  it('changes a role and deactivates a member, whose sessions end at once', async () => {
    const c = await createTestClinic(ctx);
    const owner = await signIn(ctx.app, c.emailOf('owner'));
    const therapist = await signIn(ctx.app, c.emailOf('therapist'));
    const promoted = await call(ctx.app, owner, 'PATCH', `/api/staff/${c.idOf('therapist')}`, {
      role: 'admin',
    });
    expect(promoted.json()).toMatchObject({ role: 'admin', active: true });
    const off = await call(ctx.app, owner, 'PATCH', `/api/staff/${c.idOf('therapist')}`, { active: false });
    expect(off.json().active).toBe(false);
    expect((await call(ctx.app, therapist, 'GET', '/api/auth/session')).statusCode).toBe(401);
    const retry = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: c.emailOf('therapist'), password: 'a long tablet pass phrase' },
    });
    expect(retry.statusCode).toBe(401);
  });

  it('keeps at least one owner and refuses changing yourself', async () => {
    const c = await createTestClinic(ctx, { roles: ['owner', 'admin'] });
    const owner = await signIn(ctx.app, c.emailOf('owner'));
    expect(
      (await call(ctx.app, owner, 'PATCH', `/api/staff/${c.idOf('owner')}`, { active: false })).statusCode,
    ).toBe(403);
  });

  it('another clinic’s staff member is not found', async () => {
    const a = await createTestClinic(ctx);
    const b = await createTestClinic(ctx);
    const ownerB = await signIn(ctx.app, b.emailOf('owner'));
    const res = await call(ctx.app, ownerB, 'PATCH', `/api/staff/${a.idOf('therapist')}`, { active: false });
    expect(res.statusCode).toBe(404);
    const listed = (await call(ctx.app, ownerB, 'GET', '/api/staff'))
      .json()
      .items.map((s: { email: string }) => s.email);
    expect(listed).not.toContain(a.emailOf('therapist'));
  });
});

describe('clinic settings', () => {
  it('the owner sets the time zone and the "expiring soon" thresholds; a bad time zone is named', async () => {
    const c = await createTestClinic(ctx);
    const owner = await signIn(ctx.app, c.emailOf('owner'));
    const bad = await call(ctx.app, owner, 'PATCH', '/api/organization', { timeZone: 'Mars/Olympus' });
    expect(bad.json().errors[0]).toMatchObject({ field: 'timeZone' });
    const ok = await call(ctx.app, owner, 'PATCH', '/api/organization', {
      timeZone: 'America/Chicago',
      referralExpiringDays: 21,
      referralExpiringVisits: 3,
    });
    expect(ok.json()).toMatchObject({
      timeZone: 'America/Chicago',
      referralExpiringDays: 21,
      referralExpiringVisits: 3,
    });
  });
});
