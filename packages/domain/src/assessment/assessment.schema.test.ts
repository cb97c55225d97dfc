// The assessment bundles the parts tested beside it (sources cited there); this file checks the
// whole visit against the assessment issue's worked case (tension-type headache, G44.209 from the
// ICD-10-CM FY2026 tabular list) and the rules that span parts.
import { describe, expect, it } from 'vitest';
import { FOUR_WEEK_REEVALUATION, INITIAL_HEADACHE_ASSESSMENT } from './assessment.fixtures.ts';
import { assessmentSchema } from './assessment.schema.ts';

const initial = INITIAL_HEADACHE_ASSESSMENT;

describe('assessment schema', () => {
  it('accepts the initial headache assessment and fills defaults', () => {
    const parsed = assessmentSchema.parse(initial);
    expect(parsed.palpation[1]).toMatchObject({ localTwitchResponse: false, jumpSign: false });
    expect(parsed.posture?.photoIds).toEqual([]);
  });

  it.each([
    ['the re-evaluation with its baseline', FOUR_WEEK_REEVALUATION, true],
    [
      'a re-evaluation without a baseline',
      { ...FOUR_WEEK_REEVALUATION, baselineAssessmentId: undefined },
      false,
    ],
    ['no chief complaint', { ...initial, subjective: { chiefComplaint: ' ' } }, false],
    ['a date that is not a date', { ...initial, performedOn: '03/03/2025' }, false],
    ['a motion recorded twice', { ...initial, rom: [initial.rom?.[0], initial.rom?.[0]] }, false],
    [
      'a test recorded twice',
      {
        ...initial,
        specialTests: [
          { testId: 'spurling', result: 'positive', side: 'right' },
          { testId: 'spurling', result: 'negative', side: 'right' },
        ],
      },
      false,
    ],
    [
      'the same test on both sides',
      {
        ...initial,
        specialTests: [
          { testId: 'spurling', result: 'positive', side: 'right' },
          { testId: 'spurling', result: 'negative', side: 'left' },
        ],
      },
      true,
    ],
    [
      'an instrument recorded twice',
      { ...initial, outcomes: [initial.outcomes?.[0], initial.outcomes?.[0]] },
      false,
    ],
    [
      'a questionnaire dated after the visit',
      {
        ...initial,
        outcomes: [{ instrumentId: 'nprs', administeredOn: '2025-03-04', answers: { pain: 5 } }],
      },
      false,
    ],
    [
      'an invalid answer inside an outcome',
      {
        ...initial,
        outcomes: [{ instrumentId: 'nprs', administeredOn: '2025-03-03', answers: { pain: 12 } }],
      },
      false,
    ],
    [
      'a problem with a malformed ICD-10 code',
      { ...initial, problemList: [{ description: 'Headache', icd10Code: 'G44209' }] },
      false,
    ],
    [
      'a problem with regions',
      {
        ...initial,
        problemList: [
          {
            description: 'Neck pain',
            icd10Code: 'M54.2',
            regions: [{ regionId: 'neck_posterior', side: 'left' }],
          },
        ],
      },
      true,
    ],
    [
      'a pain mark on an unknown region',
      { ...initial, painDrawing: { marks: [{ regionId: 'tail', intensity: 3 }] } },
      false,
    ],
  ])('%s → %s', (_label, input, ok) => {
    expect(assessmentSchema.safeParse(input).success).toBe(ok);
  });
});
