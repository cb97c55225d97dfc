import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestClinic,
  type Session,
  signIn,
  startTestApp,
  type TestContext,
} from '../../../test/harness.ts';

// Issue 12, finding 3, "break the glass" (HIPAA 45 CFR 164.312(a)(2)(ii)): a therapist off the
// care team may open one chart in an emergency, with a written reason, for a limited time; every
// read under the grant is flagged in the audit trail for the owner to review.
let ctx: TestContext;
let clinic: Awaited<ReturnType<typeof createTestClinic>>;
let owner: Session;
let therapist: Session;
let frontDesk: Session;

const record = {
  legalName: { given: 'Tomas', family: 'Brandt' },
  dateOfBirth: '1975-09-30',
  sex: 'male',
  consents: { treatment: { given: true, date: '2026-01-05' }, communication: { given: false, channels: [] } },
};
const REASON = 'Patient collapsed in the waiting room; his therapist is away and I need his history.';

beforeAll(async () => {
  ctx = await startTestApp();
  clinic = await createTestClinic(ctx);
  owner = await signIn(ctx.app, clinic.emailOf('owner'));
  therapist = await signIn(ctx.app, clinic.emailOf('therapist'));
  frontDesk = await signIn(ctx.app, clinic.emailOf('front_desk'));
});

async function patient() {
  const res = await call(ctx.app, frontDesk, 'POST', '/api/patients', { record });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const grants = () =>
  ctx.ownerDb
    .selectFrom('emergency_access_grants')
    .selectAll()
    .where('organization_id', '=', clinic.organizationId)
    .execute();

describe('emergency access (break the glass)', () => {
  it('finding 3: a therapist off the care team opens one chart for a limited time with a written reason, every read flagged', async () => {
    const id = await patient();
    const other = await patient();
    expect((await call(ctx.app, therapist, 'GET', `/api/patients/${id}/history`)).statusCode).toBe(404);

    const before = (await grants()).length;
    const terse = await call(ctx.app, therapist, 'POST', `/api/patients/${id}/emergency-access`, {
      reason: 'urgent',
    });
    expect(terse.statusCode).toBe(422);
    expect(terse.json().errors[0].field).toBe('reason');
    expect(await grants()).toHaveLength(before);

    const granted = await call(ctx.app, therapist, 'POST', `/api/patients/${id}/emergency-access`, {
      reason: REASON,
    });
    expect(granted.statusCode, granted.body).toBe(201);
    const grant = granted.json();
    const minutes = (Date.parse(grant.expiresAt) - Date.parse(grant.grantedAt)) / 60_000;
    expect(minutes).toBe(60);

    expect((await call(ctx.app, therapist, 'GET', `/api/patients/${id}/history`)).statusCode).toBe(200);
    expect((await call(ctx.app, therapist, 'GET', `/api/patients/${id}`)).json().alerts).toBeDefined();
    expect((await call(ctx.app, therapist, 'GET', `/api/patients/${id}/emergency-access`)).json()).toEqual({
      grant,
    });
    // One patient only, and the care team is not changed.
    expect((await call(ctx.app, therapist, 'GET', `/api/patients/${other}/history`)).statusCode).toBe(404);
    expect((await call(ctx.app, owner, 'GET', `/api/patients/${id}`)).json().careTeam).toEqual([]);

    const flagged = await call(ctx.app, owner, 'GET', `/api/audit?emergencyAccess=true&patientId=${id}`);
    expect(flagged.statusCode).toBe(200);
    const items = flagged.json().items as { action: string; detail: Record<string, unknown> }[];
    expect(items.every((e) => e.detail.breakGlass === grant.id)).toBe(true);
    expect(items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['patient.emergency_access', 'patient.history.read', 'patient.read']),
    );
    expect(items.find((e) => e.action === 'patient.emergency_access')?.detail.reason).toBe(REASON);
    // Reads of the same chart by its owner are not flagged.
    await call(ctx.app, owner, 'GET', `/api/patients/${id}/history`);
    const all = await call(ctx.app, owner, 'GET', `/api/audit?emergencyAccess=true&patientId=${id}`);
    expect(all.json().items).toHaveLength(items.length);
  });

  it('finding 3: emergency access ends when the grant expires', async () => {
    const id = await patient();
    const granted = await call(ctx.app, therapist, 'POST', `/api/patients/${id}/emergency-access`, {
      reason: REASON,
    });
    expect(granted.statusCode).toBe(201);
    expect((await call(ctx.app, therapist, 'GET', `/api/patients/${id}/history`)).statusCode).toBe(200);
    await ctx.ownerDb
      .updateTable('emergency_access_grants')
      .set({ granted_at: sql`now() - interval '2 hours'`, expires_at: sql`now() - interval '1 hour'` })
      .where('organization_id', '=', clinic.organizationId)
      .where('id', '=', granted.json().id)
      .execute();
    expect((await call(ctx.app, therapist, 'GET', `/api/patients/${id}/history`)).statusCode).toBe(404);
    expect((await call(ctx.app, therapist, 'GET', `/api/patients/${id}/emergency-access`)).json()).toEqual({
      grant: null,
    });
  });

  it('finding 3: the clinic sets how long it lasts; only therapists ask, and only where they lack access', async () => {
    const id = await patient();
    const admin = await signIn(ctx.app, clinic.emailOf('admin'));
    const set = await call(ctx.app, admin, 'PATCH', '/api/organization/access', {
      emergencyAccessMinutes: 15,
    });
    expect(set.statusCode, set.body).toBe(200);
    const granted = (
      await call(ctx.app, therapist, 'POST', `/api/patients/${id}/emergency-access`, { reason: REASON })
    ).json();
    expect((Date.parse(granted.expiresAt) - Date.parse(granted.grantedAt)) / 60_000).toBe(15);
    expect(
      (await call(ctx.app, admin, 'PATCH', '/api/organization/access', { emergencyAccessMinutes: 5 }))
        .statusCode,
    ).toBe(422);

    for (const s of [frontDesk, owner, admin, await signIn(ctx.app, clinic.emailOf('biller'))]) {
      const res = await call(ctx.app, s, 'POST', `/api/patients/${id}/emergency-access`, { reason: REASON });
      expect(res.statusCode).toBe(403);
    }
    const treated = (
      await call(ctx.app, frontDesk, 'POST', '/api/patients', {
        record,
        careTeam: [clinic.idOf('therapist')],
      })
    ).json().id;
    const needless = await call(ctx.app, therapist, 'POST', `/api/patients/${treated}/emergency-access`, {
      reason: REASON,
    });
    expect(needless.statusCode).toBe(409);

    const elsewhere = await createTestClinic(ctx, { roles: ['owner', 'therapist'] });
    const outsider = await signIn(ctx.app, elsewhere.emailOf('therapist'));
    const foreign = await call(ctx.app, outsider, 'POST', `/api/patients/${id}/emergency-access`, {
      reason: REASON,
    });
    expect(foreign.statusCode).toBe(404);
    expect((await call(ctx.app, outsider, 'GET', `/api/patients/${id}/history`)).statusCode).toBe(404);
  });
});
