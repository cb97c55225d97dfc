/**
 * Revised Fibromyalgia Impact Questionnaire: 21 items rated 0–10 in three domains. Function (9
 * items) sum ÷ 3, overall impact (2 items) sum, symptoms (10 items) sum ÷ 2; total = the three
 * (0–100). The FIQR is licensed; neutral labels are shipped.
 */

import type { Instrument } from './instrument.types.ts';
import { everyItemRequired, integerItems, linkIds } from './instrument-builders.ts';

const functionItems = integerItems(
  'fn',
  [
    'Brushing or combing hair',
    'Walking continuously for 20 minutes',
    'Preparing a homemade meal',
    'Vacuuming, scrubbing or sweeping floors',
    'Lifting and carrying a bag of groceries',
    'Climbing one flight of stairs',
    'Changing bed sheets',
    'Sitting in a chair for 45 minutes',
    'Going grocery shopping',
  ],
  0,
  10,
);
const overallItems = integerItems(
  'ov',
  ['Prevented from reaching goals for the week', 'Overwhelmed by symptoms'],
  0,
  10,
);
const symptomItems = integerItems(
  'sy',
  [
    'Pain',
    'Energy',
    'Stiffness',
    'Sleep quality',
    'Depression',
    'Memory problems',
    'Anxiety',
    'Tenderness to touch',
    'Balance problems',
    'Sensitivity to noise, lights, odours or cold',
  ],
  0,
  10,
);

const FIQR_SCORING = 'FIQR scoring instructions (fiqr.info, Scoring the FIQR and SIQR)';

export const FIQR: Instrument = {
  resourceType: 'Questionnaire',
  id: 'fiqr',
  name: 'FIQR',
  title: 'Revised Fibromyalgia Impact Questionnaire',
  version: '2009',
  status: 'active',
  useFor: 'fibromyalgia',
  recallPeriod: 'the last 7 days',
  licence: {
    kind: 'licensed',
    holder: 'the instrument authors (licence through fiqr.info)',
    note: 'Use requires the authors’ licence; neutral labels shipped, a licensed clinic may load the official wording.',
    officialWordingShipped: false,
  },
  source: `Bennett RM et al. The Revised Fibromyalgia Impact Questionnaire (FIQR): validation and psychometric properties. Arthritis Res Ther 2009;11:R120. ${FIQR_SCORING}.`,
  item: [...functionItems, ...overallItems, ...symptomItems],
  scoring: {
    primaryScale: 'total',
    // Invalid when three or more items carry more than one answer (FIQR scoring instructions).
    multipleMarks: 'take_highest',
    maxMultipleMarkedItems: 2,
    change: 'difference',
    scales: [
      {
        kind: 'items',
        id: 'function',
        label: 'Function',
        items: linkIds(functionItems),
        aggregate: 'sum',
        missing: {
          maxMissing: 1,
          unanswered: 'prorate',
          statement: `One unanswered function item is compensated by weighting the sum by 9 ÷ answered; two or more make the form invalid (${FIQR_SCORING}).`,
        },
        factor: 1 / 3,
        range: { min: 0, max: 30 },
        unit: 'points',
        decimals: 1,
        direction: 'higher_is_worse',
      },
      {
        kind: 'items',
        id: 'overall',
        label: 'Overall impact',
        items: linkIds(overallItems),
        aggregate: 'sum',
        missing: everyItemRequired(
          `Any unanswered overall-impact item makes the form invalid (${FIQR_SCORING}).`,
        ),
        range: { min: 0, max: 20 },
        unit: 'points',
        decimals: 1,
        direction: 'higher_is_worse',
      },
      {
        kind: 'items',
        id: 'symptoms',
        label: 'Symptoms',
        items: linkIds(symptomItems),
        aggregate: 'sum',
        missing: everyItemRequired(`Any unanswered symptom item makes the form invalid (${FIQR_SCORING}).`),
        factor: 1 / 2,
        range: { min: 0, max: 50 },
        unit: 'points',
        decimals: 1,
        direction: 'higher_is_worse',
      },
      {
        kind: 'sum_of_scales',
        id: 'total',
        label: 'FIQR total',
        scales: ['function', 'overall', 'symptoms'],
        range: { min: 0, max: 100 },
        unit: 'points',
        decimals: 1,
        direction: 'higher_is_worse',
        mcid: {
          percent: 14,
          source:
            'Bennett RM et al. J Rheumatol 2009;36:1304-1311 (MCID 14 % of baseline, derived for the FIQ)',
          note: 'Derived for the original FIQ; applied to the FIQR, whose total has the same 0–100 range.',
        },
        // Salaffi F et al. Clin Exp Rheumatol 2020 (2339 patients): 0–23 remission, 24–40 mild, 41–63 moderate, 64–82 severe, ≥83 very severe.
        bands: [
          { from: 0, label: 'remission' },
          { from: 24, label: 'mild' },
          { from: 41, label: 'moderate' },
          { from: 64, label: 'severe' },
          { from: 83, label: 'very severe' },
        ],
      },
    ],
  },
};
