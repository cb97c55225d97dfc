import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { tabletContext } from './browser.ts';
import { createFlagshipPatient, createPatient, dayFromToday, signInThroughApi } from './clinical-setup.ts';
import { absent, visible } from './expect.ts';

// Issue "Plan of care and session documentation, behind the safety gate", clicked through on a
// tablet for the patient on warfarin, 16 weeks from her due date, three weeks after lumbar surgery.

async function recordScreening(page: Page, patientId: string, temperature: string) {
  await page.goto(`/patients/${patientId}/screening`);
  await page.getByLabel('Temperature', { exact: true }).fill(temperature);
  await page.getByLabel('I have gone through these findings with the patient').check();
  await page.getByRole('button', { name: 'Record screening' }).click();
  await visible(page.getByText(/Screening recorded/));
}

async function addIntervention(page: Page, n: number, technique: string, regions: string[]) {
  await page.getByRole('button', { name: 'Add intervention' }).click();
  await page.getByLabel(`Intervention ${n} technique`).selectOption(technique);
  for (const region of regions) await page.getByLabel(`Intervention ${n} add region`).selectOption(region);
  await page.getByLabel(`Intervention ${n} pressure`).selectOption('2');
  await page.getByLabel(`Intervention ${n} position`).selectOption('side_lying');
}

async function addLine(
  page: Page,
  n: number,
  technique: string,
  minutes: string,
  region: string,
  pressure: string,
) {
  await page.getByRole('button', { name: 'Add technique line' }).click();
  await page.getByLabel(`Line ${n} technique`).selectOption(technique);
  await page.getByLabel(`Line ${n} minutes`).fill(minutes);
  await page.getByLabel(`Line ${n} pressure`).selectOption(pressure);
  await page.getByLabel(`Line ${n} position`).selectOption('side_lying');
  await page.getByLabel(`Line ${n} region`).selectOption(region);
}

describe('plan of care and visit note for the anticoagulated pregnant patient after lumbar surgery', () => {
  it('plans, refuses deep tissue on the lumbar region, documents a visit through a reload, signs, adds an addendum and versions the plan', async () => {
    const context = await tabletContext();
    const api = await signInThroughApi(context.request);
    const { patientId } = await createFlagshipPatient(api, `Lindqvist ${Date.now()}`);
    const page = await context.newPage();

    // The plan, from the chart's "Plan of care" tab.
    await page.goto(`/patients/${patientId}/plans`);
    await page.getByRole('link', { name: 'New plan of care' }).click();
    await page.getByLabel('Referral', { exact: true }).selectOption({ index: 1 });
    await visible(page.getByRole('listitem').filter({ hasText: 'M54.31' }));
    await page.getByLabel('Assessment', { exact: true }).selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Add short-term goal' }).click();
    await page.getByLabel('Goal 1 outcome measure').selectOption('NPRS');
    await page.getByLabel('Goal 1 comparator').selectOption('at_most');
    await page.getByLabel('Goal 1 target value').fill('3');
    await page.getByLabel('Goal 1 target date').fill(dayFromToday(21));
    await page.getByRole('button', { name: 'Add long-term goal' }).click();
    await page.getByLabel('Goal 2 outcome measure').selectOption('ODI');
    await page.getByLabel('Goal 2 comparator').selectOption('reduce_by');
    await page.getByLabel('Goal 2 target value').fill('10');
    await page.getByLabel('Goal 2 target date').fill(dayFromToday(42));
    await addIntervention(page, 1, 'myofascial_release', ['gluteal', 'thigh_posterior']);
    await addIntervention(page, 2, 'trigger_point_therapy', ['gluteal', 'thigh_lateral']);
    await page.getByLabel('Visits per week').fill('2');
    await page.getByLabel('Weeks', { exact: true }).fill('6');
    await page.getByLabel('Piriformis stretch (lying)').check();

    // Deep tissue on the lumbar region: refused live under the intervention, and by the server.
    await addIntervention(page, 3, 'deep_tissue', ['lumbar']);
    await visible(page.getByTestId('intervention-3-conflict').filter({ hasText: /must not be treated/ }));
    await page.getByRole('button', { name: 'Save plan' }).click();
    await visible(page.getByRole('alert').filter({ hasText: /Deep tissue massage/ }));
    await page.getByRole('button', { name: 'Remove intervention 3' }).click();
    await absent(page.getByTestId('intervention-3-conflict'));
    await page.getByRole('button', { name: 'Save plan' }).click();
    await visible(page.getByText('Version 1', { exact: true }));
    const planUrl = page.url();

    // A note starts only after today's screening.
    await recordScreening(page, patientId, '36.7');
    await page.goto(`/patients/${patientId}/notes`);
    await page.getByRole('button', { name: 'Start visit note' }).click();
    await page.getByRole('button', { name: 'Start note' }).click();
    await page.waitForURL(/\/notes\/[0-9a-f-]{36}$/);
    await visible(page.getByTestId('note-screening'));

    await page
      .getByLabel('Patient report since the last visit')
      .fill('Left buttock pain eased for two days.');
    await page.getByLabel('Pain before (0–10)').fill('6');
    await addLine(page, 1, 'myofascial_release', '15', 'gluteal', '2');
    await addLine(page, 2, 'trigger_point_therapy', '10', 'gluteal', '2');
    await addLine(page, 3, 'swedish_effleurage', '13', 'thigh_posterior', '1');
    await visible(
      page.getByTestId('billing-total').filter({ hasText: '38 timed minutes → 3 units (2 + 1)' }),
    );
    await page.getByRole('checkbox', { name: 'Side-lying' }).check();
    await visible(page.getByText('Saved', { exact: true }));

    // Reload in the middle of typing: the text comes back from the device and reaches the server.
    const findings = 'Taut band in left gluteus medius, referral to lateral thigh reproduced.';
    await page.getByLabel('Findings', { exact: true }).fill(findings);
    await page.reload();
    await visible(page.getByTestId('restored-notice'));
    expect(await page.getByLabel('Findings', { exact: true }).inputValue()).toBe(findings);
    await visible(page.getByText('Saved', { exact: true }));
    await page.reload();
    expect(await page.getByLabel('Findings', { exact: true }).inputValue()).toBe(findings);

    await page.getByLabel('Response to treatment').fill('Band softened, referral no longer reproduced.');
    await page.getByLabel('Pain after (0–10)').fill('3');
    await page.getByLabel(/^Goal 1: NPRS/).selectOption('progressing');
    await page.getByLabel(/^Goal 2: ODI/).selectOption('not_started');
    await page.getByLabel('Adverse reactions').selectOption('no');
    await page.getByLabel('Next visit date').fill(dayFromToday(3));
    await visible(page.getByText('Saved', { exact: true }));
    await page.getByRole('button', { name: 'Sign note' }).click();
    await visible(page.getByTestId('signature').filter({ hasText: /Content hash [0-9a-f]{64}/ }));

    // Signed: read-only, and the server refuses an edit.
    await absent(page.getByLabel('Patient report since the last visit'));
    const noteId = page.url().split('/').pop() as string;
    const edit = await api.call('PUT', `/notes/${noteId}`, { content: {}, version: 99 });
    expect(edit.status).toBe(409);
    await page.getByLabel('Addendum reason').fill('Clarification');
    await page.getByLabel('Addendum', { exact: true }).fill('Home stretch demonstrated twice.');
    await page.getByRole('button', { name: 'Add addendum' }).click();
    await visible(page.getByTestId('addendum').filter({ hasText: 'Home stretch demonstrated twice.' }));

    // The plan's second version: pressure 3, justified against the anticoagulant finding.
    await page.goto(planUrl);
    await page.getByLabel('Intervention 1 pressure').selectOption('3');
    await page.getByLabel('Intervention 2 pressure').selectOption('3');
    for (const n of [1, 2]) {
      await page.getByTestId(`intervention-${n}-conflict`).getByRole('button', { name: 'Justify' }).click();
      await page
        .getByLabel(`Intervention ${n} justification`)
        .fill('INR stable in range; physician agreed by phone.');
    }
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByLabel('Reason for the change').fill('Pressure raised to 3 after two visits');
    await page.getByRole('button', { name: 'Save version 2' }).click();
    await visible(page.getByText('Version 2', { exact: true }));
    await page.getByRole('tab', { name: /History/ }).click();
    await visible(
      page.getByRole('table', { name: 'Plan versions' }).getByText('Pressure raised to 3 after two visits'),
    );
    await visible(
      page.getByRole('list', { name: 'Changes from version 1 to 2' }).getByText(/pressure 2 → 3/),
    );

    // The physician's certification: its own version, with a fixed reason, on the saved plan.
    await page.getByRole('tab', { name: 'Plan', exact: true }).click();
    await page.getByLabel('Sent to physician on').fill(dayFromToday(-1));
    await page.getByLabel('Certified on').fill(dayFromToday(0));
    await page.getByRole('button', { name: 'Save certification' }).click();
    await visible(page.getByText('Name who certified the plan.'));
    await page.getByLabel('Certified by').fill('Ana Reyes, MD');
    await page.getByRole('button', { name: 'Save certification' }).click();
    await visible(page.getByText('Version 3', { exact: true }));
    await visible(page.getByTestId('certification-status').filter({ hasText: /by Ana Reyes, MD/ }));
    await page.getByRole('tab', { name: /History/ }).click();
    await visible(
      page.getByRole('table', { name: 'Plan versions' }).getByText('Physician certification recorded'),
    );
    await context.close();
  });

  it('will not start a note without today’s screening, and a fever allows only a postponement', async () => {
    const context = await tabletContext();
    const api = await signInThroughApi(context.request);
    const patientId = await createPatient(api, { given: 'Rosa', family: `Fever ${Date.now()}` });
    const page = await context.newPage();

    await page.goto(`/patients/${patientId}/notes`);
    await page.getByRole('button', { name: 'Start visit note' }).click();
    await visible(page.getByText("Record today's day-of screening first"));
    const refused = await api.call('POST', `/patients/${patientId}/notes`, {
      screeningId: '00000000-0000-4000-8000-000000000000',
    });
    expect(refused.status).toBe(409);
    expect(String(refused.body.detail)).toMatch(/day-of screening/);

    await recordScreening(page, patientId, '38.2');
    await page.goto(`/patients/${patientId}/notes`);
    await page.getByRole('button', { name: 'Start visit note' }).click();
    await page.getByRole('button', { name: 'Record postponement' }).click();
    await page.waitForURL(/\/notes\/[0-9a-f-]{36}$/);
    await visible(page.getByLabel('Postponement reason'));
    await absent(page.getByLabel('Patient report since the last visit'));
    await absent(page.getByRole('button', { name: 'Add technique line' }));
    await page.getByLabel('Postponement reason').fill('Fever of 38.2 °C; rebooked for next week.');
    await page.getByLabel('Next visit date').fill(dayFromToday(7));
    await visible(page.getByText('Saved', { exact: true }));
    await page.getByRole('button', { name: 'Sign note' }).click();
    await visible(page.getByText('Postponed visit'));
    await context.close();
  });
});
