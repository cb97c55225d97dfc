import { describe, expect, it } from 'vitest';
import { onePagePdf } from '../packages/server/test/upload-files.ts';
import { tabletContext } from './browser.ts';
import { dayFromToday, signInThroughPage } from './clinical-setup.ts';
import { absent, visible } from './expect.ts';

// Not the flagship's NPI: other test files put that provider in the directory first, and a
// directory refuses a second provider with the same NPI.
const NEW_NPI = '1987654328';

describe('patients, referrals and day-of screening on a tablet', () => {
  it('front desk registers an insured patient; the therapist records history, a referral and screens', async () => {
    const family = `Flagship${Date.now().toString(36)}`;

    // Front desk: register with the demo therapist on the care team, then add the insurance.
    const desk = await tabletContext();
    const page = await desk.newPage();
    await signInThroughPage(page, 'frontdesk@demo.fascia.example');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByText('Patients').click();
    await page.getByRole('button', { name: 'Register patient' }).click();
    await page.getByLabel('Given name').fill('Casey');
    await page.getByLabel('Family name').fill(family);
    await page.getByLabel('Date of birth').fill('1992-04-18');
    await page.getByLabel('Sex').selectOption('female');
    await page.getByLabel('Phone', { exact: true }).fill('555 010 2030');
    await page.getByLabel('Consent to treatment given').check();
    await page.getByLabel('Treatment consent date').fill(dayFromToday(0));
    await page.getByRole('combobox', { name: 'Therapists' }).click();
    await page.getByRole('option', { name: 'Demo Therapist' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Register patient' }).click();

    await visible(page.getByRole('heading', { name: `Casey ${family}` }));
    // Front desk never sees the clinical record.
    await absent(page.getByRole('tab', { name: 'History' }));
    await absent(page.getByRole('tab', { name: 'Screening' }));
    await page.getByRole('tab', { name: 'Insurance' }).click();
    await page.getByRole('button', { name: 'Add coverage' }).click();
    const coverage = page.getByRole('dialog');
    await coverage.getByLabel('Payer', { exact: true }).fill('Example Health Plan');
    await coverage.getByLabel('Member ID').fill('XEH123456789');
    await coverage.getByLabel('Group number').fill('GRP-42');
    await coverage.getByLabel('Relationship to subscriber').selectOption('self');
    await coverage.getByLabel('Order').selectOption('primary');
    await coverage.getByRole('button', { name: 'Save coverage' }).click();
    await visible(page.getByRole('cell', { name: 'XEH123456789' }));
    await desk.close();

    // Therapist: find the patient with a typo in the name.
    const clinic = await tabletContext();
    const t = await clinic.newPage();
    await signInThroughPage(t, 'therapist@demo.fascia.example');
    await t.goto('/patients');
    await t.getByLabel('Search patients').fill(`${family.slice(0, -1)}x`);
    await t.getByRole('link', { name: new RegExp(family) }).click();
    await visible(t.getByRole('heading', { name: `Casey ${family}` }));
    // The chart marks when its header has data, once per page load: `npm run bench:web` times it.
    const marks = await t.evaluate(() => performance.getEntriesByName('fascia:chart-ready', 'mark').length);
    expect(marks).toBe(1);

    // History: warfarin, a pregnancy due in 16 weeks (24 weeks today), lumbar surgery 21 days ago.
    await t.getByRole('tab', { name: 'History' }).click();
    await t.getByRole('button', { name: 'Add medication' }).click();
    const med = t.getByRole('form', { name: 'Add medication' });
    await med.getByLabel('Medication', { exact: true }).fill('Warfarin');
    await med.getByLabel('Medication class').selectOption('anticoagulant');
    await med.getByRole('button', { name: 'Save' }).click();
    await visible(t.getByText('Warfarin'));

    // A correction opens the same form prefilled; the old item is retired, the corrected one recorded.
    await t.getByRole('button', { name: 'Correct Warfarin' }).click();
    const fix = t.getByRole('form', { name: 'Correct Warfarin' });
    expect(await fix.getByLabel('Medication', { exact: true }).inputValue()).toBe('Warfarin');
    expect(await fix.getByLabel('Medication class').inputValue()).toBe('anticoagulant');
    await fix.getByLabel('Dose').fill('5 mg daily');
    await fix.getByRole('button', { name: 'Save' }).click();
    await visible(t.getByTestId('history-item-medications').getByText(/5 mg daily/));
    expect(await t.getByTestId('history-item-medications').count()).toBe(1);

    await t.getByRole('button', { name: 'Record pregnancy' }).click();
    const preg = t.getByRole('form', { name: 'Record pregnancy' });
    // A due date 50 weeks away cannot be right: refused under the field, nothing recorded.
    await preg.getByLabel('Due date').fill(dayFromToday(50 * 7));
    await preg.getByRole('button', { name: 'Save' }).click();
    await visible(preg.getByText(/more than 40 weeks away is not possible/).nth(1));
    await absent(t.getByText(`Due ${dayFromToday(50 * 7)}`));
    await preg.getByLabel('Due date').fill(dayFromToday(16 * 7));
    await visible(preg.getByText('24 weeks 0 days, trimester 2'));
    await preg.getByRole('button', { name: 'Save' }).click();
    await visible(t.getByText(`Due ${dayFromToday(16 * 7)}`));

    await t.getByRole('button', { name: 'Add surgery' }).click();
    const surgery = t.getByRole('form', { name: 'Add surgery' });
    await surgery.getByLabel('Surgery date').fill(dayFromToday(-21));
    await surgery.getByLabel('Description').fill('Lumbar microdiscectomy');
    await surgery.getByLabel('Site', { exact: true }).selectOption('lumbar');
    await surgery.getByRole('button', { name: 'Save' }).click();
    await visible(t.getByText('Lumbar microdiscectomy'));
    await visible(t.getByRole('region', { name: 'Patient alerts' }));

    // Referral: a new provider (an invalid NPI is refused as typed), sciatica M54.31 2×/week for 6 weeks.
    await t.getByRole('tab', { name: 'Referrals' }).click();
    await t.getByRole('button', { name: 'Add referral' }).click();
    await t.getByRole('button', { name: 'Add provider' }).click();
    const provider = t.getByRole('dialog');
    await provider.getByLabel('Provider given name').fill('Referring');
    await provider.getByLabel('Provider family name').fill(`Physician${family}`);
    await provider.getByLabel('Credentials').fill('MD');
    await provider.getByLabel('NPI', { exact: true }).fill('1234567890');
    await visible(provider.getByText('This NPI fails its check digit'));
    await provider.getByRole('button', { name: 'Save provider' }).click();
    await visible(provider.getByText('This NPI fails its check digit'));
    await provider.getByLabel('NPI', { exact: true }).fill(NEW_NPI);
    await visible(provider.getByText('Check digit OK'));
    await provider.getByRole('button', { name: 'Save provider' }).click();
    await absent(t.getByRole('dialog'));

    const referral = t.getByRole('form', { name: 'Referral' });
    await referral.getByRole('combobox', { name: 'Diagnoses (principal first)' }).click();
    await referral.getByRole('combobox', { name: 'Diagnoses (principal first)' }).fill('M54.31');
    await t.getByRole('option', { name: /M54\.31/ }).click();
    await t.keyboard.press('Escape');
    await referral.getByLabel('Times per week').fill('2');
    await referral.getByLabel('Weeks', { exact: true }).fill('6');
    await referral.getByLabel('Visits authorized').fill('12');
    await referral.getByLabel('Valid until').fill(dayFromToday(6 * 7));
    await visible(referral.getByTestId('live-referral-status').getByText('Active'));
    await referral.getByLabel('Prescription file').setInputFiles({
      name: 'prescription.pdf',
      mimeType: 'application/pdf',
      // A real one-page PDF: uploads are parsed, not only sniffed (issue 12, finding 12).
      buffer: await onePagePdf(),
    });
    await referral.getByRole('button', { name: 'Save referral' }).click();
    const card = t.getByTestId('referral-card');
    await visible(card.getByText('Active'));
    await visible(card.getByText('M54.31'));
    await visible(card.getByText('12 visits ordered', { exact: false }));
    await visible(card.getByRole('link', { name: /Download prescription/ }));

    // Day-of screening: the engine's findings, in plain words, then a fever postpones the visit.
    await t.getByRole('tab', { name: 'Screening' }).click();
    const decision = t.getByTestId('screening-decision');
    await visible(decision.getByText('Treat with care'));
    await visible(t.getByText(/light pressure only/));
    await visible(t.getByText('Pressure at most 2 of 5'));
    await visible(t.getByText('Side-lying, not supine or prone'));
    await visible(t.getByText(/no deep pressure on the legs/));
    await visible(t.getByText('Avoid: Low back (lumbar)'));
    await t.getByLabel('Temperature').fill('38.2');
    await visible(decision.getByText('Postpone the session'));
    await visible(t.getByText(/38\.2 °C/));
    await t.getByLabel('I have gone through these findings with the patient').check();
    await t.getByRole('button', { name: 'Record screening' }).click();
    await visible(t.getByRole('table', { name: 'Past screenings' }).getByText('Postpone the session'));

    // The invalid NPI never reached the directory.
    await t.goto('/providers');
    await visible(t.getByText(NEW_NPI));
    expect(await t.getByText('1234567890').count()).toBe(0);
    await clinic.close();
  });
});
