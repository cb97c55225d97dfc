/**
 * Test data: the patient of the screening and plan-of-care issues (on warfarin, 24 weeks
 * pregnant, recent lumbar surgery), with findings shaped as the screening engine reports them
 * and the plan a therapist builds for her. Shared by the plan and session tests so that both
 * guard the same picture.
 */
import type { ScreeningFinding } from '../screening/types.ts';
import type { PlanOfCare } from './plan-of-care.schema.ts';

export const anticoagulantFinding: ScreeningFinding = {
  ruleId: 'anticoagulant',
  severity: 'modify',
  reason: 'Takes a blood thinner: bruising risk, so light pressure and no deep or vigorous work.',
  source: 'MBLEx content outline: contraindications and areas of caution',
  modification: { maxPressure: 2, excludedTechniqueTags: ['deep_pressure', 'vigorous', 'friction'] },
};

export const pregnancyPositionFinding: ScreeningFinding = {
  ruleId: 'pregnancy_after_20_weeks',
  severity: 'modify',
  reason: 'Past 20 weeks of pregnancy: lying on the back or front is not used; side-lying instead.',
  source: 'MBLEx content outline: special populations',
  modification: { excludedPositions: ['supine', 'prone'], preferredPosition: 'side_lying' },
};

export const pregnancyLegsFinding: ScreeningFinding = {
  ruleId: 'pregnancy_legs',
  severity: 'modify',
  reason: 'Pregnancy: no deep pressure on the legs (clot risk).',
  source: 'MBLEx content outline: special populations',
  modification: {
    excludedTechniqueTags: ['deep_pressure'],
    regions: [{ regionId: 'thigh_medial' }, { regionId: 'calf' }],
  },
};

export const lumbarSurgeryFinding: ScreeningFinding = {
  ruleId: 'recent_surgery',
  severity: 'avoid',
  reason: 'Lumbar surgery within the last 6 weeks: leave the surgical area alone.',
  source: 'MBLEx content outline: contraindications and areas of caution',
  regions: [{ regionId: 'lumbar' }],
};

export const feverFinding: ScreeningFinding = {
  ruleId: 'fever',
  severity: 'stop',
  reason: 'Temperature of 38.0 °C or more: postpone the session.',
  source: 'MBLEx content outline: contraindications and areas of caution',
};

export const patientFindings: ScreeningFinding[] = [
  anticoagulantFinding,
  pregnancyPositionFinding,
  pregnancyLegsFinding,
  lumbarSurgeryFinding,
];

export const examplePlan: PlanOfCare = {
  referralId: 'ref-1',
  assessmentId: 'asm-1',
  problems: [
    { icd10: 'M54.50', from: 'referral' },
    { icd10: 'M79.18', from: 'assessment' },
  ],
  goals: [
    {
      id: 'g-pain',
      term: 'short',
      measure: { kind: 'outcome_measure', instrument: 'NPRS', comparator: 'at_most', value: 3 },
      targetDate: '2026-12-21',
      status: 'not_started',
    },
    {
      id: 'g-odi',
      term: 'long',
      measure: { kind: 'outcome_measure', instrument: 'ODI', comparator: 'reduce_by', value: 10 },
      targetDate: '2027-01-04',
      status: 'not_started',
    },
  ],
  interventions: [
    {
      id: 'i-mfr',
      techniqueId: 'myofascial_release',
      regions: [
        { regionId: 'gluteal', side: 'left' },
        { regionId: 'thigh_posterior', side: 'left' },
      ],
      pressure: 2,
      position: 'side_lying',
    },
    {
      id: 'i-trp',
      techniqueId: 'trigger_point_therapy',
      regions: [{ regionId: 'gluteal' }, { regionId: 'thigh_lateral' }],
      muscles: ['gluteus medius', 'piriformis'],
      pressure: 2,
      position: 'side_lying',
    },
  ],
  frequencyPerWeek: 2,
  durationWeeks: 6,
  requestedFromPhysician: false,
  reEvaluation: { kind: 'visits', visits: 6 },
  homeCare: [{ itemId: 'piriformis_stretch' }],
};
