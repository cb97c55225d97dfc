import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tabletContext } from './browser.ts';
import {
  type ClinicApi,
  createFlagshipPatient,
  createSignedVisitNote,
  signInThroughApi,
} from './clinical-setup.ts';
import { visible } from './expect.ts';

const work = mkdtempSync(path.join(tmpdir(), 'fascia-e2e-report-'));

/** The flagship patient with two HIT-6 scores, made the way the app makes them. */
async function referredPatient(api: ClinicApi, family: string) {
  const patient = await createFlagshipPatient(api, family);
  // HIT-6 at 66 then 48: a change beyond its 6-point MCID, for the report's outcome table.
  for (const value of [11, 8]) {
    const answers = Object.fromEntries([1, 2, 3, 4, 5, 6].map((i) => [`hit${i}`, value]));
    await api.ok(
      'POST',
      `/patients/${patient.patientId}/outcomes`,
      { instrumentId: 'hit6', administeredOn: patient.today, answers },
      201,
    );
  }
  return patient;
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
    const api = await signInThroughApi(clinic.request);
    const { patientId } = await referredPatient(api, family);

    // Profile: the credentials and licence number the report is signed with.
    const page = await clinic.newPage();
    await page.goto('/');
    await page.getByRole('button', { name: /user menu/i }).click();
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
    const api = await signInThroughApi(clinic.request);
    const { patientId, referralId, assessmentId } = await referredPatient(api, family);
    const note = { id: (await createSignedVisitNote(api, { patientId, referralId, assessmentId })).noteId };

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
