import { CHART_TABS, visibleChartTabs } from '@fascia/domain/access/chart-tabs';
import { can, ROLES } from '@fascia/domain/access/permissions';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFlagshipPatient, ok } from '../../../test/flagship-patient.ts';
import {
  call,
  createTestClinic,
  type Session,
  signIn,
  startTestApp,
  type TestContext,
} from '../../../test/harness.ts';

// Issue 13, item 10: the biller's Documents tab said "The patient was not found" although the
// biller may read documents. Every tab a role is shown must load for that role: here each role
// opens, through the API the tab calls, every tab the web app shows it (CHART_TABS, shared).
const TAB_REQUESTS: Record<string, (patientId: string) => string[]> = {
  overview: (id) => [`/api/patients/${id}`],
  history: (id) => [`/api/patients/${id}/history`],
  insurance: (id) => [`/api/patients/${id}/coverages`],
  referrals: (id) => [`/api/patients/${id}/referrals`],
  screening: (id) => [`/api/patients/${id}/screenings`, `/api/patients/${id}/screening-context`],
  plans: (id) => [`/api/patients/${id}/plans`],
  notes: (id) => [`/api/patients/${id}/notes`],
  assessments: (id) => [`/api/patients/${id}/assessments`],
  outcomes: (id) => [`/api/patients/${id}/outcomes`],
  documents: (id) => [`/api/patients/${id}/documents`],
};

let ctx: TestContext;
let clinic: Awaited<ReturnType<typeof createTestClinic>>;
let patientId: string;
let documentId: string;

beforeAll(async () => {
  ctx = await startTestApp();
  clinic = await createTestClinic(ctx);
  const therapist = await signIn(ctx.app, clinic.emailOf('therapist'));
  const flagship = await createFlagshipPatient(ctx, therapist);
  patientId = flagship.patientId;
  documentId = (
    await ok(
      await call(ctx.app, therapist, 'POST', `/api/referrals/${flagship.referralId}/reports`, {
        kind: 'progress_report',
        assessment: 'Improving as planned.',
        recommendation: 'continue',
      }),
      201,
    )
  ).id;
});

describe('every chart tab a role is shown loads for that role', () => {
  it('has a request for every tab', () => {
    expect(Object.keys(TAB_REQUESTS).sort()).toEqual(CHART_TABS.map((t) => t.value).sort());
  });

  it.each(ROLES)('item 10: %s', async (role) => {
    const session: Session = await signIn(ctx.app, clinic.emailOf(role));
    const shown = visibleChartTabs((p) => can(role, p));
    const answers: string[] = [];
    for (const tab of shown) {
      for (const url of TAB_REQUESTS[tab.value]!(patientId)) {
        answers.push(
          `${tab.value} ${url.replace(patientId, ':id')} → ${(await call(ctx.app, session, 'GET', url)).statusCode}`,
        );
      }
    }
    expect(answers.filter((a) => !a.endsWith('→ 200'))).toEqual([]);
    expect(shown.length).toBeGreaterThan(1);
  });

  it('item 10: the biller opens the documents list and a report, the front desk neither', async () => {
    const biller = await signIn(ctx.app, clinic.emailOf('biller'));
    const listed = (await call(ctx.app, biller, 'GET', `/api/patients/${patientId}/documents`)).json().items;
    expect(listed.map((d: { id: string }) => d.id)).toContain(documentId);
    const pdf = await call(ctx.app, biller, 'GET', `/api/documents/${documentId}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    // The biller still reads no clinical record.
    expect((await call(ctx.app, biller, 'GET', `/api/patients/${patientId}/notes`)).statusCode).toBe(403);
    const desk = await signIn(ctx.app, clinic.emailOf('front_desk'));
    expect((await call(ctx.app, desk, 'GET', `/api/patients/${patientId}/documents`)).statusCode).toBe(403);
    expect((await call(ctx.app, desk, 'GET', `/api/documents/${documentId}`)).statusCode).toBe(403);
  });

  it('item 10: another clinic’s biller finds neither the patient’s documents nor the report', async () => {
    const other = await createTestClinic(ctx);
    const biller = await signIn(ctx.app, other.emailOf('biller'));
    expect((await call(ctx.app, biller, 'GET', `/api/patients/${patientId}/documents`)).statusCode).toBe(404);
    expect((await call(ctx.app, biller, 'GET', `/api/documents/${documentId}`)).statusCode).toBe(404);
  });
});
