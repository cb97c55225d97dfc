import { describe, expect, it } from 'vitest';
import { examplePlan } from '../plans/example-patient.fixture.ts';
import { goalResourceId, toFhirCarePlan, toFhirGoal } from './care-plan.ts';
import { expectValidFhir } from './fhir-schema.fixture.ts';

const PLAN = '11111111-1111-4111-8111-111111111111';
const row = {
  id: PLAN,
  patientId: '22222222-2222-4222-8222-222222222222',
  referralId: '44444444-4444-4444-8444-444444444444',
  createdBy: '33333333-3333-4333-8333-333333333333',
  createdAt: new Date('2026-11-09T10:00:00Z'),
  updatedAt: new Date('2026-11-16T10:00:00Z'),
  version: 2,
  versionReason: 'Pressure raised',
  content: examplePlan,
  current: true,
};

describe('plan of care', () => {
  const plan = toFhirCarePlan(row);

  it('emits a CarePlan with one activity per intervention and the referral as support', () => {
    expectValidFhir(plan);
    expect(plan.activity).toHaveLength(examplePlan.interventions.length);
    expect(plan.supportingInfo?.[0]?.reference).toBe('ServiceRequest/44444444-4444-4444-8444-444444444444');
    expect(plan.period).toEqual({ start: '2026-11-09', end: expect.any(String) });
    expect(plan.meta?.versionId).toBe('2');
    expect(plan.activity?.[0]?.detail?.scheduledTiming?.repeat?.frequency).toBe(examplePlan.frequencyPerWeek);
  });

  it('emits each goal as a Goal the CarePlan points at, with a measurable target', () => {
    const goals = examplePlan.goals.map((g, i) => toFhirGoal(row, g, i));
    for (const g of goals) expectValidFhir(g);
    expect(plan.goal?.map((r) => r.reference)).toEqual(goals.map((g) => `Goal/${g.id}`));
    expect(goals[0]?.id).toBe(`gl-${PLAN}-gpain`);
    expect(goals[0]?.target?.[0]?.detailRange?.high?.value).toBe(3);
    expect(goals[0]?.description.text).toBe('NPRS at most 3');
    expect(goals[1]?.target?.[0]?.detailString).toBe('ODI reduce by 10');
  });

  it('falls back to the position for a goal id that is not FHIR-safe', () => {
    const goal = { ...examplePlan.goals[0]!, id: 'goal with spaces and more than twenty characters' };
    expect(goalResourceId(PLAN, goal, 4)).toBe(`gl-${PLAN}-n4`);
  });
});
