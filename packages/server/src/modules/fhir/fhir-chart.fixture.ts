import { examplePlan } from '@fascia/domain/plans/example-patient.fixture';
import { signedVisit } from '@fascia/domain/sessions/example-note.fixture';
import { createFlagshipPatient, daysFromToday, ok } from '../../../test/flagship-patient.ts';
import { call, type Session, type TestContext } from '../../../test/harness.ts';

/**
 * Test data for the FHIR tests: the flagship patient (history, referral, signed assessment) plus
 * a coverage, a condition and an allergy, an outcome questionnaire, a plan of care, a day-of
 * screening, a signed session note and a progress report — all entered through the REST API as staff would.
 */
export async function createFullChart(
  ctx: TestContext,
  therapist: Session,
  name?: { given: string; family: string },
) {
  const base = await createFlagshipPatient(ctx, therapist, name);
  const { patientId, referralId, assessmentId, today } = base;
  const post = async (url: string, body: unknown, status = 201) =>
    ok(await call(ctx.app, therapist, 'POST', url, body), status);
  await post(`/api/patients/${patientId}/coverages`, {
    payerName: 'Acme Health',
    memberId: 'M-1001',
    groupNumber: 'G-7',
    relationship: 'self',
    order: 'primary',
  });
  await post(`/api/patients/${patientId}/history`, {
    kind: 'conditions',
    item: { code: 'M54.50', status: 'active', regions: [{ regionId: 'lumbar' }] },
  });
  await post(`/api/patients/${patientId}/history`, {
    kind: 'allergies',
    item: { substance: 'Almond oil', category: 'nut_oil', severity: 'moderate' },
  });
  await post(`/api/patients/${patientId}/outcomes`, {
    instrumentId: 'nprs',
    administeredOn: today,
    answers: { pain: 7 },
    completedBy: 'staff_transcribed',
  });
  const planId = (
    await post(`/api/patients/${patientId}/plans`, { content: { ...examplePlan, referralId, assessmentId } })
  ).id;
  const screening = await post(`/api/patients/${patientId}/screenings`, {
    dayOf: { temperature: { value: 36.7, unit: 'C' } },
    acknowledged: true,
  });
  const note = await post(`/api/patients/${patientId}/notes`, { screeningId: screening.id, planId });
  const content = {
    ...signedVisit,
    patientId,
    planId,
    visitDate: today,
    visitStartedAt: undefined,
    visitEndedAt: undefined,
    subjective: { ...signedVisit.subjective, screeningId: screening.id },
    plan: { nextVisit: { date: daysFromToday(3) } },
  };
  await ok(await call(ctx.app, therapist, 'PUT', `/api/notes/${note.id}`, { content, version: 1 }));
  await post(`/api/notes/${note.id}/sign`, { version: 2 }, 200);
  await post(`/api/referrals/${referralId}/reports`, {
    kind: 'progress_report',
    assessment: 'Sciatic pain easing; sitting tolerance improved.',
    recommendation: 'continue',
  });
  return { ...base, planId, noteId: note.id };
}
