import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFlagshipPatient } from '../../test/flagship-patient.ts';
import { call, createTestClinic, signIn, startTestApp, type TestContext } from '../../test/harness.ts';
import { type AuditKeyring, loadAuditKeyring } from './audit-keys.ts';
import { verifyAuditChain } from './audit-verify.ts';
import { Tenancy } from './tenancy.ts';

/**
 * Issue 12, finding 1: an id in upper case was hashed as the request spelled it while its uuid
 * column stored it in lower case, so one ordinary read broke the chain. Every route with an id in
 * its path is called here with upper-case ids, then the chain must still verify.
 */
let ctx: TestContext;
let keys: AuditKeyring;
beforeAll(async () => {
  ctx = await startTestApp();
  keys = loadAuditKeyring(ctx.config, { create: false }) as AuditKeyring;
});

const breaksOf = async (organizationId: string) =>
  (await verifyAuditChain(ctx.ownerDb, organizationId, { keys })).breaks;

describe('finding 1: upper-case ids and the audit chain', () => {
  it('finding 1: every route with an id, called with upper-case ids as the owner, leaves the chain intact', async () => {
    const c = await createTestClinic(ctx);
    const therapist = await signIn(ctx.app, c.emailOf('therapist'));
    const owner = await signIn(ctx.app, c.emailOf('owner'));
    const flagship = await createFlagshipPatient(ctx, therapist);
    // The real record behind each path segment, so reads reach data and write their audit rows.
    const realIdAfter: Record<string, string> = {
      patients: flagship.patientId,
      Patient: flagship.patientId,
      ':type': flagship.patientId,
      referrals: flagship.referralId,
      assessments: flagship.assessmentId,
      staff: c.idOf('therapist'),
    };
    const concrete = (url: string) =>
      url
        .split('/')
        .map((part, i, parts) => {
          if (part === ':type') return 'Patient';
          if (part === ':token') return 'x'.repeat(43);
          if (!part.startsWith(':')) return part;
          const before = parts[i - 1] ?? '';
          return (part === ':id' ? (realIdAfter[before] ?? randomUUID()) : randomUUID()).toUpperCase();
        })
        .join('/');
    const withIds = ctx.app.routeTable.filter(
      (r) => /\/:(?!token)/.test(r.url) && (r.url.startsWith('/api/') || r.url.startsWith('/fhir/')),
    );
    expect(withIds.length).toBeGreaterThan(30);
    const reads = withIds.filter((r) => r.method === 'GET');
    const writes = withIds.filter((r) => r.method !== 'GET');
    const answers: string[] = [];
    for (const r of [...reads, ...writes]) {
      const url = concrete(r.url);
      const res = await call(ctx.app, owner, r.method as 'GET', url, r.method === 'GET' ? undefined : {});
      answers.push(`${r.method} ${r.url} → ${res.statusCode}`);
      expect(res.statusCode, `${r.method} ${url}: ${res.body}`).toBeLessThan(500);
    }

    const chart = await call(ctx.app, owner, 'GET', `/api/patients/${flagship.patientId.toUpperCase()}`);
    expect(chart.statusCode).toBe(200);
    expect(chart.json().id).toBe(flagship.patientId);
    const readsOfThePatient = await ctx.ownerDb
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('organization_id', '=', c.organizationId)
      .where('patient_id', '=', flagship.patientId)
      .where('actor_id', '=', c.idOf('owner'))
      .executeTakeFirstOrThrow();
    expect(Number(readsOfThePatient.n), answers.join('\n')).toBeGreaterThan(5);
    expect(await breaksOf(c.organizationId)).toEqual([]);
  }, 120_000);

  it('finding 1: ids spelled in any form PostgreSQL accepts are hashed as stored', async () => {
    const c = await createTestClinic(ctx);
    const patientId = randomUUID();
    const hex = patientId.replace(/-/g, '');
    await new Tenancy(ctx.appDb, 'sync', keys).record(
      c.organizationId.toUpperCase(),
      { userId: `{${c.idOf('owner').toUpperCase()}}` },
      { action: 'test.ids', patientId: hex.toUpperCase(), resourceId: patientId.toUpperCase() },
    );
    const row = await ctx.ownerDb
      .selectFrom('audit_events')
      .select(['patient_id', 'actor_id', 'resource_id'])
      .where('organization_id', '=', c.organizationId)
      .where('action', '=', 'test.ids')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ patient_id: patientId, actor_id: c.idOf('owner'), resource_id: patientId });
    expect(await breaksOf(c.organizationId)).toEqual([]);
  });
});
