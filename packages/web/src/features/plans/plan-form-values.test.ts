import { examplePlan } from '@fascia/domain/plans/example-patient.fixture';
import { planOfCareSchema } from '@fascia/domain/plans/plan-of-care.schema';
import { describe, expect, it } from 'vitest';
import { fieldErrors, fromPlanContent, problemsFromReferral, toPlanContent } from './plan-form-values.ts';
import { addRegion, removeRegion, toggleRegion } from './region-targets.ts';

describe('plan editor values', () => {
  it('round-trip the issue’s plan unchanged and valid', () => {
    const content = toPlanContent(fromPlanContent(examplePlan));
    expect(content).toEqual(examplePlan);
    expect(planOfCareSchema.safeParse(content).success).toBe(true);
  });

  it('drop a justification still empty and keep a written one', () => {
    const values = fromPlanContent(examplePlan);
    values.interventions[0]!.overrides = [
      { ruleId: 'bleeding_risk', reason: '' },
      { ruleId: 'pregnancy_legs', reason: 'Physician agreed' },
    ];
    expect(toPlanContent(values).interventions[0]!.overrides).toEqual([
      { ruleId: 'pregnancy_legs', reason: 'Physician agreed' },
    ]);
  });

  it('list the referral’s diagnoses as problems and keep those added from the assessment', () => {
    const referral = { referral: { diagnoses: ['M54.31'] } } as Parameters<typeof problemsFromReferral>[1];
    expect(problemsFromReferral([{ icd10: 'M79.18', from: 'assessment' }], referral)).toEqual([
      { icd10: 'M54.31', from: 'referral' },
      { icd10: 'M79.18', from: 'assessment' },
    ]);
  });

  it('name server fields by the editor’s paths', () => {
    expect(fieldErrors([{ field: 'content.goals.0.targetDate', message: 'Invalid date' }])).toEqual({
      'goals.0.targetDate': 'Invalid date',
    });
  });
});

describe('treated regions', () => {
  it('merge left and right into both sides, and split both sides when one is removed', () => {
    const left = addRegion([], { regionId: 'gluteal', side: 'left' });
    const both = addRegion(left, { regionId: 'gluteal', side: 'right' });
    expect(both).toEqual([{ regionId: 'gluteal' }]);
    expect(removeRegion(both, { regionId: 'gluteal', side: 'left' })).toEqual([
      { regionId: 'gluteal', side: 'right' },
    ]);
  });

  it('ignore a side on a midline region and toggle it off with a second tap', () => {
    const once = toggleRegion([], { regionId: 'lumbar', side: 'left' });
    expect(once).toEqual([{ regionId: 'lumbar' }]);
    expect(toggleRegion(once, { regionId: 'lumbar' })).toEqual([]);
  });
});
