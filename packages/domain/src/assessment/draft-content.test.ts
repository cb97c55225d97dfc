import { describe, expect, it } from 'vitest';
import { FOUR_WEEK_REEVALUATION, INITIAL_HEADACHE_ASSESSMENT } from './assessment.fixtures.ts';
import { draftAssessmentContent } from './draft-content.ts';

describe('draft assessment content', () => {
  it.each([
    ['initial', INITIAL_HEADACHE_ASSESSMENT],
    ['re-evaluation', FOUR_WEEK_REEVALUATION],
  ])('keeps a whole %s assessment exactly as it is', (_, assessment) => {
    expect(draftAssessmentContent(structuredClone(assessment) as Record<string, unknown>)).toEqual(
      assessment,
    );
  });

  it('finding 13: drops unknown keys at the top and inside findings, keeping an unfinished draft', () => {
    const draft = draftAssessmentContent({
      subjective: { chiefComplaint: '', script: '<b>x</b>' },
      painDrawing: { marks: [{ regionId: 'temple', intensity: 'high', colour: 'red' }] },
      rom: [{ joint: 'cervical', degrees: 50, extra: 1 }],
      outcomes: [{ instrumentId: 'ndi', answers: { ndi1: 3 }, scoreOverride: 0 }],
      problemList: [{ description: 'Headache', regions: [{ regionId: 'temple', hidden: true }] }],
      unknownSection: { anything: 'at all' },
      __proto__marker: 1,
    });
    expect(draft).toEqual({
      subjective: { chiefComplaint: '' },
      painDrawing: { marks: [{ regionId: 'temple', intensity: 'high' }] },
      rom: [{ joint: 'cervical', degrees: 50 }],
      outcomes: [{ instrumentId: 'ndi', answers: { ndi1: 3 } }],
      problemList: [{ description: 'Headache', regions: [{ regionId: 'temple' }] }],
    });
  });

  it('leaves a value of the wrong type for the problem list to name', () => {
    expect(draftAssessmentContent({ rom: 'full', subjective: null })).toEqual({
      rom: 'full',
      subjective: null,
    });
  });
});
