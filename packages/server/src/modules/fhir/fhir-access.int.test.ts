import { can, ROLES } from '@fascia/domain/access/permissions';
import { FHIR_TYPE_NAMES, FHIR_TYPES } from '@fascia/domain/fhir/capability';
import type { Bundle } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestClinic,
  type Session,
  signIn,
  startTestApp,
  type TestContext,
} from '../../../test/harness.ts';
import { createFullChart } from './fhir-chart.fixture.ts';
import { createClinicUser } from './fhir-test-users.fixture.ts';

// Who may read what through FHIR: the permission matrix type by type, the care team, other
// clinics, and API keys (read-only, revocable, confined to their clinic).
let ctx: TestContext;
let a: Awaited<ReturnType<typeof createTestClinic>>;
let b: Awaited<ReturnType<typeof createTestClinic>>;
let chart: Awaited<ReturnType<typeof createFullChart>>;
let ownerA: Session;

const bearer = (key: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) =>
  ctx.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${key}` },
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });

beforeAll(async () => {
  ctx = await startTestApp();
  a = await createTestClinic(ctx);
  b = await createTestClinic(ctx);
  ownerA = await signIn(ctx.app, a.emailOf('owner'));
  chart = await createFullChart(ctx, await signIn(ctx.app, a.emailOf('therapist')));
});

describe.each(ROLES)('role %s', (role) => {
  it('reads exactly the types the matrix gives it, and is refused (audited) the others', async () => {
    const s = await signIn(ctx.app, a.emailOf(role));
    for (const type of FHIR_TYPE_NAMES) {
      const rule = FHIR_TYPES[type];
      const query = rule.patientScoped && type !== 'Patient' ? `?patient=${chart.patientId}` : '';
      const res = await call(ctx.app, s, 'GET', `/fhir/R4/${type}${query}`);
      // A role that may read the type but no clinical record (a biller and reports) is told the
      // patient was not found, as the REST API tells it.
      const clinicalReader = can(role, 'clinical.read_all') || can(role, 'clinical.read_own');
      if (can(role, rule.permission)) {
        expect(res.statusCode, `${role} ${type}`).toBe(rule.clinical && !clinicalReader ? 404 : 200);
      } else {
        expect(res.statusCode, `${role} ${type}`).toBe(403);
        expect(res.json().resourceType).toBe('OperationOutcome');
      }
    }
  });
});

describe('the matrix, as a clinic expects it', () => {
  it('front desk cannot read a Condition; a biller reads Coverage and ServiceRequest', async () => {
    const desk = await signIn(ctx.app, a.emailOf('front_desk'));
    const condition = (
      await call(ctx.app, ownerA, 'GET', `/fhir/R4/Condition?patient=${chart.patientId}`)
    ).json().entry[0].resource.id;
    expect((await call(ctx.app, desk, 'GET', `/fhir/R4/Condition/${condition}`)).statusCode).toBe(403);
    const denied = await ctx.ownerDb
      .selectFrom('audit_events')
      .select('detail')
      .where('action', '=', 'access.denied')
      .where('actor_email', '=', a.emailOf('front_desk'))
      .execute();
    expect(JSON.stringify(denied)).toContain('Condition');

    const biller = await signIn(ctx.app, a.emailOf('biller'));
    for (const type of ['Coverage', 'ServiceRequest']) {
      const bundle: Bundle = (
        await call(ctx.app, biller, 'GET', `/fhir/R4/${type}?patient=${chart.patientId}`)
      ).json();
      expect(bundle.entry?.length, type).toBe(1);
    }
  });

  it('front desk $everything holds demographics, coverage and referrals only', async () => {
    const desk = await signIn(ctx.app, a.emailOf('front_desk'));
    const bundle: Bundle = (
      await call(ctx.app, desk, 'GET', `/fhir/R4/Patient/${chart.patientId}/$everything`)
    ).json();
    const types = new Set(bundle.entry?.map((e) => e.resource?.resourceType));
    expect(types).toContain('Coverage');
    expect(types).not.toContain('Condition');
    expect(types).not.toContain('Encounter');
  });

  it('a therapist off the care team gets not-found for the clinical record, and the refusal is audited', async () => {
    // A second therapist of clinic A who does not treat this patient.
    const outsider = await createClinicUser(ctx, a.organizationId, 'therapist');
    const res = await call(ctx.app, outsider, 'GET', `/fhir/R4/Observation?patient=${chart.patientId}`);
    expect(res.statusCode).toBe(404);
    const everything = await call(
      ctx.app,
      outsider,
      'GET',
      `/fhir/R4/Patient/${chart.patientId}/$everything`,
    );
    const types = new Set((everything.json() as Bundle).entry?.map((e) => e.resource?.resourceType));
    expect(types).not.toContain('Observation');
    const all: Bundle = (await call(ctx.app, outsider, 'GET', '/fhir/R4/Encounter')).json();
    expect(all.entry).toEqual([]);
  });
});

describe('another clinic', () => {
  it('sees none of clinic A through search, read or $everything', async () => {
    const ownerB = await signIn(ctx.app, b.emailOf('owner'));
    for (const type of FHIR_TYPE_NAMES) {
      const res = await call(ctx.app, ownerB, 'GET', `/fhir/R4/${type}`);
      expect(res.body, type).not.toContain(chart.patientId);
      expect(res.body, type).not.toContain(a.organizationId);
    }
    expect((await call(ctx.app, ownerB, 'GET', `/fhir/R4/Patient/${chart.patientId}`)).statusCode).toBe(404);
    expect(
      (await call(ctx.app, ownerB, 'GET', `/fhir/R4/Patient/${chart.patientId}/$everything`)).statusCode,
    ).toBe(404);
  });
});

describe('API keys', () => {
  it('only the owner creates them; the key reads its clinic, is audited, cannot write, and stops when revoked', async () => {
    const admin = await signIn(ctx.app, a.emailOf('admin'));
    expect((await call(ctx.app, admin, 'POST', '/api/api-keys', { name: 'EHR link' })).statusCode).toBe(403);
    const created = await call(ctx.app, ownerA, 'POST', '/api/api-keys', { name: 'EHR link' });
    expect(created.statusCode, created.body).toBe(201);
    const { id, key } = created.json();
    expect(key).toMatch(/^fsk_/);
    const listed = (await call(ctx.app, ownerA, 'GET', '/api/api-keys')).json().items;
    expect(JSON.stringify(listed)).not.toContain(key);

    const read = await bearer(key, 'GET', `/fhir/R4/Patient/${chart.patientId}/$everything`);
    expect(read.statusCode).toBe(200);
    expect((read.json() as Bundle).entry?.length).toBeGreaterThan(10);
    const audited = await ctx.ownerDb
      .selectFrom('audit_events')
      .select(['actor_id', 'patient_id'])
      .where('action', '=', 'fhir.everything')
      .where('actor_id', '=', id)
      .execute();
    expect(audited).toEqual([{ actor_id: id, patient_id: chart.patientId }]);

    const write = await bearer(key, 'POST', '/fhir/R4/ServiceRequest/$import', {});
    expect(write.statusCode).toBe(403);
    expect(write.json().issue[0].diagnostics).toMatch(/only read/);
    expect((await bearer(key, 'GET', '/fhir/R4/$export')).statusCode).toBe(401);
    expect((await bearer(key, 'GET', '/api/patients')).statusCode).toBe(401);

    const ownerB = await signIn(ctx.app, b.emailOf('owner'));
    const keyB = (await call(ctx.app, ownerB, 'POST', '/api/api-keys', { name: 'B' })).json().key;
    const fromB = await bearer(keyB, 'GET', '/fhir/R4/Patient');
    expect(fromB.statusCode).toBe(200);
    expect(fromB.body).not.toContain(chart.patientId);
    expect((await bearer(keyB, 'GET', `/fhir/R4/Patient/${chart.patientId}`)).statusCode).toBe(404);

    expect((await call(ctx.app, ownerA, 'DELETE', `/api/api-keys/${id}`)).statusCode).toBe(204);
    const revoked = await bearer(key, 'GET', '/fhir/R4/Patient');
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().resourceType).toBe('OperationOutcome');
    expect((await bearer('fsk_unknown', 'GET', '/fhir/R4/Patient')).statusCode).toBe(401);
  });
});
