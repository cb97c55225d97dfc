import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestClinic,
  type Session,
  signIn,
  startTestApp,
  type TestContext,
} from '../../test/harness.ts';

let ctx: TestContext;
let therapist: Session;
let patientId: string;

beforeAll(async () => {
  ctx = await startTestApp();
  const clinic = await createTestClinic(ctx);
  therapist = await signIn(ctx.app, clinic.emailOf('therapist'));
  const created = await call(ctx.app, therapist, 'POST', '/api/patients', {
    record: {
      legalName: { given: 'Ada', family: 'Cache' },
      dateOfBirth: '1980-01-01',
      sex: 'female',
      consents: {
        treatment: { given: true, date: '2025-03-01' },
        communication: { given: false, channels: [] },
      },
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  patientId = created.json().id;
});

function expectNoStore(res: { headers: Record<string, unknown> }, what: string) {
  expect(res.headers['cache-control'], what).toMatch(/(^|[ ,])no-store([ ,]|$)/);
  expect(res.headers.pragma, what).toBe('no-cache');
}

describe('caching of records', () => {
  it('finding 12: patient JSON and the errors and refusals around it are sent with no-store', async () => {
    const record = await call(ctx.app, therapist, 'GET', `/api/patients/${patientId}`);
    expect(record.statusCode, record.body).toBe(200);
    expect(record.body).toContain('Cache');
    expectNoStore(record, 'patient record');
    expectNoStore(await call(ctx.app, therapist, 'GET', '/api/patients?q=Ada'), 'patient list');
    expectNoStore(await call(ctx.app, therapist, 'GET', `/api/patients/${randomUUID()}`), 'not found');
    expectNoStore(await call(ctx.app, null, 'GET', `/api/patients/${patientId}`), 'signed out');
    expectNoStore(await call(ctx.app, therapist, 'POST', `/api/patients`, { record: {} }), 'invalid body');
    expectNoStore(await ctx.app.inject({ method: 'GET', url: '/fhir/R4/Patient' }), 'FHIR');
    // The router decodes the path; the header follows the route it reaches, not the bytes sent.
    const encoded = await call(ctx.app, therapist, 'GET', `/%61pi/patients/${patientId}`);
    expectNoStore(encoded, `percent-encoded path → ${encoded.statusCode}`);
  });

  it('finding 12: every API and FHIR read route answers with no-store, whoever asks', async () => {
    const reads = ctx.app.routeTable.filter(
      (r) => r.method === 'GET' && /^\/(api|fhir)\//.test(r.url) && r.url !== '/api/docs/*',
    );
    expect(reads.length).toBeGreaterThan(30);
    for (const route of reads) {
      const url = route.url.replace(/:token/g, 'x'.repeat(43)).replace(/:[A-Za-z]+/g, patientId);
      for (const session of [therapist, null]) {
        const res = await call(ctx.app, session, 'GET', url);
        expectNoStore(res, `${route.url} ${session ? 'signed in' : 'signed out'} → ${res.statusCode}`);
      }
    }
  });

  it('leaves paths outside the API to their own caching', async () => {
    const page = await ctx.app.inject({ method: 'GET', url: '/share/abc' });
    expect(String(page.headers['cache-control'] ?? '')).not.toContain('no-store');
  });
});
