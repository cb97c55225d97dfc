import { describe, expect, it } from 'vitest';
import type { ScreeningFinding } from '../screening/types.ts';
import {
  anticoagulantFinding,
  examplePlan,
  feverFinding,
  lumbarSurgeryFinding,
  patientFindings,
  pregnancyLegsFinding,
} from './example-patient.fixture.ts';
import { HOME_CARE_LIBRARY } from './home-care.ts';
import {
  checkHomeCareAgainstFindings,
  checkPlanAgainstFindings,
  checkPlanAgainstReferral,
  planIsAcceptable,
} from './plan-checks.ts';
import type { Intervention } from './plan-of-care.schema.ts';

// Sources: the findings follow the contraindication groups of the FSMTB MBLEx content outline
// ("contraindications, areas of caution, special populations") as summarised in
// clinical-reference.md; the patient and the refused deep-tissue attempt are those of issue 5.

describe('plan against the referral order', () => {
  it.each<[string, number, number, boolean, Record<string, number>, string[], boolean]>([
    ['within the order', 2, 6, false, { frequencyPerWeek: 2, durationWeeks: 6 }, [], true],
    ['no limits ordered', 3, 8, false, {}, [], true],
    ['more visits a week than ordered', 3, 6, false, { frequencyPerWeek: 2 }, ['frequencyPerWeek'], false],
    ['longer than ordered', 2, 8, false, { durationWeeks: 6 }, ['durationWeeks'], false],
    ['more visits than the referral allows', 2, 6, false, { totalVisits: 10 }, ['totalVisits'], false],
    [
      'beyond the order, asked of the physician',
      3,
      8,
      true,
      { frequencyPerWeek: 2, durationWeeks: 6, totalVisits: 12 },
      ['frequencyPerWeek', 'durationWeeks', 'totalVisits'],
      true,
    ],
  ])('%s', (_label, frequencyPerWeek, durationWeeks, requestedFromPhysician, order, fields, acceptable) => {
    const issues = checkPlanAgainstReferral(
      { frequencyPerWeek, durationWeeks, requestedFromPhysician },
      order,
    );
    expect(issues.map((issue) => issue.field)).toEqual(fields);
    expect(planIsAcceptable(issues, [])).toBe(acceptable);
  });

  it('says what was planned and what was ordered', () => {
    const [issue] = checkPlanAgainstReferral(
      { frequencyPerWeek: 3, durationWeeks: 6, requestedFromPhysician: false },
      { frequencyPerWeek: 2 },
    );
    expect(issue?.reason).toBe('3 visits a week planned; the referral orders 2');
  });
});

const deepTissueLumbar: Intervention = {
  id: 'i-deep',
  techniqueId: 'deep_tissue',
  regions: [{ regionId: 'lumbar' }],
  pressure: 4,
  position: 'prone',
};

const planWith = (...interventions: Intervention[]) => ({ interventions });

describe('plan against the screening findings', () => {
  it('accepts the plan built for the issue patient', () => {
    expect(checkPlanAgainstFindings(examplePlan, patientFindings)).toEqual([]);
  });

  it('refuses deep tissue to the lumbar region, naming each reason', () => {
    const violations = checkPlanAgainstFindings(planWith(deepTissueLumbar), patientFindings);
    expect(violations.map((violation) => [violation.kind, violation.ruleId])).toEqual([
      ['pressure_above_ceiling', 'anticoagulant'],
      ['excluded_technique', 'anticoagulant'],
      ['excluded_position', 'pregnancy_after_20_weeks'],
      ['avoid_region', 'recent_surgery'],
    ]);
    expect(violations[0]?.intervention).toBe('Deep tissue massage — Low back (lumbar)');
    expect(violations[1]?.reason).toBe(
      `Deep tissue massage involves deep pressure, which is excluded: ${anticoagulantFinding.reason}`,
    );
    expect(violations[3]?.reason).toBe(
      `Low back (lumbar) must not be treated: ${lumbarSurgeryFinding.reason}`,
    );
    expect(violations.every((violation) => !violation.overridden)).toBe(true);
    expect(planIsAcceptable([], violations)).toBe(false);
  });

  it.each<[string, Intervention, ScreeningFinding[], string[]]>([
    [
      'an avoided region on the other side is fine',
      {
        ...deepTissueLumbar,
        techniqueId: 'swedish_effleurage',
        regions: [{ regionId: 'calf', side: 'right' }],
      },
      [{ ...lumbarSurgeryFinding, regions: [{ regionId: 'calf', side: 'left' }] }],
      [],
    ],
    [
      'an avoided region without a side covers both sides',
      { ...deepTissueLumbar, regions: [{ regionId: 'calf', side: 'right' }] },
      [{ ...lumbarSurgeryFinding, regions: [{ regionId: 'calf' }] }],
      ['avoid_region'],
    ],
    [
      'a modification limited to regions applies there',
      { ...deepTissueLumbar, regions: [{ regionId: 'calf', side: 'left' }] },
      [pregnancyLegsFinding],
      ['excluded_technique'],
    ],
    [
      'a modification limited to regions does not apply elsewhere',
      { ...deepTissueLumbar, regions: [{ regionId: 'scapular', side: 'left' }] },
      [pregnancyLegsFinding],
      [],
    ],
    [
      'pressure at the ceiling is allowed',
      {
        ...deepTissueLumbar,
        techniqueId: 'swedish_effleurage',
        pressure: 2,
        regions: [{ regionId: 'thoracic' }],
      },
      [anticoagulantFinding],
      [],
    ],
    [
      'friction is excluded under the blood-thinner finding',
      {
        ...deepTissueLumbar,
        techniqueId: 'scar_tissue_mobilisation',
        pressure: 1,
        regions: [{ regionId: 'thoracic' }],
      },
      [anticoagulantFinding],
      ['excluded_technique'],
    ],
  ])('%s', (_label, intervention, findings, kinds) => {
    const violations = checkPlanAgainstFindings(planWith(intervention), findings);
    expect(violations.map((violation) => violation.kind)).toEqual(kinds);
  });

  it('marks a violation overridden when the therapist justified it in writing', () => {
    const justified = {
      ...deepTissueLumbar,
      regions: [{ regionId: 'thoracic' }],
      position: 'side_lying' as const,
      overrides: [{ ruleId: 'anticoagulant', reason: 'INR stable; physician agreed to moderate work' }],
    };
    const violations = checkPlanAgainstFindings(planWith(justified), patientFindings);
    expect(violations.map((violation) => [violation.ruleId, violation.overridden])).toEqual([
      ['anticoagulant', true],
      ['anticoagulant', true],
    ]);
    expect(planIsAcceptable([], violations)).toBe(true);
  });

  it('reports a stop finding once for the whole plan, never overridden', () => {
    const violations = checkPlanAgainstFindings(examplePlan, [feverFinding]);
    expect(violations).toEqual([
      {
        kind: 'stop',
        ruleId: 'fever',
        interventionIndex: null,
        interventionId: null,
        intervention: null,
        reason: `No treatment until this is resolved: ${feverFinding.reason}`,
        overridden: false,
      },
    ]);
  });
});

describe('home care against the screening findings', () => {
  const heatFinding: ScreeningFinding = {
    ruleId: 'multiple_sclerosis',
    severity: 'modify',
    reason: 'Multiple sclerosis: heat can bring on symptoms.',
    source: 'MBLEx content outline: special populations',
    modification: { excludedTechniqueTags: ['heat'] },
  };
  const plan = (...itemIds: string[]) => ({ homeCare: itemIds.map((itemId) => ({ itemId })) });

  it.each<[string, string[], ScreeningFinding[], string[]]>([
    ['moist heat under a no-heat finding', ['moist_heat', 'walking'], [heatFinding], ['moist_heat']],
    ['a cold pack under a no-heat finding', ['cold_pack'], [heatFinding], []],
    ['ball self-release, compression allowed', ['tennis_ball_self_release'], [anticoagulantFinding], []],
    [
      'a stretch outside a region-limited finding',
      ['wrist_flexor_stretch'],
      [
        {
          ...heatFinding,
          modification: { excludedTechniqueTags: ['stretching'], regions: [{ regionId: 'gluteal' }] },
        },
      ],
      [],
    ],
    [
      'a stretch inside a region-limited finding',
      ['piriformis_stretch'],
      [
        {
          ...heatFinding,
          modification: { excludedTechniqueTags: ['stretching'], regions: [{ regionId: 'gluteal' }] },
        },
      ],
      ['piriformis_stretch'],
    ],
    ['an item the library does not hold', ['clinic.unknown'], [heatFinding], []],
  ])('%s', (_label, itemIds, findings, flagged) => {
    const warnings = checkHomeCareAgainstFindings(plan(...itemIds), HOME_CARE_LIBRARY, findings);
    expect(warnings.map((warning) => warning.itemId)).toEqual(flagged);
  });
});
