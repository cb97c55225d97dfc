import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { tabletContext } from './browser.ts';
import {
  clinicApi,
  createFlagshipPatient,
  createPatient,
  dayFromToday,
  signInThroughApi,
  signInThroughPage,
} from './clinical-setup.ts';
import { absent, visible } from './expect.ts';

/** A 1×1 PNG: the smallest file the server accepts as a posture photo. */
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** A patient made through the API, as the registration screens are another test's subject. */
async function createRobin(page: Page, family: string): Promise<string> {
  return createPatient(await clinicApi(page.request), { given: 'Robin', family }, '1984-09-12');
}

async function tapRegion(page: Page, name: string, setup?: (dialog: Locator) => Promise<void>) {
  await page.getByRole('button', { name, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Pain at ${name}` });
  await visible(dialog);
  await setup?.(dialog);
  await dialog.getByRole('button', { name: 'Done' }).click();
}

/** Answers every item of one questionnaire with the same option. */
async function answerAll(page: Page, instrument: string, option: string) {
  const section = page.getByRole('region', { name: instrument, exact: true });
  const groups = section.getByRole('radiogroup');
  const count = await groups.count();
  for (let i = 0; i < count; i += 1) {
    await groups.nth(i).getByLabel(option, { exact: true }).check();
  }
}

async function addQuestionnaire(page: Page, id: string) {
  await page.getByLabel('Questionnaire to add').selectOption(id);
  await page.getByRole('button', { name: 'Add questionnaire' }).click();
}

async function signWhenSaved(page: Page) {
  await visible(page.getByRole('status').filter({ hasText: /^Saved$/ }));
  await visible(page.getByText('Ready to sign'));
  await page.getByRole('button', { name: 'Sign assessment' }).click();
  await visible(page.getByText('Signed and locked'));
}

describe('assessment visit on a tablet', () => {
  it('records a tension-type headache evaluation, signs it, and shows the change four weeks later', async () => {
    const context = await tabletContext();
    const page = await context.newPage();
    await signInThroughPage(page);
    const family = `Assessed${Date.now().toString(36)}`;
    const patientId = await createRobin(page, family);

    // Initial evaluation, four weeks ago.
    await page.goto(`/patients/${patientId}/assessments`);
    await page.getByRole('button', { name: 'New assessment' }).click();
    const start = page.getByRole('dialog', { name: 'New assessment' });
    await start.getByLabel('Kind of assessment').selectOption('initial');
    await start.getByLabel('Date performed').fill(dayFromToday(-28));
    await start.getByRole('button', { name: 'Start assessment' }).click();
    await visible(page.getByRole('heading', { name: /Initial evaluation/ }));

    await page
      .getByLabel('Chief complaint')
      .fill('Pressing headache at both temples, behind the eyes and at the base of the skull');

    await tapRegion(page, 'Temple, left', async (dialog) => {
      await dialog.getByRole('slider', { name: 'Intensity' }).press('ArrowRight');
      await dialog.getByText('Aching', { exact: true }).click();
    });
    await tapRegion(page, 'Temple, right');
    await tapRegion(page, 'Around and behind the eye, left');
    await tapRegion(page, 'Around and behind the eye, right');
    await tapRegion(page, 'Base of the skull (occiput)');
    await visible(page.getByText('Temple (left): 6/10 · aching'));

    const ranking = await page
      .getByRole('list', { name: 'Palpate first' })
      .getByRole('listitem')
      .allTextContents();
    const topFour = ranking.slice(0, 4).join('\n');
    for (const muscle of ['Upper trapezius', 'Suboccipital', 'Sternocleidomastoid', 'Temporalis']) {
      expect(topFour).toContain(muscle);
    }

    await page.getByRole('button', { name: 'Record palpation of Upper trapezius' }).click();
    const trapezius = page.getByRole('group', { name: 'Upper trapezius, right' });
    await trapezius.getByLabel('Trigger point').selectOption('active');
    await trapezius.getByLabel('Taut band').check();
    await trapezius.getByLabel('Local twitch response').check();
    await trapezius.getByLabel('Reproduces familiar pain').check();
    await trapezius.getByText('3 severe').click();

    await page.getByRole('button', { name: 'Add measurement' }).click();
    const rotation = page.getByRole('group', { name: 'Measurement 1' });
    await rotation.getByLabel('Joint').selectOption('cervical');
    await rotation.getByLabel('Motion').selectOption('rotation');
    await rotation.getByLabel('Side').selectOption('left');
    await rotation.getByLabel('Degrees').fill('50');
    await visible(rotation.getByText('83 % of normal (AAOS 60°)'));
    await visible(rotation.getByText('Limited'));

    await page.getByRole('button', { name: 'Add special test' }).click();
    const spurling = page.getByRole('group', { name: 'Test 1' });
    await spurling.getByLabel('Special test').selectOption('spurling');
    await spurling.getByLabel('Positive').check();
    await spurling.getByLabel('Right').check();
    await visible(page.getByText(/Positive Spurling.* on the right/));

    await addQuestionnaire(page, 'hit6');
    await answerAll(page, 'HIT-6', 'Very often');
    await visible(page.getByText('HIT-6 score: 66'));
    await addQuestionnaire(page, 'ndi');
    await answerAll(page, 'NDI', 'Statement 3 of 6');
    await visible(page.getByText('NDI score: 20'));

    await page
      .getByRole('textbox', { name: 'Clinical impression' })
      .fill('Myofascial contribution to tension-type headache.');
    await page.getByRole('button', { name: 'Add problem' }).click();
    await page.getByLabel('Problem 1', { exact: true }).fill('Tension-type headache');
    await page.getByLabel('ICD-10-CM code, problem 1').fill('G44.209');
    await signWhenSaved(page);
    await visible(page.getByRole('button', { name: 'Add addendum' }));

    // Re-evaluation today, measured against the signed initial evaluation.
    await page.getByRole('link', { name: 'Back to the patient’s assessments' }).click();
    await page.getByRole('button', { name: 'New assessment' }).click();
    const next = page.getByRole('dialog', { name: 'New assessment' });
    await next.getByLabel('Kind of assessment').selectOption('re_evaluation');
    await next.getByRole('button', { name: 'Start assessment' }).click();
    await visible(page.getByRole('heading', { name: /Re-evaluation/ }));
    await page.getByLabel('Chief complaint').fill('Occasional mild headache at the left temple');
    await tapRegion(page, 'Temple, left', async (dialog) => {
      for (let i = 0; i < 3; i += 1)
        await dialog.getByRole('slider', { name: 'Intensity' }).press('ArrowLeft');
    });
    await addQuestionnaire(page, 'hit6');
    await answerAll(page, 'HIT-6', 'Rarely');
    await addQuestionnaire(page, 'ndi');
    await answerAll(page, 'NDI', 'Statement 2 of 6');
    await signWhenSaved(page);

    for (const measure of ['HIT-6', 'NDI']) {
      await visible(page.getByRole('row', { name: measure }).getByText('Passed MCID'));
    }
    await visible(page.getByRole('row', { name: 'HIT-6' }).getByText('66 → 48'));
    await visible(page.getByRole('row', { name: 'NDI' }).getByText('20 → 10'));
    await context.close();
  });

  it('hands the tablet to the patient for a questionnaire and ends locked, signed out', async () => {
    const context = await tabletContext();
    const page = await context.newPage();
    await signInThroughPage(page);
    const patientId = await createRobin(page, `Kiosk${Date.now().toString(36)}`);
    await page.goto(`/patients/${patientId}/outcomes`);
    await page.getByRole('button', { name: 'Hand tablet to patient' }).click();
    const dialog = page.getByRole('dialog', { name: 'Hand tablet to patient' });
    await dialog.getByLabel(/^NPRS/).check();
    await dialog.getByRole('button', { name: 'Start on this tablet' }).click();

    await visible(page.getByText('Hello, Robin'));
    await absent(page.getByRole('navigation', { name: 'Main navigation' }));
    await page.getByRole('radiogroup').first().getByLabel('4', { exact: true }).check();
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await visible(page.getByRole('heading', { name: 'Thank you — please hand the tablet back' }));
    await visible(page.getByRole('link', { name: 'Staff sign-in' }));
    expect((await page.request.get('/api/auth/session')).status()).toBe(401);
    await context.close();
  });

  it('links a draft to the referral, adds a posture photo, and refuses photos once signed', async () => {
    const context = await tabletContext();
    const api = await signInThroughApi(context.request);
    const flagship = await createFlagshipPatient(api, `Photographed${Date.now().toString(36)}`);
    const page = await context.newPage();

    await page.goto(`/patients/${flagship.patientId}/assessments`);
    await page.getByRole('button', { name: 'New assessment' }).click();
    const start = page.getByRole('dialog', { name: 'New assessment' });
    await start.getByLabel('Kind of assessment').selectOption('re_evaluation');
    await start.getByRole('button', { name: 'Start assessment' }).click();
    await visible(page.getByRole('heading', { name: /Re-evaluation/ }));
    const draftId = page.url().split('/').pop() as string;

    await page.getByLabel('Referral', { exact: true }).selectOption(flagship.referralId);
    await visible(page.getByRole('status').filter({ hasText: /^Saved$/ }));
    expect((await api.ok('GET', `/assessments/${draftId}`)).referralId).toBe(flagship.referralId);

    const posture = page.getByRole('region', { name: 'Posture' });
    await posture.getByRole('button', { name: 'Add photo' }).click();
    await posture.getByLabel('Posture photo', { exact: true }).setInputFiles({
      name: 'standing.png',
      mimeType: 'image/png',
      buffer: TINY_PNG,
    });
    await posture.getByLabel('Caption').fill('Standing, posterior view');
    await posture.getByRole('button', { name: 'Upload photo' }).click();
    const photo = posture.getByRole('img', { name: 'Standing, posterior view' });
    await visible(photo);
    // Loaded, not just placed: the image comes from the photo endpoint with the session cookie.
    await expect
      .poll(() => photo.evaluate((img: unknown) => (img as { naturalWidth: number }).naturalWidth))
      .toBe(1);

    // The flagship's assessment is signed: the server keeps its photos as they were.
    const refused = await api.call('POST', `/assessments/${flagship.assessmentId}/photos`, {
      mediaType: 'image/png',
      dataBase64: TINY_PNG.toString('base64'),
    });
    expect(refused.status).toBe(409);
    await page.goto(`/patients/${flagship.patientId}/assessments/${flagship.assessmentId}`);
    await visible(page.getByText('Signed and locked'));
    await visible(page.getByText('No photo added.'));
    await absent(page.getByRole('button', { name: 'Add photo' }));
    await context.close();
  });
});
