import { describe, expect, it } from 'vitest';
import { examplePlan } from './example-patient.fixture.ts';
import type { PlanOfCare } from './plan-of-care.schema.ts';
import { describeGoalMeasure, diffPlans } from './plan-versions.ts';

// Source: issue 5 — "the plan's second version (pressure raised to 3 after two visits) shows in
// the history with its reason"; the goal wording follows the instruments of clinical-reference.md.

const [mfr, trp] = examplePlan.interventions as [
  PlanOfCare['interventions'][0],
  PlanOfCare['interventions'][0],
];
const [painGoal, odiGoal] = examplePlan.goals as [PlanOfCare['goals'][0], PlanOfCare['goals'][0]];
const edit = (patch: Partial<PlanOfCare>): PlanOfCare => ({ ...examplePlan, ...patch });

describe('differences between two plan versions', () => {
  it.each<[string, PlanOfCare, string[]]>([
    ['no change', edit({}), []],
    [
      'pressure raised after two visits',
      edit({ interventions: [{ ...mfr, pressure: 3 }, trp] }),
      [
        'Intervention changed (Myofascial release — Buttock (gluteal) (left), Thigh, back (hamstrings) (left)): pressure 2 → 3',
      ],
    ],
    [
      'goal status and target date',
      edit({ goals: [{ ...painGoal, status: 'progressing', targetDate: '2026-12-28' }, odiGoal] }),
      [
        'Goal changed (NPRS at most 3): target date 2026-12-21 → 2026-12-28; status not started → progressing',
      ],
    ],
    [
      'goal added and removed',
      edit({
        goals: [
          painGoal,
          {
            id: 'g-sit',
            term: 'short',
            measure: { kind: 'functional', text: 'Sit for 30 minutes without leg pain' },
            targetDate: '2026-12-21',
            status: 'not_started',
          },
        ],
      }),
      ['Goal removed: ODI reduced by 10', 'Goal added: Sit for 30 minutes without leg pain'],
    ],
    [
      'intervention removed, position and regions changed',
      edit({
        interventions: [{ ...trp, position: 'seated', regions: [{ regionId: 'gluteal', side: 'right' }] }],
      }),
      [
        'Intervention removed: Myofascial release — Buttock (gluteal) (left), Thigh, back (hamstrings) (left)',
        'Intervention changed (Trigger point therapy — Buttock (gluteal), Thigh, outer side): regions Buttock (gluteal), Thigh, outer side → Buttock (gluteal) (right); position Side-lying → Seated',
      ],
    ],
    [
      'frequency, duration and the request to the physician',
      edit({ frequencyPerWeek: 3, durationWeeks: 8, requestedFromPhysician: true }),
      [
        'Frequency 2 → 3 visits a week',
        'Duration 6 → 8 weeks',
        'Frequency or duration requested from the physician',
      ],
    ],
    [
      're-evaluation by date instead of visits',
      edit({ reEvaluation: { kind: 'date', date: '2027-01-04' } }),
      ['Re-evaluation after 6 visits → on 2027-01-04'],
    ],
    [
      'problem and home care',
      edit({
        problems: [
          { icd10: 'M54.50', from: 'referral' },
          { icd10: 'M62.830', from: 'assessment' },
        ],
        homeCare: [{ itemId: 'piriformis_stretch', note: 'Right side only' }, { itemId: 'walking' }],
      }),
      [
        'Problem removed: M79.18',
        'Problem added: M62.830',
        'Home care instructions changed: Piriformis stretch (lying)',
        'Home care added: Walking',
      ],
    ],
    [
      'certified by the physician',
      edit({ certification: { certifiedAt: '2026-12-01T10:00:00Z', certifiedBy: 'prov-1' } }),
      ['Certified by the physician at 2026-12-01T10:00:00Z'],
    ],
  ])('%s', (_label, after, texts) => {
    const labels = {
      homeCare: (id: string) =>
        ({ piriformis_stretch: 'Piriformis stretch (lying)', walking: 'Walking' })[id] ?? id,
    };
    expect(diffPlans(examplePlan, after, labels).map((change) => change.text)).toEqual(texts);
  });

  it('names the changed item so the history can link to it', () => {
    const [change] = diffPlans(examplePlan, edit({ interventions: [mfr, { ...trp, pressure: 1 }] }));
    expect(change).toMatchObject({ kind: 'intervention_changed', subject: 'i-trp' });
  });

  it.each([
    [
      { kind: 'outcome_measure', instrument: 'NPRS', comparator: 'at_most', value: 3 } as const,
      'NPRS at most 3',
    ],
    [
      { kind: 'outcome_measure', instrument: 'PSFS', comparator: 'increase_by', value: 2 } as const,
      'PSFS increased by 2',
    ],
    [
      { kind: 'rom', joint: 'Cervical', movement: 'rotation', targetDegrees: 60 } as const,
      'Cervical rotation to 60°',
    ],
  ])('describes a goal measure: %j', (measure, text) => {
    expect(describeGoalMeasure(measure)).toBe(text);
  });
});
