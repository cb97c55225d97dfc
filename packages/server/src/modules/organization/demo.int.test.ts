import { beforeAll, describe, expect, it } from 'vitest';
import { call, signIn, startTestApp, type TestContext } from '../../../test/harness.ts';
import { seedDemoRecords } from './demo-records.ts';
import { DEMO_PASSWORD, ensureDemoClinic } from './organization.setup.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

describe('the demo clinic a newcomer signs in to', () => {
  it('is created once, without required two-factor, with patients to open', async () => {
    expect(await ensureDemoClinic(ctx.ownerDb, 15)).toBe(true);
    expect(await ensureDemoClinic(ctx.ownerDb, 15)).toBe(false);
    await seedDemoRecords(ctx.app);
    const owner = await signIn(ctx.app, 'owner@demo.fascia.example', DEMO_PASSWORD);
    expect(owner.body.stage).toBe('full');
    const patients = (await call(ctx.app, owner, 'GET', '/api/patients')).json().items;
    expect(patients.map((p: { legalName: { family: string } }) => p.legalName.family).sort()).toEqual([
      'Demo-Headache',
      'Demo-Sciatica',
    ]);
    const sciatica = patients.find(
      (p: { legalName: { family: string } }) => p.legalName.family === 'Demo-Sciatica',
    );
    const chart = (await call(ctx.app, owner, 'GET', `/api/patients/${sciatica.id}`)).json();
    expect(chart.alerts.length).toBeGreaterThan(3);
    // Issue 13: the recorded almond-oil allergy reaches the screening as lubricant advice.
    const screening = (
      await call(ctx.app, owner, 'GET', `/api/patients/${sciatica.id}/screening-context`)
    ).json();
    expect(screening.result.findings.map((f: { ruleId: string }) => f.ruleId)).toContain(
      'modify.allergy_nut_oil',
    );
    const headache = patients.find(
      (p: { legalName: { family: string } }) => p.legalName.family === 'Demo-Headache',
    );
    const assessments = (await call(ctx.app, owner, 'GET', `/api/patients/${headache.id}/assessments`)).json()
      .items;
    expect(assessments).toMatchObject([{ kind: 'initial', status: 'signed' }]);
  });
});
