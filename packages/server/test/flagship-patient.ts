import { INITIAL_HEADACHE_ASSESSMENT } from '@fascia/domain/assessment/assessment.fixtures';
import { expect } from 'vitest';
import { call, type Session, type TestContext } from './harness.ts';

/**
 * The patient the clinical issues walk through: on warfarin, 24 weeks pregnant, three weeks after
 * lumbar surgery; referred for sciatica (M54.31) at 2×/week for 6 weeks (12 visits), with a signed
 * assessment. Built through the REST API exactly as a therapist would.
 */
export const daysFromToday = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

export async function ok(res: { statusCode: number; body: string; json: () => unknown }, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as { id: string } & Record<string, unknown>;
}

export async function createFlagshipPatient(
  ctx: TestContext,
  therapist: Session,
  name = { given: 'Rosa', family: 'Lindqvist' },
) {
  const today = daysFromToday(0);
  const record = {
    legalName: name,
    dateOfBirth: '1990-06-02',
    sex: 'female',
    consents: { treatment: { given: true, date: today }, communication: { given: false, channels: [] } },
  };
  const patientId = (await ok(await call(ctx.app, therapist, 'POST', '/api/patients', { record }), 201)).id;
  for (const h of [
    { kind: 'medications', item: { name: 'Warfarin', class: 'anticoagulant' } },
    { kind: 'pregnancy', item: { edd: daysFromToday(16 * 7) } },
    {
      kind: 'surgeries',
      item: {
        date: daysFromToday(-21),
        description: 'Lumbar microdiscectomy',
        regions: [{ regionId: 'lumbar' }],
      },
    },
  ]) {
    await ok(await call(ctx.app, therapist, 'POST', `/api/patients/${patientId}/history`, h), 201);
  }
  const providers = (await call(ctx.app, therapist, 'GET', '/api/providers?q=1234567893')).json().items;
  const provider =
    providers[0] ??
    (await ok(
      await call(ctx.app, therapist, 'POST', '/api/providers', {
        name: { given: 'Ana', family: 'Reyes' },
        credentials: ['MD'],
        npi: '1234567893',
      }),
      201,
    ));
  const referralId = (
    await ok(
      await call(ctx.app, therapist, 'POST', `/api/patients/${patientId}/referrals`, {
        providerId: provider.id,
        dateWritten: today,
        diagnoses: ['M54.31'],
        frequency: { timesPerWeek: 2 },
        durationWeeks: 6,
        visitsAuthorized: 12,
        validFrom: today,
        validUntil: daysFromToday(60),
      }),
      201,
    )
  ).id;
  const {
    kind,
    performedOn: _d,
    patientId: _p,
    therapistId: _t,
    referralId: _r,
    ...content
  } = INITIAL_HEADACHE_ASSESSMENT;
  const draft = await ok(
    await call(ctx.app, therapist, 'POST', `/api/patients/${patientId}/assessments`, {
      kind,
      performedOn: today,
      content: { ...content, outcomes: [] },
    }),
    201,
  );
  await ok(await call(ctx.app, therapist, 'POST', `/api/assessments/${draft.id}/sign`, { version: 1 }));
  return { patientId, referralId, assessmentId: draft.id, today };
}
