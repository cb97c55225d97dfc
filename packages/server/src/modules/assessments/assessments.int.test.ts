import {
  FOUR_WEEK_REEVALUATION,
  INITIAL_HEADACHE_ASSESSMENT,
} from '@fascia/domain/assessment/assessment.fixtures';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestClinic,
  type Session,
  signIn,
  startTestApp,
  type TestContext,
} from '../../../test/harness.ts';

// The worked case of the assessment issue (tension-type headache), through the API: an initial
// assessment signed and locked, a re-evaluation four weeks later compared against it.
let ctx: TestContext;
let therapist: Session;
let patientId: string;

beforeAll(async () => {
  ctx = await startTestApp();
  const clinic = await createTestClinic(ctx);
  therapist = await signIn(ctx.app, clinic.emailOf('therapist'));
  const created = await call(ctx.app, therapist, 'POST', '/api/patients', {
    record: {
      legalName: { given: 'Lena', family: 'Marsh' },
      dateOfBirth: '1988-09-01',
      sex: 'female',
      consents: {
        treatment: { given: true, date: '2025-03-01' },
        communication: { given: false, channels: [] },
      },
    },
  });
  patientId = created.json().id;
});

function content(fixture: typeof INITIAL_HEADACHE_ASSESSMENT) {
  const { kind, performedOn, patientId: _p, therapistId: _t, referralId: _r, ...rest } = fixture;
  return { kind, performedOn, content: rest };
}

describe('assessment visit', () => {
  it('finding 13: unknown keys in draft content are neither stored nor sent back', async () => {
    const full = content(INITIAL_HEADACHE_ASSESSMENT);
    const body = {
      ...full,
      content: {
        ...full.content,
        billingCode: '97140',
        subjective: { ...full.content.subjective, internalNote: 'not a field' },
        rom: full.content.rom?.map((m) => ({ ...m, goniometerSerial: 'G-1' })),
      },
    };
    const draft = await call(ctx.app, therapist, 'POST', `/api/patients/${patientId}/assessments`, body);
    expect(draft.statusCode, draft.body).toBe(201);
    const saved = await call(ctx.app, therapist, 'PUT', `/api/assessments/${draft.json().id}`, {
      ...body,
      version: 1,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const stored = await ctx.ownerDb
      .selectFrom('assessments')
      .select('content')
      .where('id', '=', draft.json().id)
      .executeTakeFirstOrThrow();
    for (const answer of [draft.json().content, saved.json().content, stored.content]) {
      const text = JSON.stringify(answer);
      for (const unknown of ['billingCode', 'internalNote', 'goniometerSerial']) {
        expect(text).not.toContain(unknown);
      }
      expect(answer).toMatchObject({ subjective: full.content.subjective });
    }
    expect(saved.json().problems).toEqual([]);
  });

  it('saves a partial draft, reports what blocks signing, signs, locks, and takes addenda', async () => {
    const draft = await call(ctx.app, therapist, 'POST', `/api/patients/${patientId}/assessments`, {
      kind: 'initial',
      performedOn: '2025-03-03',
      content: { subjective: { chiefComplaint: 'Headache' } },
    });
    expect(draft.statusCode, draft.body).toBe(201);
    expect(draft.json().problems.map((p: { field: string }) => p.field)).toContain('content.painDrawing');
    const premature = await call(ctx.app, therapist, 'POST', `/api/assessments/${draft.json().id}/sign`, {
      version: 1,
    });
    expect(premature.statusCode).toBe(422);

    const full = content(INITIAL_HEADACHE_ASSESSMENT);
    const saved = await call(ctx.app, therapist, 'PUT', `/api/assessments/${draft.json().id}`, {
      ...full,
      version: 1,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().problems).toEqual([]);
    const stale = await call(ctx.app, therapist, 'PUT', `/api/assessments/${draft.json().id}`, {
      ...full,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);

    const signed = await call(ctx.app, therapist, 'POST', `/api/assessments/${draft.json().id}/sign`, {
      version: 2,
    });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({
      status: 'signed',
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });

    const edit = await call(ctx.app, therapist, 'PUT', `/api/assessments/${draft.json().id}`, {
      ...full,
      version: 3,
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().title).toBe('Refused for patient safety');
    // Even the database owner cannot change a signed assessment.
    await expect(
      sql`UPDATE assessments SET content = '{}' WHERE id = ${draft.json().id}`.execute(ctx.ownerDb),
    ).rejects.toThrow(/signed/);

    const addendum = await call(ctx.app, therapist, 'POST', `/api/assessments/${draft.json().id}/addenda`, {
      reason: 'Late information',
      body: 'Patient reports the headaches started after a new monitor setup.',
    });
    expect(addendum.statusCode).toBe(201);
    expect(addendum.json().addenda).toHaveLength(1);
    expect(addendum.json().content).toEqual(signed.json().content);

    // Four weeks later: the re-evaluation compared with the signed baseline.
    const re = content(FOUR_WEEK_REEVALUATION);
    const second = await call(ctx.app, therapist, 'POST', `/api/patients/${patientId}/assessments`, {
      ...re,
      content: { ...re.content, baselineAssessmentId: draft.json().id },
    });
    expect(second.json().problems).toEqual([]);
    expect(
      (await call(ctx.app, therapist, 'POST', `/api/assessments/${second.json().id}/sign`, { version: 1 }))
        .statusCode,
    ).toBe(200);
    const comparison = (
      await call(ctx.app, therapist, 'GET', `/api/assessments/${second.json().id}/comparison`)
    ).json().comparison;
    const byInstrument = Object.fromEntries(
      comparison.outcomes.map((o: { instrumentId: string; primary: { outcome: string } }) => [
        o.instrumentId,
        o.primary.outcome,
      ]),
    );
    expect(byInstrument).toMatchObject({ hit6: 'improved_beyond_mcid', ndi: 'improved_beyond_mcid' });

    // The signed assessments' questionnaires form the outcome series.
    const series = (
      await call(ctx.app, therapist, 'GET', `/api/patients/${patientId}/outcomes?instrumentId=hit6`)
    ).json().items[0];
    expect(series.responses.map((r: { result: { score: number } }) => r.result.score)).toEqual([66, 58]);
  });
});

describe('kiosk', () => {
  /** The tablet's device cookie, as the browser that started the hand-over keeps it. */
  function tabletCookie(started: { headers: Record<string, unknown> }): string {
    const set = ([] as string[]).concat((started.headers['set-cookie'] as string | string[]) ?? []);
    const device = set.find((c) => c.startsWith('fascia_kiosk_device='));
    expect(device, 'the hand-over sets the tablet cookie').toBeDefined();
    expect(device).toMatch(/HttpOnly/i);
    expect(device).toMatch(/Path=\/api\/kiosk/);
    return device!.split(';')[0]!;
  }

  it('the patient fills in a questionnaire on the tablet; the link then locks', async () => {
    const started = await call(ctx.app, therapist, 'POST', `/api/patients/${patientId}/kiosk`, {
      instrumentIds: ['nprs'],
    });
    expect(started.statusCode, started.body).toBe(201);
    const token = started.json().token;
    const cookie = tabletCookie(started);
    const view = await ctx.app.inject({ method: 'GET', url: `/api/kiosk/${token}`, headers: { cookie } });
    expect(view.json()).toEqual({ greetingName: 'Lena', remaining: ['nprs'], completed: [] });
    const wrong = await ctx.app.inject({
      method: 'POST',
      url: `/api/kiosk/${token}/responses`,
      headers: { cookie },
      payload: { instrumentId: 'nprs', answers: { pain: 14 } },
    });
    expect(wrong.statusCode).toBe(422);
    const done = await ctx.app.inject({
      method: 'POST',
      url: `/api/kiosk/${token}/responses`,
      headers: { cookie },
      payload: { instrumentId: 'nprs', answers: { pain: 4 } },
    });
    expect(done.json()).toEqual({ remaining: [], done: true });
    expect(
      (await ctx.app.inject({ method: 'GET', url: `/api/kiosk/${token}`, headers: { cookie } })).statusCode,
    ).toBe(410);
  });

  it('item 11: the link opened in another browser greets nobody and takes no answers', async () => {
    const started = await call(ctx.app, therapist, 'POST', `/api/patients/${patientId}/kiosk`, {
      instrumentIds: ['nprs'],
    });
    const token = started.json().token;
    const cookie = tabletCookie(started);
    expect(Date.parse(started.json().expiresAt) - Date.now()).toBeLessThanOrEqual(30 * 60_000);
    const elsewhere = await ctx.app.inject({ method: 'GET', url: `/api/kiosk/${token}` });
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.body).not.toContain('Lena');
    const forged = await ctx.app.inject({
      method: 'GET',
      url: `/api/kiosk/${token}`,
      headers: { cookie: 'fascia_kiosk_device=guessed-device-secret-0000000000' },
    });
    expect(forged.statusCode).toBe(404);
    const answer = await ctx.app.inject({
      method: 'POST',
      url: `/api/kiosk/${token}/responses`,
      payload: { instrumentId: 'nprs', answers: { pain: 4 } },
    });
    expect(answer.statusCode).toBe(404);
    // The tablet itself still has it.
    const onTablet = await ctx.app.inject({ method: 'GET', url: `/api/kiosk/${token}`, headers: { cookie } });
    expect(onTablet.statusCode).toBe(200);
  });
});

describe('issue 13: lumbar and thoracic spine range of motion', () => {
  it('finding 6: lumbar flexion 30° reads 50 % of the AMA Guides 5th ed. normal (60°) through the API', async () => {
    const lumbarFlexion = (degrees: number) => ({
      joint: 'lumbar',
      motion: 'flexion',
      mode: 'active',
      degrees,
    });
    const thoracicRotation = {
      joint: 'thoracic',
      motion: 'rotation',
      side: 'left',
      mode: 'active',
      degrees: 15,
    };
    const initial = content(INITIAL_HEADACHE_ASSESSMENT);
    const baseline = await call(ctx.app, therapist, 'POST', `/api/patients/${patientId}/assessments`, {
      ...initial,
      content: { ...initial.content, rom: [lumbarFlexion(30), thoracicRotation] },
    });
    expect(baseline.statusCode, baseline.body).toBe(201);
    expect(baseline.json().problems).toEqual([]);
    const signed = await call(ctx.app, therapist, 'POST', `/api/assessments/${baseline.json().id}/sign`, {
      version: 1,
    });
    expect(signed.statusCode, signed.body).toBe(200);

    const later = content(FOUR_WEEK_REEVALUATION);
    const followUp = await call(ctx.app, therapist, 'POST', `/api/patients/${patientId}/assessments`, {
      ...later,
      content: {
        ...later.content,
        baselineAssessmentId: baseline.json().id,
        rom: [lumbarFlexion(45), { ...thoracicRotation, degrees: 30 }],
      },
    });
    expect(followUp.json().problems).toEqual([]);
    const comparison = (
      await call(ctx.app, therapist, 'GET', `/api/assessments/${followUp.json().id}/comparison`)
    ).json().comparison;
    expect(comparison.rom).toEqual([
      expect.objectContaining({
        joint: 'lumbar',
        motion: 'flexion',
        before: 30,
        percentOfNormalBefore: 50,
        percentOfNormalAfter: 75,
        limitedAfter: true,
        summary: expect.stringContaining('50 % → 75 % of normal (AMA Guides 5th ed.)'),
      }),
      expect.objectContaining({
        joint: 'thoracic',
        percentOfNormalBefore: 50,
        percentOfNormalAfter: 100,
        limitedAfter: false,
      }),
    ]);
  });

  it('finding 6: lumbar flexion is a midline motion, so a side is refused by name', async () => {
    const initial = content(INITIAL_HEADACHE_ASSESSMENT);
    const draft = await call(ctx.app, therapist, 'POST', `/api/patients/${patientId}/assessments`, {
      ...initial,
      content: {
        ...initial.content,
        rom: [{ joint: 'lumbar', motion: 'flexion', side: 'left', mode: 'active', degrees: 40 }],
      },
    });
    expect(draft.json().problems).toContainEqual(expect.objectContaining({ field: 'content.rom.0.side' }));
  });
});
