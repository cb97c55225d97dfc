import type { APIRequestContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { examplePlan } from '../packages/domain/src/plans/example-patient.fixture.ts';
import { signedVisit } from '../packages/domain/src/sessions/example-note.fixture.ts';
import {
  FLAGSHIP_NPI,
  flagshipAssessment,
  flagshipHistory,
  flagshipProvider,
  flagshipReferral,
} from '../packages/server/test/flagship-records.ts';
import { visible } from './expect.ts';

/**
 * Records the browser tests start from, made through the REST API the way the screens make them,
 * so each test clicks through only the screens it is about. The flagship patient is made from the
 * same request bodies as the API tests' (packages/server/test/flagship-records.ts).
 */

export const DEMO_PASSWORD = 'willow-harbour-lantern-47';
export const OWNER_EMAIL = 'owner@demo.fascia.example';

/** A calendar date `days` from today, in the machine's time zone like the browser's date inputs. */
export function dayFromToday(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

type Body = { id: string } & Record<string, unknown>;
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface ClinicApi {
  /** Any answer, for tests that expect a refusal. Paths are under /api, as the web client names them. */
  call: (method: Method, path: string, data?: unknown) => Promise<{ status: number; body: Body }>;
  /** A successful answer (exactly `status` when given), or the test fails with the server's words. */
  ok: (method: Method, path: string, data?: unknown, status?: number) => Promise<Body>;
}

/** The API with a signed-in context's session cookie and its CSRF token, which every write needs. */
export async function clinicApi(request: APIRequestContext): Promise<ClinicApi> {
  const session = await request.get('/api/auth/session');
  expect(session.status(), 'signed in before calling the API').toBe(200);
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const call: ClinicApi['call'] = async (method, path, data) => {
    const res = await request.fetch(`/api${path}`, {
      method,
      headers: { 'X-CSRF-Token': csrfToken },
      ...(data === undefined ? {} : { data }),
    });
    return { status: res.status(), body: (await res.json().catch(() => ({}))) as Body };
  };
  const ok: ClinicApi['ok'] = async (method, path, data, status) => {
    const res = await call(method, path, data);
    const wrong = status === undefined ? res.status >= 300 : res.status !== status;
    if (wrong) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  return { call, ok };
}

/**
 * Signs in through the API with a context's (or page's) request context: its pages share the
 * cookie, so they open signed in without clicking through the sign-in screen.
 */
export async function signInThroughApi(request: APIRequestContext, email = OWNER_EMAIL): Promise<ClinicApi> {
  const res = await request.post('/api/auth/sign-in', { data: { email, password: DEMO_PASSWORD } });
  expect(res.status(), await res.text()).toBe(200);
  return clinicApi(request);
}

/** Signs in through the sign-in screen, for tests whose subject includes what a user sees first. */
export async function signInThroughPage(page: Page, email = OWNER_EMAIL): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await visible(page.getByRole('heading', { name: 'Today' }));
}

export async function createPatient(
  api: ClinicApi,
  name: { given: string; family: string },
  dateOfBirth = '1990-06-02',
): Promise<string> {
  const record = {
    legalName: name,
    dateOfBirth,
    sex: 'female',
    consents: {
      treatment: { given: true, date: dayFromToday(-30) },
      communication: { given: false, channels: [] },
    },
  };
  return (await api.ok('POST', '/patients', { record }, 201)).id;
}

/** The referring provider with the flagship NPI: found when an earlier test made it, else created. */
export async function findOrCreateFlagshipProvider(api: ClinicApi): Promise<string> {
  const found = (await api.ok('GET', `/providers?q=${FLAGSHIP_NPI}`)).items as { id: string }[];
  if (found[0]) return found[0].id;
  const created = await api.call('POST', '/providers', flagshipProvider);
  if (created.status === 201) return created.body.id;
  // Another test file made it between the search and the create.
  return ((await api.ok('GET', `/providers?q=${FLAGSHIP_NPI}`)).items as { id: string }[])[0]!.id;
}

export interface FlagshipPatient {
  patientId: string;
  providerId: string;
  referralId: string;
  assessmentId: string;
  today: string;
}

/**
 * The patient the clinical screens are about: on warfarin, due in 16 weeks (24 weeks pregnant),
 * lumbar surgery 21 days ago; referred for sciatica (M54.31) at 2×/week for 6 weeks, 12 visits;
 * a signed initial assessment.
 */
export async function createFlagshipPatient(api: ClinicApi, family: string): Promise<FlagshipPatient> {
  const today = dayFromToday(0);
  const patientId = await createPatient(api, { given: 'Rosa', family });
  for (const h of flagshipHistory(dayFromToday)) {
    await api.ok('POST', `/patients/${patientId}/history`, h, 201);
  }
  const providerId = await findOrCreateFlagshipProvider(api);
  const referral = flagshipReferral(providerId, dayFromToday);
  const referralId = (await api.ok('POST', `/patients/${patientId}/referrals`, referral, 201)).id;
  const assessment = { ...flagshipAssessment(dayFromToday), referralId };
  const draft = await api.ok('POST', `/patients/${patientId}/assessments`, assessment, 201);
  await api.ok('POST', `/assessments/${draft.id}/sign`, { version: 1 });
  return { patientId, providerId, referralId, assessmentId: draft.id, today };
}

/**
 * A plan of care from the signed assessment, today's screening and a visit note signed under
 * them, made through the API as the screens make them: for tests about what comes after a visit.
 */
export async function createSignedVisitNote(
  api: ClinicApi,
  { patientId, referralId, assessmentId }: Pick<FlagshipPatient, 'patientId' | 'referralId' | 'assessmentId'>,
): Promise<{ planId: string; noteId: string }> {
  const plan = await api.ok(
    'POST',
    `/patients/${patientId}/plans`,
    { content: { ...examplePlan, referralId, assessmentId } },
    201,
  );
  const screening = await api.ok(
    'POST',
    `/patients/${patientId}/screenings`,
    { dayOf: {}, acknowledged: true },
    201,
  );
  const note = await api.ok(
    'POST',
    `/patients/${patientId}/notes`,
    { screeningId: screening.id, planId: plan.id },
    201,
  );
  const content = {
    ...signedVisit,
    patientId,
    planId: plan.id,
    visitDate: dayFromToday(0),
    visitStartedAt: undefined,
    visitEndedAt: undefined,
    subjective: { ...signedVisit.subjective, screeningId: screening.id },
  };
  await api.ok('PUT', `/notes/${note.id}`, { content, version: 1 });
  await api.ok('POST', `/notes/${note.id}/sign`, { version: 2 });
  return { planId: plan.id, noteId: note.id };
}
