import { FHIR_TYPE_NAMES } from '@fascia/domain/fhir/capability';
import { expectValidFhir } from '@fascia/domain/fhir/fhir-schema.fixture';
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

// Bulk export of the whole clinic, FHIR Bulk Data style: kick-off, status, NDJSON per type.
let ctx: TestContext;
let owner: Session;
let chart: Awaited<ReturnType<typeof createFullChart>>;

const local = (url: string) => url.replace(/^https?:\/\/[^/]+/, '');
const kickOff = (s: Session, query = '') =>
  ctx.app.inject({
    method: 'GET',
    url: `/fhir/R4/$export${query}`,
    headers: { cookie: s.cookie, prefer: 'respond-async', accept: 'application/fhir+json' },
  });

async function waitForManifest(statusUrl: string) {
  for (let i = 0; i < 100; i++) {
    const res = await call(ctx.app, owner, 'GET', local(statusUrl));
    if (res.statusCode === 200) return res.json();
    expect(res.statusCode, res.body).toBe(202);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('export did not finish');
}

beforeAll(async () => {
  ctx = await startTestApp();
  const clinic = await createTestClinic(ctx);
  owner = await signIn(ctx.app, clinic.emailOf('owner'));
  chart = await createFullChart(ctx, await signIn(ctx.app, clinic.emailOf('therapist')));
  await createTestClinic(ctx); // another clinic, whose data must not appear
});

describe('bulk export', () => {
  it('round trip: 202 with a status URL, a manifest of one NDJSON file per type, every line valid R4', async () => {
    const start = await kickOff(owner);
    expect(start.statusCode, start.body).toBe(202);
    const statusUrl = start.headers['content-location'] as string;
    expect(statusUrl).toMatch(/\/fhir\/R4\/\$export-status\/[0-9a-f-]{36}$/);
    const manifest = await waitForManifest(statusUrl);
    expect(manifest.requiresAccessToken).toBe(true);
    expect(manifest.transactionTime).toMatch(/^\d{4}-/);
    const types = manifest.output.map((o: { type: string }) => o.type);
    expect(new Set(types).size).toBe(types.length);
    for (const t of [
      'Patient',
      'Condition',
      'Observation',
      'Encounter',
      'Procedure',
      'CarePlan',
      'AuditEvent',
    ]) {
      expect(types).toContain(t);
    }
    expect(types.every((t: string) => (FHIR_TYPE_NAMES as string[]).includes(t))).toBe(true);
    for (const file of manifest.output as Array<{ type: string; url: string; count: number }>) {
      const res = await call(ctx.app, owner, 'GET', local(file.url));
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('application/fhir+ndjson');
      const lines = res.body.trimEnd().split('\n');
      expect(lines, file.type).toHaveLength(file.count);
      for (const line of lines) {
        const resource = JSON.parse(line);
        expect(resource.resourceType).toBe(file.type);
        expectValidFhir(resource);
      }
      if (file.type === 'Patient') expect(lines.map((l) => JSON.parse(l).id)).toEqual([chart.patientId]);
    }
    const audited = await ctx.ownerDb
      .selectFrom('audit_events')
      .select('action')
      .where('action', 'like', 'fhir.export%')
      .execute();
    expect(audited.map((a) => a.action)).toEqual(
      expect.arrayContaining(['fhir.export', 'fhir.export.complete', 'fhir.export.download']),
    );
    expect((await call(ctx.app, owner, 'DELETE', local(statusUrl))).statusCode).toBe(202);
    expect((await call(ctx.app, owner, 'GET', local(statusUrl))).statusCode).toBe(404);
  });

  it('exports only the types asked for, and refuses unknown ones', async () => {
    const start = await kickOff(owner, '?_type=Patient,Coverage');
    const manifest = await waitForManifest(start.headers['content-location'] as string);
    expect(manifest.output.map((o: { type: string }) => o.type)).toEqual(['Patient', 'Coverage']);
    const bad = await kickOff(owner, '?_type=Claim');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().resourceType).toBe('OperationOutcome');
  });

  it('needs Prefer: respond-async, and is for the owner only', async () => {
    const noPrefer = await call(ctx.app, owner, 'GET', '/fhir/R4/$export');
    expect(noPrefer.statusCode).toBe(400);
    const clinic = await createTestClinic(ctx, { roles: ['admin'] });
    const admin = await signIn(ctx.app, clinic.emailOf('admin'));
    const refused = await kickOff(admin);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().resourceType).toBe('OperationOutcome');
  });
});
