import { beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestClinic,
  type Session,
  signIn,
  startTestApp,
  type TestContext,
} from '../../../test/harness.ts';

// The path of issue "Patients, physician referrals and contraindication screening", through the API:
// front desk registers, therapist records history, referral, and day-of screening.
let ctx: TestContext;
let clinic: Awaited<ReturnType<typeof createTestClinic>>;
let frontDesk: Session;
let therapist: Session;

const today = new Date().toISOString().slice(0, 10);
const daysFromToday = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

const patientRecord = {
  legalName: { given: 'Maria', family: 'Okafor' },
  dateOfBirth: '1991-04-12',
  sex: 'female',
  phone: '+1 (555) 010-7788',
  consents: { treatment: { given: true, date: today }, communication: { given: false, channels: [] } },
};

beforeAll(async () => {
  ctx = await startTestApp();
  clinic = await createTestClinic(ctx);
  frontDesk = await signIn(ctx.app, clinic.emailOf('front_desk'));
  therapist = await signIn(ctx.app, clinic.emailOf('therapist'));
});

async function registerPatient(record = patientRecord) {
  const res = await call(ctx.app, frontDesk, 'POST', '/api/patients', {
    record,
    careTeam: [clinic.idOf('therapist')],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

describe('registration and search', () => {
  it('front desk registers a patient with insurance; the list finds them despite typos', async () => {
    const id = await registerPatient();
    const coverage = await call(ctx.app, frontDesk, 'POST', `/api/patients/${id}/coverages`, {
      payerName: 'Blue Valley Health',
      memberId: 'BVH-99812',
      relationship: 'self',
      order: 'primary',
    });
    expect(coverage.statusCode, coverage.body).toBe(201);
    const second = await call(ctx.app, frontDesk, 'POST', `/api/patients/${id}/coverages`, {
      payerName: 'Other',
      memberId: 'X1',
      relationship: 'self',
      order: 'primary',
    });
    expect(second.json().errors[0]).toMatchObject({ field: 'order' });

    const found = await call(ctx.app, frontDesk, 'GET', '/api/patients?q=marai%20okafr');
    expect(found.json().items.map((p: { id: string }) => p.id)).toContain(id);
    const byDob = await call(ctx.app, frontDesk, 'GET', '/api/patients?dateOfBirth=1991-04-12');
    expect(byDob.json().items.map((p: { id: string }) => p.id)).toContain(id);
    const byPhone = await call(ctx.app, frontDesk, 'GET', '/api/patients?phone=7788');
    expect(byPhone.json().items.map((p: { id: string }) => p.id)).toContain(id);
  });

  it('pages the list by keyset', async () => {
    for (const family of ['Aalto', 'Abara', 'Abbot']) {
      await registerPatient({ ...patientRecord, legalName: { given: 'Page', family } });
    }
    const first = (await call(ctx.app, frontDesk, 'GET', '/api/patients?limit=2')).json();
    expect(first.items).toHaveLength(2);
    const next = (
      await call(ctx.app, frontDesk, 'GET', `/api/patients?limit=2&cursor=${first.nextCursor}`)
    ).json();
    const names = [...first.items, ...next.items].map(
      (p: { legalName: { family: string } }) => p.legalName.family,
    );
    expect(names.slice(0, 3)).toEqual(['Aalto', 'Abara', 'Abbot']);
  });

  it('refuses bad input with field errors and saves nothing', async () => {
    const before = (await call(ctx.app, frontDesk, 'GET', '/api/patients?limit=100')).json().items.length;
    const res = await call(ctx.app, frontDesk, 'POST', '/api/patients', {
      record: { ...patientRecord, legalName: { given: '', family: 'X' }, dateOfBirth: '1991-02-30' },
    });
    expect(res.statusCode).toBe(422);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['record.legalName.given', 'record.dateOfBirth']));
    expect((await call(ctx.app, frontDesk, 'GET', '/api/patients?limit=100')).json().items.length).toBe(
      before,
    );
  });
});

describe('history, referral and screening for the flagship patient', () => {
  it('walks the path and turns a fever into "postpone"', async () => {
    const id = await registerPatient();
    const history = [
      { kind: 'medications', item: { name: 'Warfarin', class: 'anticoagulant', dose: '5 mg daily' } },
      { kind: 'pregnancy', item: { edd: daysFromToday(16 * 7), highRisk: false } },
      {
        kind: 'surgeries',
        item: {
          date: daysFromToday(-21),
          description: 'Lumbar microdiscectomy L4-L5',
          regions: [{ regionId: 'lumbar' }],
        },
      },
    ];
    for (const h of history) {
      const res = await call(ctx.app, therapist, 'POST', `/api/patients/${id}/history`, h);
      expect(res.statusCode, res.body).toBe(201);
    }
    // The chart header shows the alerts to the therapist, not to the front desk.
    const chart = (await call(ctx.app, therapist, 'GET', `/api/patients/${id}`)).json();
    expect(chart.alerts.map((a: { kind: string }) => a.kind)).toEqual(
      expect.arrayContaining(['pregnancy', 'contraindication']),
    );
    expect((await call(ctx.app, frontDesk, 'GET', `/api/patients/${id}`)).json().alerts).toBeUndefined();
    expect((await call(ctx.app, frontDesk, 'GET', `/api/patients/${id}/history`)).statusCode).toBe(403);

    const provider = await call(ctx.app, therapist, 'POST', '/api/providers', {
      name: { given: 'Ana', family: 'Reyes' },
      credentials: ['MD'],
      npi: '1234567893',
      specialty: 'Physical medicine',
    });
    expect(provider.statusCode, provider.body).toBe(201);
    const referral = await call(ctx.app, therapist, 'POST', `/api/patients/${id}/referrals`, {
      providerId: provider.json().id,
      dateWritten: today,
      diagnoses: ['M54.31'],
      frequency: { timesPerWeek: 2 },
      durationWeeks: 6,
      visitsAuthorized: 12,
      validFrom: today,
      validUntil: daysFromToday(60),
      precautions: { text: 'Gentle work only', items: [] },
    });
    expect(referral.statusCode, referral.body).toBe(201);
    expect(referral.json()).toMatchObject({ orderedVisits: 12, visitsUsed: 0, status: { status: 'active' } });

    const calm = await call(ctx.app, therapist, 'POST', `/api/patients/${id}/screenings`, {
      dayOf: { temperature: { value: 36.8, unit: 'C' } },
      acknowledged: true,
    });
    expect(calm.statusCode, calm.body).toBe(201);
    const view = calm.json();
    expect(view.decision).toBe('proceed_with_care');
    const modifications = view.findings.filter((f: { severity: string }) => f.severity === 'modify');
    expect(
      modifications.some(
        (f: { modification?: { maxPressure?: number } }) => (f.modification?.maxPressure ?? 5) <= 2,
      ),
    ).toBe(true);
    expect(
      modifications.some(
        (f: { modification?: { preferredPosition?: string } }) =>
          f.modification?.preferredPosition === 'side_lying',
      ),
    ).toBe(true);
    expect(
      view.findings.some(
        (f: { severity: string; regions?: { regionId: string }[] }) =>
          f.severity === 'avoid' && f.regions?.some((r) => r.regionId === 'lumbar'),
      ),
    ).toBe(true);

    const fever = await call(ctx.app, therapist, 'POST', `/api/patients/${id}/screenings`, {
      dayOf: { temperature: { value: 38.2, unit: 'C' } },
      acknowledged: true,
    });
    expect(fever.json().decision).toBe('stop');
    expect(fever.json().findings[0].severity).toBe('stop');

    const audit = await ctx.ownerDb
      .selectFrom('audit_events')
      .select(['action'])
      .where('patient_id', '=', id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'patient.create',
        'patient.history.add',
        'patient.referral.create',
        'patient.screening.record',
        'patient.read',
      ]),
    );
  });

  it('refuses an invalid NPI, an unknown ICD-10 code and a due date 50 weeks away, saving nothing', async () => {
    const id = await registerPatient();
    const npi = await call(ctx.app, therapist, 'POST', '/api/providers', {
      name: { given: 'A', family: 'B' },
      npi: '1234567890',
    });
    expect(npi.statusCode).toBe(422);
    expect(npi.json().errors[0]).toMatchObject({
      field: 'npi',
      message: expect.stringMatching(/check digit/),
    });

    const provider = (
      await call(ctx.app, therapist, 'POST', '/api/providers', {
        name: { given: 'C', family: 'D' },
        npi: '1245319599',
      })
    ).json();
    const badCode = await call(ctx.app, therapist, 'POST', `/api/patients/${id}/referrals`, {
      providerId: provider.id,
      dateWritten: today,
      diagnoses: ['Z99.999'],
      frequency: { timesPerWeek: 2 },
      durationWeeks: 6,
      validFrom: today,
      validUntil: daysFromToday(42),
    });
    expect(badCode.statusCode).toBe(422);
    expect(badCode.json().errors[0].field).toBe('diagnoses.0');

    const edd = await call(ctx.app, therapist, 'POST', `/api/patients/${id}/history`, {
      kind: 'pregnancy',
      item: { edd: daysFromToday(50 * 7) },
    });
    expect(edd.statusCode).toBe(422);
    expect(edd.json().errors[0].field).toBe('item.edd');

    expect((await call(ctx.app, therapist, 'GET', `/api/patients/${id}/referrals`)).json().items).toEqual([]);
    expect((await call(ctx.app, therapist, 'GET', `/api/patients/${id}/history`)).json().items).toEqual([]);
  });
});

describe('who sees the clinical record', () => {
  it('a therapist not on the care team, and another clinic, get not-found', async () => {
    const id = await registerPatient();
    const other = await createTestClinic(ctx, { roles: ['owner', 'therapist'] });
    const outsider = await signIn(ctx.app, other.emailOf('therapist'));
    expect((await call(ctx.app, outsider, 'GET', `/api/patients/${id}`)).statusCode).toBe(404);
    expect((await call(ctx.app, outsider, 'GET', `/api/patients/${id}/history`)).statusCode).toBe(404);

    const colleagues = await createTestClinic(ctx, { roles: ['owner', 'front_desk', 'therapist'] });
    const desk = await signIn(ctx.app, colleagues.emailOf('front_desk'));
    const theirPatient = (
      await call(ctx.app, desk, 'POST', '/api/patients', { record: patientRecord })
    ).json().id;
    const notTreating = await signIn(ctx.app, colleagues.emailOf('therapist'));
    expect(
      (await call(ctx.app, notTreating, 'GET', `/api/patients/${theirPatient}`)).json().alerts,
    ).toBeUndefined();
    expect(
      (await call(ctx.app, notTreating, 'GET', `/api/patients/${theirPatient}/history`)).statusCode,
    ).toBe(404);
    const owner = await signIn(ctx.app, colleagues.emailOf('owner'));
    expect((await call(ctx.app, owner, 'GET', `/api/patients/${theirPatient}/history`)).statusCode).toBe(200);
  });

  it('the biller reads referrals but not history', async () => {
    const id = await registerPatient();
    const biller = await signIn(ctx.app, clinic.emailOf('biller'));
    expect((await call(ctx.app, biller, 'GET', `/api/patients/${id}/referrals`)).statusCode).toBe(200);
    expect((await call(ctx.app, biller, 'GET', `/api/patients/${id}/history`)).statusCode).toBe(403);
    expect((await call(ctx.app, biller, 'POST', `/api/patients/${id}/screenings`, {})).statusCode).toBe(403);
  });
});
