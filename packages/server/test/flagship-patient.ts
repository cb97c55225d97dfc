import { expect } from 'vitest';
import {
  FLAGSHIP_NPI,
  flagshipAssessment,
  flagshipHistory,
  flagshipProvider,
  flagshipReferral,
} from './flagship-records.ts';
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
  for (const h of flagshipHistory(daysFromToday)) {
    await ok(await call(ctx.app, therapist, 'POST', `/api/patients/${patientId}/history`, h), 201);
  }
  const providers = (await call(ctx.app, therapist, 'GET', `/api/providers?q=${FLAGSHIP_NPI}`)).json().items;
  const provider =
    providers[0] ??
    (await ok(await call(ctx.app, therapist, 'POST', '/api/providers', flagshipProvider), 201));
  const referralId = (
    await ok(
      await call(
        ctx.app,
        therapist,
        'POST',
        `/api/patients/${patientId}/referrals`,
        flagshipReferral(provider.id, daysFromToday),
      ),
      201,
    )
  ).id;
  const draft = await ok(
    await call(
      ctx.app,
      therapist,
      'POST',
      `/api/patients/${patientId}/assessments`,
      flagshipAssessment(daysFromToday),
    ),
    201,
  );
  await ok(await call(ctx.app, therapist, 'POST', `/api/assessments/${draft.id}/sign`, { version: 1 }));
  return { patientId, referralId, assessmentId: draft.id, today };
}
