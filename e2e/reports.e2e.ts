import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { APIRequestContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { INITIAL_HEADACHE_ASSESSMENT } from '../packages/domain/src/assessment/assessment.fixtures.ts';
import { examplePlan } from '../packages/domain/src/plans/example-patient.fixture.ts';
import { signedVisit } from '../packages/domain/src/sessions/example-note.fixture.ts';
import { tabletContext } from './browser.ts';
import { visible } from './expect.ts';

const OWNER = { email: 'owner@demo.fascia.example', password: 'demo-clinic-tablet-2026' };
const work = mkdtempSync(path.join(tmpdir(), 'fascia-e2e-report-'));

const dayFromToday = (n: number) => {
  const d = new Date();
  d.setDate(d.getDate() + n);
  const pad = (v: number) => String(v).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

/** The API as the signed-in browser calls it: the context's session cookie plus the CSRF header. */
async function apiAs(request: APIRequestContext) {
  const signIn = await request.post('/api/auth/sign-in', { data: OWNER });
  expect(signIn.status(), await signIn.text()).toBe(200);
  const { csrfToken } = await (await request.get('/api/auth/session')).json();
  return async (method: string, url: string, data?: unknown, status = 200) => {
    const res = await request.fetch(url, {
      method,
      headers: { 'X-CSRF-Token': csrfToken },
      ...(data === undefined ? {} : { data }),
    });
    expect(res.status(), `${method} ${url}: ${await res.text()}`).toBe(status);
    return (await res.json()) as { id: string } & Record<string, unknown>;
  };
}

/** A referred patient with a signed assessment and two HIT-6 scores, made the way the app makes them. */
async function referredPatient(call: Awaited<ReturnType<typeof apiAs>>, family: string) {
  const today = dayFromToday(0);
  const patient = await call(
    'POST',
    '/api/patients',
    {
      record: {
        legalName: { given: 'Rosa', family },
        dateOfBirth: '1990-06-02',
        sex: 'female',
        consents: { treatment: { given: true, date: today }, communication: { given: false, channels: [] } },
      },
    },
    201,
  );
  await call(
    'POST',
    `/api/patients/${patient.id}/history`,
    { kind: 'medications', item: { name: 'Warfarin', class: 'anticoagulant' } },
    201,
  );
  const found = (await call('GET', '/api/providers?q=1234567893')).items as { id: string }[];
  const provider =
    found[0] ??
    (await call(
      'POST',
      '/api/providers',
      { name: { given: 'Ana', family: 'Reyes' }, credentials: ['MD'], npi: '1234567893' },
      201,
    ));
  const referral = await call(
    'POST',
    `/api/patients/${patient.id}/referrals`,
    {
      providerId: provider.id,
      dateWritten: today,
      diagnoses: ['M54.31'],
      frequency: { timesPerWeek: 2 },
      durationWeeks: 6,
      visitsAuthorized: 12,
      validFrom: today,
      validUntil: dayFromToday(60),
    },
    201,
  );
  const {
    kind,
    performedOn: _d,
    patientId: _p,
    therapistId: _t,
    referralId: _r,
    ...content
  } = INITIAL_HEADACHE_ASSESSMENT;
  const draft = await call(
    'POST',
    `/api/patients/${patient.id}/assessments`,
    { kind, performedOn: today, content: { ...content, outcomes: [] } },
    201,
  );
  await call('POST', `/api/assessments/${draft.id}/sign`, { version: 1 });
  // HIT-6 at 66 then 48: a change beyond its 6-point MCID, for the report's outcome table.
  for (const value of [11, 8]) {
    const answers = Object.fromEntries([1, 2, 3, 4, 5, 6].map((i) => [`hit${i}`, value]));
    await call(
      'POST',
      `/api/patients/${patient.id}/outcomes`,
      { instrumentId: 'hit6', administeredOn: today, answers },
      201,
    );
  }
  return { patientId: patient.id, referralId: referral.id, assessmentId: draft.id };
}

function pdfToText(bytes: Buffer): string {
  const file = path.join(work, `shared-${Date.now()}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('/usr/bin/pdftotext', ['-layout', file, '-']).toString('utf8');
}

describe('progress report shared with the referring physician', () => {
  it('signs with the profile, generates from the chart, shares with a code and opens without an account', async () => {
    const family = `Lindqvist${Date.now().toString(36)}`;
    const clinic = await tabletContext();
    const call = await apiAs(clinic.request);
    const { patientId } = await referredPatient(call, family);

    // Profile: the credentials and licence number the report is signed with.
    const page = await clinic.newPage();
    await page.goto('/');
    await page.getByRole('button', { name: /User menu/ }).click();
    await page.getByRole('menuitem', { name: 'Profile' }).click();
    await visible(page.getByRole('heading', { name: 'Profile' }));
    await page.getByLabel('Credentials').fill('LMT');
    await page.getByLabel('Licence number').fill('MA-60417');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await visible(page.getByText('Profile saved'));

    // The chart's Documents tab: generate a progress report for the referral.
    await page.goto(`/patients/${patientId}`);
    await page.getByRole('tab', { name: 'Documents' }).click();
    await visible(page.getByText('No document generated yet.'));
    await page.getByRole('button', { name: 'Generate report' }).click();
    const dialog = page.getByRole('dialog', { name: 'Generate report' });
    await dialog.getByLabel('Report type').selectOption('progress_report');
    await dialog.getByRole('button', { name: 'Generate report' }).click();
    await visible(dialog.getByText("Write the therapist's assessment"));
    await dialog
      .getByLabel("Therapist's assessment")
      .fill('Headaches less frequent; neck rotation improved.');
    await dialog.getByLabel('Recommendation', { exact: true }).selectOption('continue');
    await dialog.getByLabel('Recommendation details').fill('Re-evaluate after six more visits.');
    await dialog.getByRole('button', { name: 'Generate report' }).click();
    const row = page.getByRole('row', { name: new RegExp(`Progress report - Rosa ${family}`) });
    await visible(row);
    await visible(row.getByText('version 1'));
    const href = await row.getByRole('link', { name: 'Open' }).getAttribute('href');
    const stored = await clinic.request.get(href as string);
    expect(stored.headers()['content-type']).toBe('application/pdf');

    // Share: the link and the code once; the email goes through the outbox with the link only.
    await row.getByRole('button', { name: 'Share with physician' }).click();
    const share = page.getByRole('dialog', { name: 'Share with physician' });
    await share.getByLabel('Expires in (days)').fill('7');
    await share.getByLabel("Physician's email (optional)").fill('ana.reyes@physicians.example');
    await share.getByRole('button', { name: 'Create share link' }).click();
    await visible(share.getByText(/send the code separately \(phone or fax\)/i));
    const url = await share.getByLabel('Share link', { exact: true }).inputValue();
    const code = await share.getByLabel('Access code', { exact: true }).inputValue();
    expect(url).toMatch(/\/share\/[A-Za-z0-9_-]{20,}$/);
    expect(code).toMatch(/^\d{6}$/);

    // The physician: no session, only the link and the code.
    const physician = await tabletContext();
    const viewer = await physician.newPage();
    // The PDF is shown from an object URL; a content security policy refusing it leaves an empty frame.
    const refused: string[] = [];
    viewer.on('console', (m) => {
      if (m.text().includes('Content Security Policy')) refused.push(m.text());
    });
    const sharePath = new URL(url).pathname;
    await viewer.goto(sharePath);
    await visible(viewer.getByRole('heading', { name: /Document from/ }));
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    await viewer.getByLabel('Access code').fill(wrong);
    await viewer.getByRole('button', { name: 'Open document' }).click();
    await visible(viewer.getByText('This code does not match.'));
    await viewer.getByLabel('Access code').fill(code);
    await viewer.getByRole('button', { name: 'Open document' }).click();
    await visible(viewer.locator('iframe[title="Shared document"]'));
    await visible(viewer.getByRole('link', { name: 'Download' }));
    expect(refused).toEqual([]);

    // The same bytes, read by poppler: the patient and the therapist's signature are in the PDF.
    const opened = await physician.request.post(`/api${sharePath.replace('/share/', '/shared/')}/open`, {
      data: { code },
    });
    expect(opened.status()).toBe(200);
    const text = pdfToText(await opened.body());
    expect(text).toContain(`Rosa ${family}`);
    expect(text).toContain('Progress report');
    expect(text).toContain('LMT');
    expect(text).toContain('MA-60417');
    expect(text).toContain('Re-evaluate after six more visits.');

    // Revoked from the dialog that created it: the link then explains itself instead of opening.
    await share.getByRole('button', { name: 'Revoke link' }).click();
    await visible(share.getByText('Link revoked'));
    await viewer.goto(sharePath);
    await visible(viewer.getByText('This link was withdrawn by the clinic.'));

    await physician.close();
    await clinic.close();
  });
});

describe('printing a signed visit note', () => {
  it('prints the note as a PDF from the signed note and lists it among the documents', async () => {
    const family = `Lindqvist${Date.now().toString(36)}`;
    const clinic = await tabletContext();
    const call = await apiAs(clinic.request);
    const { patientId, referralId, assessmentId } = await referredPatient(call, family);
    const today = dayFromToday(0);
    const plan = await call(
      'POST',
      `/api/patients/${patientId}/plans`,
      { content: { ...examplePlan, referralId, assessmentId } },
      201,
    );
    const screening = await call(
      'POST',
      `/api/patients/${patientId}/screenings`,
      { dayOf: {}, acknowledged: true },
      201,
    );
    const note = await call(
      'POST',
      `/api/patients/${patientId}/notes`,
      { screeningId: screening.id, planId: plan.id },
      201,
    );
    const content = {
      ...signedVisit,
      patientId,
      planId: plan.id,
      visitDate: today,
      visitStartedAt: undefined,
      visitEndedAt: undefined,
      subjective: { ...signedVisit.subjective, screeningId: screening.id },
    };
    await call('PUT', `/api/notes/${note.id}`, { content, version: 1 });
    await call('POST', `/api/notes/${note.id}/sign`, { version: 2 });

    const page = await clinic.newPage();
    await page.goto(`/patients/${patientId}/notes/${note.id}`);
    await page.getByRole('button', { name: 'Print note (PDF)' }).click();
    const link = page.getByRole('link', { name: /Open Visit note/ });
    await visible(link);
    const pdf = await clinic.request.get((await link.getAttribute('href')) as string);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(pdfToText(await pdf.body())).toContain(`Rosa ${family}`);

    await page.goto(`/patients/${patientId}/documents`);
    await visible(page.getByRole('row', { name: new RegExp(`Visit note .* - Rosa ${family}`) }));
    await clinic.close();
  });
});
