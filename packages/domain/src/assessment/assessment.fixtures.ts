/**
 * The worked case of the assessment issue, as test data: a patient referred for tension-type
 * headache, assessed initially and again four weeks later.
 */
import type { AssessmentInput } from './assessment.schema.ts';

const ndi = (values: number[]) => Object.fromEntries(values.map((v, i) => [`ndi${i + 1}`, v]));
const hit6 = (values: number[]) => Object.fromEntries(values.map((v, i) => [`hit${i + 1}`, v]));

export const INITIAL_HEADACHE_ASSESSMENT: AssessmentInput = {
  kind: 'initial',
  patientId: 'patient-1',
  referralId: 'referral-1',
  performedOn: '2025-03-03',
  therapistId: 'therapist-1',
  subjective: {
    chiefComplaint: 'Pressing headache at both temples, behind the eyes and at the base of the skull',
    patientGoals: 'Work a full day at the computer without a headache',
  },
  painDrawing: {
    marks: [
      { regionId: 'temple', side: 'left', intensity: 6, qualities: ['aching'] },
      { regionId: 'temple', side: 'right', intensity: 6, qualities: ['aching'] },
      { regionId: 'eye_region', side: 'left', intensity: 5, qualities: ['aching'] },
      { regionId: 'eye_region', side: 'right', intensity: 5, qualities: ['aching'] },
      { regionId: 'occiput', intensity: 6, qualities: ['aching', 'stiffness'] },
    ],
  },
  posture: { forwardHead: 'moderate', shoulderElevation: { side: 'right', grade: 'mild' } },
  rom: [
    {
      joint: 'cervical',
      motion: 'rotation',
      side: 'left',
      mode: 'active',
      degrees: 50,
      painAtEndRange: true,
    },
    { joint: 'cervical', motion: 'rotation', side: 'right', mode: 'active', degrees: 58 },
  ],
  specialTests: [{ testId: 'spurling', result: 'positive', side: 'right' }],
  palpation: [
    {
      muscleId: 'upper_trapezius',
      side: 'right',
      triggerPoint: 'active',
      reproducesFamiliarPain: true,
      tautBand: true,
      localTwitchResponse: true,
      tenderness: 3,
    },
    { muscleId: 'suboccipitals', side: 'left', triggerPoint: 'latent', tautBand: true, tenderness: 2 },
  ],
  outcomes: [
    { instrumentId: 'hit6', administeredOn: '2025-03-03', answers: hit6([11, 11, 11, 11, 11, 11]) },
    { instrumentId: 'ndi', administeredOn: '2025-03-03', answers: ndi([3, 2, 2, 3, 4, 2, 2, 2, 2, 2]) },
  ],
  clinicalImpression: 'Myofascial contribution to tension-type headache; right radicular signs to report.',
  problemList: [{ description: 'Tension-type headache', icd10Code: 'G44.209' }],
};

export const FOUR_WEEK_REEVALUATION: AssessmentInput = {
  ...INITIAL_HEADACHE_ASSESSMENT,
  kind: 're_evaluation',
  baselineAssessmentId: 'assessment-1',
  performedOn: '2025-03-31',
  painDrawing: {
    marks: [
      { regionId: 'temple', side: 'left', intensity: 2, qualities: ['aching'] },
      { regionId: 'occiput', intensity: 3, qualities: ['stiffness'] },
    ],
  },
  rom: [
    { joint: 'cervical', motion: 'rotation', side: 'left', mode: 'active', degrees: 58 },
    { joint: 'cervical', motion: 'rotation', side: 'right', mode: 'active', degrees: 60 },
  ],
  outcomes: [
    { instrumentId: 'hit6', administeredOn: '2025-03-31', answers: hit6([10, 10, 8, 10, 10, 10]) },
    { instrumentId: 'ndi', administeredOn: '2025-03-31', answers: ndi([2, 1, 1, 2, 2, 1, 1, 1, 1, 1]) },
    { instrumentId: 'pgic', administeredOn: '2025-03-31', answers: { change: 2 } },
  ],
};
