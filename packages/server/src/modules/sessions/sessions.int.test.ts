import { examplePlan } from '@fascia/domain/plans/example-patient.fixture';
import { signedVisit } from '@fascia/domain/sessions/example-note.fixture';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFlagshipPatient, daysFromToday, ok } from '../../../test/flagship-patient.ts';
import {
  call,
  createTestClinic,
  type Session,
  signIn,
  startTestApp,
  type TestContext,
} from '../../../test/harness.ts';

// Issue "Plan of care and session documentation, behind the safety gate", through the API, for the
// patient on warfarin, 24 weeks pregnant, three weeks after lumbar surgery.
let ctx: TestContext;
let therapist: Session;
let patientId: string;
let referralId: string;
let assessmentId: string;
let today: string;

beforeAll(async () => {
  ctx = await startTestApp();
  const clinic = await createTestClinic(ctx);
  therapist = await signIn(ctx.app, clinic.emailOf('therapist'));
  ({ patientId, referralId, assessmentId, today } = await createFlagshipPatient(ctx, therapist));
});

const plan = () => ({ ...examplePlan, referralId, assessmentId });

describe('plan of care', () => {
  it('refuses deep tissue on the lumbar region with the reason, accepts the plan, and versions a change', async () => {
    const deep = {
      ...plan(),
      interventions: [
        ...plan().interventions,
        {
          id: 'i-deep',
          techniqueId: 'deep_tissue',
          regions: [{ regionId: 'lumbar' }],
          pressure: 4,
          position: 'side_lying',
        },
      ],
    };
    const refused = await call(ctx.app, therapist, 'POST', `/api/patients/${patientId}/plans`, {
      content: deep,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/Deep tissue/);
    expect(
      refused
        .json()
        .findings.map((f: { ruleId: string }) => f.ruleId)
        .join(' '),
    ).toMatch(/bleeding_risk/);
    expect((await call(ctx.app, therapist, 'GET', `/api/patients/${patientId}/plans`)).json().items).toEqual(
      [],
    );

    const tooOften = await call(ctx.app, therapist, 'POST', `/api/patients/${patientId}/plans`, {
      content: { ...plan(), frequencyPerWeek: 3 },
    });
    expect(tooOften.statusCode).toBe(422);
    expect(tooOften.json().errors[0].field).toBe('content.frequencyPerWeek');

    const created = await ok(
      await call(ctx.app, therapist, 'POST', `/api/patients/${patientId}/plans`, { content: plan() }),
      201,
    );
    const raised = { ...plan(), interventions: plan().interventions.map((i) => ({ ...i, pressure: 3 })) };
    const over = await call(ctx.app, therapist, 'PUT', `/api/plans/${created.id}`, {
      content: raised,
      reason: 'Tolerating well after two visits',
      baseVersion: 1,
    });
    // Pressure 3 is above the anticoagulant ceiling of 2: refused unless justified in writing.
    expect(over.statusCode).toBe(409);
    const justified = {
      ...raised,
      interventions: raised.interventions.map((i) => ({
        ...i,
        overrides: over
          .json()
          .findings.filter((f: { interventionId: string }) => f.interventionId === i.id)
          .map((f: { ruleId: string }) => ({
            ruleId: f.ruleId,
            reason: 'INR stable in range; physician agreed by phone.',
          })),
      })),
    };
    const v2 = await ok(
      await call(ctx.app, therapist, 'PUT', `/api/plans/${created.id}`, {
        content: justified,
        reason: 'Pressure raised to 3 after two visits',
        baseVersion: 1,
      }),
    );
    expect(v2.currentVersion).toBe(2);
    expect((v2.versions as Array<{ reason: string }>).map((v) => v.reason)).toEqual([
      'Plan of care created',
      'Pressure raised to 3 after two visits',
    ]);
    const diff = await ok(await call(ctx.app, therapist, 'GET', `/api/plans/${created.id}/diff?from=1&to=2`));
    expect(JSON.stringify(diff.changes)).toMatch(/pressure 2 → 3/);
    const stale = await call(ctx.app, therapist, 'PUT', `/api/plans/${created.id}`, {
      content: justified,
      reason: 'Again',
      baseVersion: 1,
    });
    expect(stale.statusCode).toBe(409);
  });
});

describe('home-care library', () => {
  it('the clinic adds its own item, which plans can then assign; unknown items are refused', async () => {
    const added = await call(ctx.app, therapist, 'POST', '/api/home-care', {
      id: 'clinic.side_lying_breathing',
      kind: 'breathing',
      label: 'Side-lying breathing',
      instructions: 'Lie on your left side, knees bent; breathe slowly into the lower ribs for five minutes.',
      regions: ['thoracic'],
      dose: { minutes: 5, timesPerDay: 2 },
    });
    expect(added.statusCode, added.body).toBe(201);
    const library = (await call(ctx.app, therapist, 'GET', '/api/home-care')).json().items;
    expect(library.find((i: { id: string }) => i.id === 'clinic.side_lying_breathing')).toMatchObject({
      builtIn: false,
    });
    const unknown = await call(ctx.app, therapist, 'POST', `/api/patients/${patientId}/plans`, {
      content: { ...plan(), homeCare: [{ itemId: 'clinic.nonexistent' }] },
    });
    expect(unknown.json().errors[0].field).toBe('content.homeCare.0.itemId');
  });
});

describe('session note behind the safety gate', () => {
  it('needs a screening, computes 3 units for 25 min 97140 + 13 min 97124, signs, locks and takes an addendum', async () => {
    const planId = (await call(ctx.app, therapist, 'GET', `/api/patients/${patientId}/plans`)).json().items[0]
      .id;
    const none = await call(ctx.app, therapist, 'POST', `/api/patients/${patientId}/notes`, {
      screeningId: '00000000-0000-4000-8000-000000000000',
      planId,
    });
    expect(none.statusCode).toBe(409);
    expect(none.json().detail).toMatch(/day-of screening/);

    const screening = await ok(
      await call(ctx.app, therapist, 'POST', `/api/patients/${patientId}/screenings`, {
        dayOf: { temperature: { value: 36.7, unit: 'C' } },
        acknowledged: true,
      }),
      201,
    );
    const note = await ok(
      await call(ctx.app, therapist, 'POST', `/api/patients/${patientId}/notes`, {
        screeningId: screening.id,
        planId,
      }),
      201,
    );
    expect(note.outcome).toBe('treated');

    const content = {
      ...signedVisit,
      patientId,
      planId,
      visitDate: today,
      visitStartedAt: undefined,
      visitEndedAt: undefined,
      subjective: { ...signedVisit.subjective, screeningId: screening.id },
    };
    // Documenting deep tissue on the lumbar surgical site is reported by the gate and blocks signing.
    const risky = {
      ...content,
      objective: {
        ...content.objective,
        techniques: [
          ...content.objective.techniques,
          { techniqueId: 'deep_tissue', regionId: 'lumbar', minutes: 5, pressure: 4, position: 'side_lying' },
        ],
      },
    };
    const savedRisky = await ok(
      await call(ctx.app, therapist, 'PUT', `/api/notes/${note.id}`, { content: risky, version: 1 }),
    );
    expect((savedRisky.gate as { blocked: boolean }).blocked).toBe(true);
    const blocked = await call(ctx.app, therapist, 'POST', `/api/notes/${note.id}/sign`, { version: 2 });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().title).toBe('Refused for patient safety');

    const saved = await ok(
      await call(ctx.app, therapist, 'PUT', `/api/notes/${note.id}`, { content, version: 2 }),
    );
    const billing = saved.billing as {
      totalTimedUnits: number;
      lines: Array<{ code: string; minutes: number; units: number }>;
    };
    expect(billing.totalTimedUnits).toBe(3);
    expect(billing.lines.map((l) => [l.code, l.minutes, l.units])).toEqual([
      ['97140', 25, 2],
      ['97124', 13, 1],
    ]);

    const signed = await ok(
      await call(ctx.app, therapist, 'POST', `/api/notes/${note.id}/sign`, { version: 3 }),
    );
    expect(signed.status).toBe('signed');
    expect(signed.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(
      (await call(ctx.app, therapist, 'PUT', `/api/notes/${note.id}`, { content, version: 4 })).statusCode,
    ).toBe(409);
    await expect(
      sql`UPDATE session_notes SET content = '{}' WHERE id = ${note.id}`.execute(ctx.ownerDb),
    ).rejects.toThrow(/signed/);
    const addendum = await ok(
      await call(ctx.app, therapist, 'POST', `/api/notes/${note.id}/addenda`, {
        reason: 'Clarification',
        body: 'Home stretch demonstrated twice.',
      }),
      201,
    );
    expect(addendum.addenda).toHaveLength(1);

    const referral = (await call(ctx.app, therapist, 'GET', `/api/referrals/${referralId}`)).json();
    expect(referral.visitsUsed).toBe(1);
  });

  it('a fever allows only a postponement', async () => {
    const screening = await ok(
      await call(ctx.app, therapist, 'POST', `/api/patients/${patientId}/screenings`, {
        dayOf: { temperature: { value: 38.2, unit: 'C' } },
        acknowledged: true,
      }),
      201,
    );
    const note = await ok(
      await call(ctx.app, therapist, 'POST', `/api/patients/${patientId}/notes`, {
        screeningId: screening.id,
      }),
      201,
    );
    expect(note.outcome).toBe('postponed');
    const treated = {
      ...signedVisit,
      patientId,
      visitDate: today,
      planId: undefined,
      visitStartedAt: undefined,
      visitEndedAt: undefined,
      assessment: { ...signedVisit.assessment, goalProgress: [] },
      subjective: { ...signedVisit.subjective, screeningId: screening.id },
    };
    await ok(
      await call(ctx.app, therapist, 'PUT', `/api/notes/${note.id}`, { content: treated, version: 1 }),
    );
    expect(
      (await call(ctx.app, therapist, 'POST', `/api/notes/${note.id}/sign`, { version: 2 })).statusCode,
    ).toBe(409);
    const postponed = {
      patientId,
      visitDate: today,
      outcome: 'postponed',
      postponedReason: 'Fever of 38.2 °C; rebooked for next week.',
      subjective: { screeningId: screening.id },
      plan: { nextVisit: { date: daysFromToday(7) } },
    };
    await ok(
      await call(ctx.app, therapist, 'PUT', `/api/notes/${note.id}`, { content: postponed, version: 2 }),
    );
    const signed = await ok(
      await call(ctx.app, therapist, 'POST', `/api/notes/${note.id}/sign`, { version: 3 }),
    );
    expect(signed.outcome).toBe('postponed');
  });
});
