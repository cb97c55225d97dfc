import { can, type Permission, ROLES } from '@fascia/domain/access/permissions';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, createTestClinic, signIn, startTestApp, type TestContext } from '../../test/harness.ts';

/**
 * The permission matrix, tested as a table: every route the app registers × every staff role,
 * the expected answer taken from the matrix in packages/domain/src/access. A route added without
 * an access rule fails the first test.
 */
let ctx: TestContext;
let a: Awaited<ReturnType<typeof createTestClinic>>;
let b: Awaited<ReturnType<typeof createTestClinic>>;

beforeAll(async () => {
  ctx = await startTestApp();
  a = await createTestClinic(ctx);
  b = await createTestClinic(ctx);
});

const routes = () =>
  ctx.app.routeTable.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));
const concrete = (url: string, id: string) =>
  url
    .replace(':id', id)
    .replace(':token', 'x'.repeat(43))
    .replace(/:[a-zA-Z]+Id/g, '00000000-0000-4000-8000-000000000001');

describe('every route declares who may call it', () => {
  it('has an auth rule, and staff routes that touch clinic data name a permission', () => {
    const missing = routes().filter((r) => r.auth === undefined);
    expect(missing).toEqual([]);
    const staffWithout = routes().filter(
      (r) => r.auth === 'staff' && !r.permission && r.url !== '/api/auth/password',
    );
    expect(staffWithout).toEqual([]);
  });

  it('answers 401 problem+json to every non-public route without a session', async () => {
    for (const r of routes().filter((r) => r.auth !== 'public' && r.auth !== 'optional')) {
      const res = await ctx.app.inject({ method: r.method as 'GET', url: concrete(r.url, a.idOf('owner')) });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });
});

describe('the session probe the web app asks on every load', () => {
  it('item 18: answers 200 signed out (no 401 in the console), and the session once signed in', async () => {
    const out = await ctx.app.inject({ method: 'GET', url: '/api/auth/status' });
    expect(out.statusCode).toBe(200);
    expect(out.json()).toEqual({ session: null, ended: null });
    const s = await signIn(ctx.app, a.emailOf('therapist'));
    const signedIn = (await call(ctx.app, s, 'GET', '/api/auth/status')).json();
    expect(signedIn.session.user.email).toBe(a.emailOf('therapist'));
    expect(signedIn.ended).toBeNull();
    const bogus = await ctx.app.inject({
      method: 'GET',
      url: '/api/auth/status',
      headers: { cookie: 'fascia_session=not-a-session' },
    });
    expect(bogus.json().session).toBeNull();
  });
});

describe.each(ROLES)('role %s', (role) => {
  it('gets exactly the answers the matrix gives, route by route', async () => {
    const table: string[] = [];
    for (const r of routes().filter((r) => r.auth === 'staff' && r.url !== '/api/auth/password')) {
      const s = await signIn(ctx.app, a.emailOf(role));
      const res = await call(
        ctx.app,
        s,
        r.method as 'GET',
        concrete(r.url, '00000000-0000-4000-8000-000000000000'),
        r.method === 'GET' ? undefined : {},
      );
      const allowed = can(role, r.permission as Permission);
      table.push(`${r.method} ${r.url} → ${res.statusCode}`);
      if (allowed) expect([401, 403], `${role} ${r.method} ${r.url}`).not.toContain(res.statusCode);
      else expect(res.statusCode, `${role} ${r.method} ${r.url}`).toBe(403);
    }
    expect(table.length).toBeGreaterThan(5);
  });
});

describe('the matrix itself (what a clinic expects)', () => {
  it.each([
    ['front_desk', 'GET', '/api/audit', 403],
    ['therapist', 'GET', '/api/audit', 403],
    ['biller', 'POST', '/api/staff/invitations', 403],
    ['admin', 'PATCH', '/api/organization', 403],
    ['owner', 'GET', '/api/audit', 200],
    ['admin', 'GET', '/api/outbox', 200],
    ['therapist', 'GET', '/api/organization', 200],
    ['therapist', 'PATCH', '/api/organization/access', 403],
    ['front_desk', 'PATCH', '/api/organization/access', 403],
    ['admin', 'PATCH', '/api/organization/access', 422],
  ] as const)('%s %s %s → %i', async (role, method, url, status) => {
    const s = await signIn(ctx.app, a.emailOf(role));
    const res = await call(ctx.app, s, method, url, method === 'GET' ? undefined : { name: 'x' });
    expect(res.statusCode).toBe(status);
  });

  it('records every refusal in the audit trail', async () => {
    const s = await signIn(ctx.app, a.emailOf('front_desk'));
    await call(ctx.app, s, 'GET', '/api/audit');
    const denied = await ctx.ownerDb
      .selectFrom('audit_events')
      .select(['action', 'detail', 'actor_email'])
      .where('organization_id', '=', a.organizationId)
      .where('outcome', '=', 'denied')
      .execute();
    expect(
      denied.some(
        (d) => d.actor_email === a.emailOf('front_desk') && JSON.stringify(d.detail).includes('/api/audit'),
      ),
    ).toBe(true);
  });
});

describe('care team and emergency access (issue 12, finding 3)', () => {
  const patientOf = async (clinic: typeof a) => {
    const s = await signIn(ctx.app, clinic.emailOf('owner'));
    const res = await call(ctx.app, s, 'POST', '/api/patients', {
      record: {
        legalName: { given: 'Matrix', family: 'Patient' },
        dateOfBirth: '1990-01-01',
        sex: 'female',
        consents: {
          treatment: { given: true, date: '2026-01-05' },
          communication: { given: false, channels: [] },
        },
      },
    });
    return res.json().id as string;
  };
  const reason = { reason: 'Covering an emergency for a colleague who is away today.' };

  it.each([
    ['owner', 200, 403],
    ['admin', 200, 403],
    ['therapist', 403, 201],
    ['front_desk', 403, 403],
    ['biller', 403, 403],
  ] as const)('%s: care team → %i, emergency access → %i', async (role, careTeam, emergency) => {
    const id = await patientOf(a);
    const s = await signIn(ctx.app, a.emailOf(role));
    const team = await call(ctx.app, s, 'PUT', `/api/patients/${id}/care-team`, { careTeam: [] });
    expect(team.statusCode, team.body).toBe(careTeam);
    const glass = await call(ctx.app, s, 'POST', `/api/patients/${id}/emergency-access`, reason);
    expect(glass.statusCode, glass.body).toBe(emergency);
  });

  it('the front desk passes the care-team route check only while the clinic setting is on', async () => {
    const id = await patientOf(a);
    const owner = await signIn(ctx.app, a.emailOf('owner'));
    const desk = await signIn(ctx.app, a.emailOf('front_desk'));
    await call(ctx.app, owner, 'PATCH', '/api/organization/access', { frontDeskManagesCareTeam: true });
    try {
      const res = await call(ctx.app, desk, 'PUT', `/api/patients/${id}/care-team`, { careTeam: [] });
      expect(res.statusCode, res.body).toBe(200);
    } finally {
      await call(ctx.app, owner, 'PATCH', '/api/organization/access', { frontDeskManagesCareTeam: false });
    }
    expect(
      (await call(ctx.app, desk, 'PUT', `/api/patients/${id}/care-team`, { careTeam: [] })).statusCode,
    ).toBe(403);
  });

  it('another clinic’s patients are not found on either route', async () => {
    const id = await patientOf(a);
    const owner = await signIn(ctx.app, b.emailOf('owner'));
    const therapist = await signIn(ctx.app, b.emailOf('therapist'));
    expect(
      (await call(ctx.app, owner, 'PUT', `/api/patients/${id}/care-team`, { careTeam: [] })).statusCode,
    ).toBe(404);
    expect(
      (await call(ctx.app, therapist, 'POST', `/api/patients/${id}/emergency-access`, reason)).statusCode,
    ).toBe(404);
    expect((await call(ctx.app, therapist, 'GET', `/api/patients/${id}/emergency-access`)).statusCode).toBe(
      404,
    );
  });
});

describe('another clinic is unreachable by any route', () => {
  it('no response to clinic B’s owner carries anything of clinic A', async () => {
    const owner = await signIn(ctx.app, b.emailOf('owner'));
    for (const r of routes().filter((r) => r.auth === 'staff' && r.method === 'GET')) {
      const res = await call(ctx.app, owner, 'GET', concrete(r.url, a.idOf('therapist')));
      expect(res.body, `${r.method} ${r.url}`).not.toContain(a.organizationId);
      expect(res.body, `${r.method} ${r.url}`).not.toContain(a.emailOf('therapist'));
    }
    const patched = await call(ctx.app, owner, 'PATCH', `/api/staff/${a.idOf('therapist')}`, {
      active: false,
    });
    expect(patched.statusCode).toBe(404);
  });
});

describe('the clinic profile', () => {
  const profile = {
    legalName: 'Clinic A Medical Massage LLC',
    locations: [{ lines: ['1 Lake Rd'], city: 'Madison', region: 'WI', postalCode: '53703', country: 'US' }],
    npi: '1245319599',
  };
  it.each([
    ['owner', 200],
    ['admin', 200],
    ['therapist', 403],
    ['front_desk', 403],
    ['biller', 403],
  ] as const)('finding 3: %s changing the profile → %i; every role reads it', async (role, status) => {
    const s = await signIn(ctx.app, a.emailOf(role));
    const put = await call(ctx.app, s, 'PUT', '/api/organization/profile', profile);
    expect(put.statusCode).toBe(status);
    const logo = await call(ctx.app, s, 'PUT', '/api/organization/profile/logo', {
      mediaType: 'image/png',
      dataBase64:
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    });
    expect(logo.statusCode).toBe(status);
    expect((await call(ctx.app, s, 'GET', '/api/organization/profile')).statusCode).toBe(200);
    expect((await call(ctx.app, s, 'GET', '/api/organization/profile/logo')).statusCode).toBe(200);
  });

  it("finding 3: another clinic neither reads nor changes this clinic's profile", async () => {
    const ownerA = await signIn(ctx.app, a.emailOf('owner'));
    await call(ctx.app, ownerA, 'PUT', '/api/organization/profile', profile);
    const ownerB = await signIn(ctx.app, b.emailOf('owner'));
    const read = await call(ctx.app, ownerB, 'GET', '/api/organization/profile');
    expect(read.body).not.toContain('Clinic A Medical Massage');
    expect((await call(ctx.app, ownerB, 'GET', '/api/organization/profile/logo')).statusCode).toBe(404);
    await call(ctx.app, ownerB, 'PUT', '/api/organization/profile', {
      ...profile,
      legalName: 'Clinic B LLC',
    });
    const stillA = await call(ctx.app, ownerA, 'GET', '/api/organization/profile');
    expect(stillA.json().legalName).toBe('Clinic A Medical Massage LLC');
  });
});
