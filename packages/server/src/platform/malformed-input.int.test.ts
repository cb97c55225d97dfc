import { connect } from 'node:net';
import { referralBundle } from '@fascia/domain/fhir/import-referral.fixture';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFlagshipPatient, daysFromToday } from '../../test/flagship-patient.ts';
import { flagshipReferral } from '../../test/flagship-records.ts';
import {
  call,
  createTestClinic,
  type Session,
  signIn,
  startTestApp,
  type TestContext,
} from '../../test/harness.ts';

/**
 * Issue 12, finding 8: 89 kinds of malformed input answered 500. Each case here is one of them,
 * now a 4xx problem+json (an OperationOutcome under /fhir) that names the field, and a refused
 * write leaves nothing behind. The fuzz test (fuzz.int.test.ts) walks every route the same way.
 */
let ctx: TestContext;
let therapist: Session;
let chart: Awaited<ReturnType<typeof createFlagshipPatient>>;
let sibling: Awaited<ReturnType<typeof createFlagshipPatient>>;
let otherClinic: Awaited<ReturnType<typeof createFlagshipPatient>>;

beforeAll(async () => {
  ctx = await startTestApp();
  // A route that sends the database a value no schema checked, as a missed validation would.
  ctx.app.get('/api/test/unchecked-date', { config: { auth: 'public' } }, async () => {
    await sql`SELECT '0000-01-01'::date AS performed_on`.execute(ctx.appDb);
    return {};
  });
  const a = await createTestClinic(ctx);
  const b = await createTestClinic(ctx);
  therapist = await signIn(ctx.app, a.emailOf('therapist'));
  chart = await createFlagshipPatient(ctx, therapist);
  sibling = await createFlagshipPatient(ctx, therapist, { given: 'Ivo', family: 'Sandberg' });
  otherClinic = await createFlagshipPatient(ctx, await signIn(ctx.app, b.emailOf('therapist')));
}, 60_000);

const rows = async (
  table: 'patients' | 'assessments' | 'referrals' | 'outcome_responses' | 'health_history_items',
) =>
  Number(
    (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(ctx.ownerDb))
      .rows[0]?.n,
  );

function expectFieldProblem(
  res: { statusCode: number; headers: Record<string, unknown>; json: () => unknown },
  field: string,
) {
  expect(res.statusCode).toBe(422);
  expect(res.headers['content-type']).toContain('application/problem+json');
  const body = res.json() as { title: string; errors: { field: string; message: string }[] };
  expect(body.title).toBe('Invalid input');
  expect(body.errors.map((e) => e.field)).toContain(field);
  return body.errors.find((e) => e.field === field)?.message as string;
}

const newPatient = (family: string) => ({
  record: {
    legalName: { given: 'Test', family },
    dateOfBirth: '1985-04-12',
    sex: 'male',
    consents: {
      treatment: { given: true, date: daysFromToday(0) },
      communication: { given: false, channels: [] },
    },
  },
});

describe('finding 8: malformed input is a 4xx problem naming the field', () => {
  it('finding 8: NUL in a string is a 422 naming the field', async () => {
    const before = await rows('patients');
    const res = await call(ctx.app, therapist, 'POST', '/api/patients', newPatient('Nul\u0000l'));
    expect(expectFieldProblem(res, 'record.legalName.family')).toMatch(/NUL/);
    const profile = await call(ctx.app, therapist, 'PATCH', '/api/account/profile', {
      displayName: 'A\u0000B',
    });
    expectFieldProblem(profile, 'displayName');
    const query = await call(ctx.app, therapist, 'GET', '/api/providers?q=%00');
    expectFieldProblem(query, 'query.q');
    expect(await rows('patients')).toBe(before);
  });

  it('finding 8: a lone surrogate is a 422 naming the field, before jsonb or the audit append', async () => {
    const before = await rows('health_history_items');
    const history = await call(ctx.app, therapist, 'POST', `/api/patients/${chart.patientId}/history`, {
      kind: 'surgeries',
      item: { date: daysFromToday(-9), description: 'Knee \ud800 scope', regions: [{ regionId: 'lumbar' }] },
    });
    expect(expectFieldProblem(history, 'item.description')).toMatch(/surrogate/);
    const key = await ctx.app.inject({
      method: 'PATCH',
      url: '/api/account/profile',
      headers: {
        cookie: therapist.cookie,
        'x-csrf-token': therapist.csrf,
        'content-type': 'application/json',
      },
      payload: '{"displayName":"Ana","\\udc00":1}',
    });
    expectFieldProblem(key, '\\udc00');
    expect(await rows('health_history_items')).toBe(before);
  });

  it('finding 8: year 0000 passes no date check and is a 422 naming the field', async () => {
    const before = await rows('outcome_responses');
    const outcome = await call(ctx.app, therapist, 'POST', `/api/patients/${chart.patientId}/outcomes`, {
      instrumentId: 'nprs',
      administeredOn: '0000-01-01',
      answers: { pain: 5 },
      completedBy: 'staff_transcribed',
    });
    expect(expectFieldProblem(outcome, 'administeredOn')).toMatch(/year 0000/);
    expectFieldProblem(
      await call(ctx.app, therapist, 'GET', '/api/patients?dateOfBirth=0000-01-01'),
      'query.dateOfBirth',
    );
    const assessment = await call(
      ctx.app,
      therapist,
      'POST',
      `/api/patients/${chart.patientId}/assessments`,
      {
        kind: 'initial',
        performedOn: '0000-02-29',
        content: {},
      },
    );
    expectFieldProblem(assessment, 'performedOn');
    expectFieldProblem(
      await call(ctx.app, therapist, 'POST', `/api/patients/${chart.patientId}/assessments`, {
        kind: 'initial',
        performedOn: '2025-02-30',
        content: {},
      }),
      'performedOn',
    );
    expect(await rows('outcome_responses')).toBe(before);
  });

  it('finding 8: a non-uuid providerId in a referral body is a 422 naming providerId', async () => {
    const before = await rows('referrals');
    for (const providerId of ['not_a_value', 'ABC', '12345678-1234-1234-1234-1234567890123']) {
      const res = await call(
        ctx.app,
        therapist,
        'POST',
        `/api/patients/${chart.patientId}/referrals`,
        flagshipReferral(providerId, daysFromToday),
      );
      expect(expectFieldProblem(res, 'providerId')).toMatch(/provider/);
    }
    expect(await rows('referrals')).toBe(before);
  });

  it("finding 8: another patient's referral on an assessment is a 422 naming referralId", async () => {
    const draft = await call(ctx.app, therapist, 'POST', `/api/patients/${chart.patientId}/assessments`, {
      kind: 'initial',
      performedOn: daysFromToday(0),
      referralId: chart.referralId,
      content: {},
    });
    expect(draft.statusCode).toBe(201);
    const before = await rows('assessments');
    for (const referralId of [sibling.referralId, otherClinic.referralId]) {
      const created = await call(ctx.app, therapist, 'POST', `/api/patients/${chart.patientId}/assessments`, {
        kind: 'initial',
        performedOn: daysFromToday(0),
        referralId,
        content: {},
      });
      expectFieldProblem(created, 'referralId');
      const saved = await call(ctx.app, therapist, 'PUT', `/api/assessments/${draft.json().id}`, {
        kind: 'initial',
        performedOn: daysFromToday(0),
        referralId,
        content: {},
        version: 1,
      });
      expectFieldProblem(saved, 'referralId');
    }
    expect(await rows('assessments')).toBe(before);
  });

  it('finding 8: an empty PATCH /api/account/profile is a 422 "nothing to change"', async () => {
    const res = await call(ctx.app, therapist, 'PATCH', '/api/account/profile', {});
    expect(expectFieldProblem(res, 'body')).toMatch(/nothing to change/);
    const named = await call(ctx.app, therapist, 'PATCH', '/api/account/profile', { credentials: 'LMT' });
    expect(named.statusCode).toBe(200);
  });

  it('finding 8: 20,000-deep JSON is a 422 naming the body, on the API and under /fhir', async () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const before = await rows('assessments');
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/patients/${chart.patientId}/assessments`,
      headers: {
        cookie: therapist.cookie,
        'x-csrf-token': therapist.csrf,
        'content-type': 'application/json',
      },
      payload: `{"kind":"initial","performedOn":"${daysFromToday(0)}","content":{"notes":${deep}}}`,
    });
    expect(expectFieldProblem(res, 'body')).toMatch(/64 levels/);
    expect(await rows('assessments')).toBe(before);
    const fhir = await ctx.app.inject({
      method: 'POST',
      url: '/fhir/R4',
      headers: {
        cookie: therapist.cookie,
        'x-csrf-token': therapist.csrf,
        'content-type': 'application/fhir+json',
      },
      payload: deep,
    });
    expect(fhir.statusCode).toBe(400);
    expect(fhir.json()).toMatchObject({
      resourceType: 'OperationOutcome',
      issue: [{ expression: ['body'] }],
    });
  });

  it('finding 8: /fhir/R4/Patient/xyz/$everything is a 404 OperationOutcome', async () => {
    for (const id of ['xyz', "1'--", '00000000-0000-0000-0000-00000000000g']) {
      const res = await call(
        ctx.app,
        therapist,
        'GET',
        `/fhir/R4/Patient/${encodeURIComponent(id)}/$everything`,
      );
      expect(res.statusCode, id).toBe(404);
      expect(res.headers['content-type']).toContain('application/fhir+json');
      expect(res.json()).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'not-found' }] });
    }
  });

  it('finding 8: a null or mis-shaped element of an imported Bundle is a 422 OperationOutcome naming it', async () => {
    const before = await rows('referrals');
    const bundle = referralBundle() as unknown as { entry: { resource: Record<string, unknown> }[] };
    const withNull = structuredClone(bundle);
    (withNull.entry[0] as { resource: Record<string, unknown> }).resource.reasonCode = [null];
    const misShaped = structuredClone(bundle);
    (misShaped.entry[0] as { resource: Record<string, unknown> }).resource.reasonCode = { nested: {} };
    const outOfRange = structuredClone(bundle) as unknown as {
      entry: { resource: { occurrenceTiming: { repeat: { boundsDuration: { value: number } } } } }[];
    };
    (
      outOfRange.entry[0] as (typeof outOfRange.entry)[number]
    ).resource.occurrenceTiming.repeat.boundsDuration.value = 2 ** 31;
    for (const body of [withNull, misShaped, outOfRange]) {
      const res = await call(ctx.app, therapist, 'POST', '/fhir/R4', body);
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'structure' }] });
    }
    const named = await call(ctx.app, therapist, 'POST', '/fhir/R4', withNull);
    expect(named.json().issue[0].expression).toEqual(['Bundle.entry[0].resource.reasonCode[0]']);
    expect(await rows('referrals')).toBe(before);
  });

  it('finding 8: a database refusal of unchecked input is a 422 naming the field, not a 500', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/test/unchecked-date' });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors[0].message).toMatch(/date/);
  });
});

/** Raw HTTP on a socket: Node refuses these before Fastify sees a request. */
function rawRequest(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let data = '';
    socket.on('data', (d) => {
      data += d.toString('latin1');
    });
    socket.on('error', (err) => (data ? resolve(data) : reject(err)));
    socket.on('close', () => resolve(data));
  });
}

describe('finding 8: answers before routing are problem+json too', () => {
  let port: number;
  beforeAll(async () => {
    await ctx.app.listen({ host: '127.0.0.1', port: 0 });
    port = (ctx.app.server.address() as { port: number }).port;
  });

  const parse = (raw: string) => {
    const [head, body] = raw.split('\r\n\r\n');
    return { status: Number(head?.split(' ')[1]), head: head ?? '', body: JSON.parse(body ?? '{}') };
  };

  it('finding 8: headers beyond the limit are a 431 problem+json', async () => {
    const res = parse(
      await rawRequest(port, `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`),
    );
    expect(res.status).toBe(431);
    expect(res.head).toMatch(/content-type: application\/problem\+json/i);
    expect(res.body).toMatchObject({ status: 431, title: 'Request Header Fields Too Large' });
  });

  it('finding 8: an address beyond the limit is a 414 problem+json', async () => {
    const res = parse(
      await rawRequest(port, `GET /api/patients?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`),
    );
    expect(res.status).toBe(414);
    expect(res.head).toMatch(/content-type: application\/problem\+json/i);
    expect(res.body).toMatchObject({ status: 414, title: 'URI Too Long' });
  });

  it('finding 8: an overlong path parameter is a 414 and bad percent-encoding a 400, both problem+json', async () => {
    const long = await call(ctx.app, therapist, 'GET', `/api/patients/${'a'.repeat(150)}`);
    expect(long.statusCode).toBe(414);
    expect(long.headers['content-type']).toContain('application/problem+json');
    expect(long.json()).toMatchObject({ status: 414, title: 'URI Too Long' });
    const bad = await call(ctx.app, therapist, 'GET', '/api/patients/%E0%A4%A');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const fhir = await call(ctx.app, therapist, 'GET', '/fhir/R4/Patient/%E0%A4%A');
    expect(fhir.statusCode).toBe(400);
    expect(fhir.json().resourceType).toBe('OperationOutcome');
  });
});
