import { beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestClinic,
  type Session,
  signIn,
  startTestApp,
  type TestContext,
} from '../../../test/harness.ts';

// Issue 12, finding 3: a therapist off the care team sent PUT /api/patients/:id with their own id
// in careTeam and then read the whole chart. Changing a care team is now its own permission.
let ctx: TestContext;
let clinic: Awaited<ReturnType<typeof createTestClinic>>;
let owner: Session;
let admin: Session;
let therapist: Session;
let frontDesk: Session;
let biller: Session;

const record = {
  legalName: { given: 'Ines', family: 'Varga' },
  dateOfBirth: '1984-02-03',
  sex: 'female',
  consents: { treatment: { given: true, date: '2026-01-05' }, communication: { given: false, channels: [] } },
};

beforeAll(async () => {
  ctx = await startTestApp();
  clinic = await createTestClinic(ctx);
  owner = await signIn(ctx.app, clinic.emailOf('owner'));
  admin = await signIn(ctx.app, clinic.emailOf('admin'));
  therapist = await signIn(ctx.app, clinic.emailOf('therapist'));
  frontDesk = await signIn(ctx.app, clinic.emailOf('front_desk'));
  biller = await signIn(ctx.app, clinic.emailOf('biller'));
});

/** A patient the clinic's therapist does not treat. */
async function patientOffTheTeam() {
  const res = await call(ctx.app, frontDesk, 'POST', '/api/patients', { record });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
}

const careTeamEvents = (patientId: string) =>
  ctx.ownerDb
    .selectFrom('audit_events')
    .select(['action', 'detail', 'actor_id'])
    .where('organization_id', '=', clinic.organizationId)
    .where('patient_id', '=', patientId)
    .where('action', '=', 'patient.care_team.update')
    .orderBy('seq')
    .execute();

describe('finding 3: changing a care team is its own permission', () => {
  it('finding 3: a therapist cannot add themselves to a care team', async () => {
    const patient = await patientOffTheTeam();
    const me = clinic.idOf('therapist');
    expect((await call(ctx.app, therapist, 'GET', `/api/patients/${patient.id}/history`)).statusCode).toBe(
      404,
    );

    const sneaky = await call(ctx.app, therapist, 'PUT', `/api/patients/${patient.id}`, {
      record: { ...record, phone: '+1 555 010 9999' },
      careTeam: [me],
      version: patient.version,
    });
    expect(sneaky.statusCode).toBe(403);
    expect(sneaky.headers['content-type']).toContain('application/problem+json');
    expect(sneaky.json().errors).toEqual([expect.objectContaining({ field: 'careTeam' })]);

    const direct = await call(ctx.app, therapist, 'PUT', `/api/patients/${patient.id}/care-team`, {
      careTeam: [me],
    });
    expect(direct.statusCode).toBe(403);

    // Nothing was saved: not the team, not the phone, not the version.
    const after = (await call(ctx.app, owner, 'GET', `/api/patients/${patient.id}`)).json();
    expect(after).toMatchObject({ careTeam: [], version: patient.version });
    expect(after.record.phone).toBeUndefined();
    expect((await call(ctx.app, therapist, 'GET', `/api/patients/${patient.id}/history`)).statusCode).toBe(
      404,
    );
    expect(await careTeamEvents(patient.id)).toEqual([]);
  });

  it('finding 3: an update that leaves the care team as it is still works for therapists and the front desk', async () => {
    const patient = await patientOffTheTeam();
    const asIs = await call(ctx.app, therapist, 'PUT', `/api/patients/${patient.id}`, {
      record: { ...record, phone: '+1 555 010 1111' },
      careTeam: [],
      version: patient.version,
    });
    expect(asIs.statusCode, asIs.body).toBe(200);
    const without = await call(ctx.app, frontDesk, 'PUT', `/api/patients/${patient.id}`, {
      record: { ...record, phone: '+1 555 010 2222' },
      version: asIs.json().version,
    });
    expect(without.statusCode, without.body).toBe(200);
    expect(without.json().record.phone).toBe('+1 555 010 2222');
    const biller403 = await call(ctx.app, biller, 'PUT', `/api/patients/${patient.id}/care-team`, {
      careTeam: [clinic.idOf('therapist')],
    });
    expect(biller403.statusCode).toBe(403);
  });

  it('finding 3: owners and admins change the care team, audited with who joined and who left', async () => {
    const patient = await patientOffTheTeam();
    const t = clinic.idOf('therapist');
    const added = await call(ctx.app, admin, 'PUT', `/api/patients/${patient.id}/care-team`, {
      careTeam: [t],
    });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().careTeam.map((m: { id: string }) => m.id)).toEqual([t]);
    expect((await call(ctx.app, therapist, 'GET', `/api/patients/${patient.id}/history`)).statusCode).toBe(
      200,
    );
    // The old field still works for those who hold the permission.
    const removed = await call(ctx.app, owner, 'PUT', `/api/patients/${patient.id}`, {
      record,
      careTeam: [],
    });
    expect(removed.statusCode, removed.body).toBe(200);
    const events = await careTeamEvents(patient.id);
    expect(events.map((e) => [e.actor_id, e.detail])).toEqual([
      [clinic.idOf('admin'), { added: [t], removed: [] }],
      [clinic.idOf('owner'), { added: [], removed: [t] }],
    ]);
    // Unchanged team: no care-team event.
    await call(ctx.app, owner, 'PUT', `/api/patients/${patient.id}/care-team`, { careTeam: [] });
    expect(await careTeamEvents(patient.id)).toHaveLength(2);
  });

  it('finding 3: the front desk manages care teams only where the clinic allows it, therapists never', async () => {
    const patient = await patientOffTheTeam();
    const t = clinic.idOf('therapist');
    const settings = (await call(ctx.app, frontDesk, 'GET', '/api/organization')).json();
    expect(settings.frontDeskManagesCareTeam).toBe(false);
    expect(
      (await call(ctx.app, frontDesk, 'PUT', `/api/patients/${patient.id}/care-team`, { careTeam: [t] }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await call(ctx.app, frontDesk, 'PATCH', '/api/organization/access', {
          frontDeskManagesCareTeam: true,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await call(ctx.app, therapist, 'PATCH', '/api/organization/access', {
          frontDeskManagesCareTeam: true,
        })
      ).statusCode,
    ).toBe(403);

    const on = await call(ctx.app, admin, 'PATCH', '/api/organization/access', {
      frontDeskManagesCareTeam: true,
    });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json().frontDeskManagesCareTeam).toBe(true);
    try {
      const byDesk = await call(ctx.app, frontDesk, 'PUT', `/api/patients/${patient.id}/care-team`, {
        careTeam: [t],
      });
      expect(byDesk.statusCode, byDesk.body).toBe(200);
      const viaUpdate = await call(ctx.app, frontDesk, 'PUT', `/api/patients/${patient.id}`, {
        record,
        careTeam: [],
      });
      expect(viaUpdate.statusCode, viaUpdate.body).toBe(200);
      for (const s of [therapist, biller]) {
        const res = await call(ctx.app, s, 'PUT', `/api/patients/${patient.id}/care-team`, {
          careTeam: [t],
        });
        expect(res.statusCode).toBe(403);
      }
      const sneaky = await call(ctx.app, therapist, 'PUT', `/api/patients/${patient.id}`, {
        record,
        careTeam: [t],
      });
      expect(sneaky.statusCode).toBe(403);
    } finally {
      await call(ctx.app, owner, 'PATCH', '/api/organization/access', { frontDeskManagesCareTeam: false });
    }
    expect(
      (await call(ctx.app, frontDesk, 'PUT', `/api/patients/${patient.id}/care-team`, { careTeam: [t] }))
        .statusCode,
    ).toBe(403);
  });

  it('finding 3: another clinic’s patients and therapists are out of reach', async () => {
    const patient = await patientOffTheTeam();
    const other = await createTestClinic(ctx, { roles: ['owner', 'front_desk', 'therapist'] });
    const otherOwner = await signIn(ctx.app, other.emailOf('owner'));
    const theirs = await call(ctx.app, otherOwner, 'PUT', `/api/patients/${patient.id}/care-team`, {
      careTeam: [other.idOf('therapist')],
    });
    expect(theirs.statusCode).toBe(404);
    const ownPatient = (await call(ctx.app, otherOwner, 'POST', '/api/patients', { record })).json().id;
    const foreignTherapist = await call(ctx.app, otherOwner, 'PUT', `/api/patients/${ownPatient}/care-team`, {
      careTeam: [clinic.idOf('therapist')],
    });
    expect(foreignTherapist.statusCode).toBe(422);
    expect(foreignTherapist.json().errors[0].field).toBe('careTeam');
    expect((await call(ctx.app, owner, 'GET', `/api/patients/${patient.id}`)).json().careTeam).toEqual([]);
  });
});
