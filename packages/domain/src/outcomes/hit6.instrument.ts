/**
 * HIT-6 (Headache Impact Test): six items answered Never, Rarely, Sometimes, Very often, Always,
 * weighted 6, 8, 10, 11, 13; total = sum (36–78). Licensed by QualityMetric: neutral item labels
 * shipped, the response weights are the published scoring.
 */

import type { Instrument } from './instrument.types.ts';
import {
  choiceItems,
  everyItemRequired,
  linkIds,
  totalScoring,
  weightedOptions,
} from './instrument-builders.ts';

const items = choiceItems(
  'hit',
  [
    'How often headache pain is severe',
    'How often headaches limit usual daily activities',
    'How often you wish you could lie down during a headache',
    'How often headaches left you too tired for work or daily activities (last 4 weeks)',
    'How often headaches left you fed up or irritated (last 4 weeks)',
    'How often headaches limited concentration (last 4 weeks)',
  ],
  weightedOptions([
    ['Never', 6],
    ['Rarely', 8],
    ['Sometimes', 10],
    ['Very often', 11],
    ['Always', 13],
  ]),
);

export const HIT6: Instrument = {
  resourceType: 'Questionnaire',
  id: 'hit6',
  name: 'HIT-6',
  title: 'Headache Impact Test',
  version: '1.1',
  status: 'active',
  useFor: 'headache: tension-type, migraine, cervicogenic',
  recallPeriod: 'the last 4 weeks (items 4–6); usual headaches (items 1–3)',
  licence: {
    kind: 'licensed',
    holder: 'QualityMetric Incorporated and GlaxoSmithKline',
    note: 'Item text is licensed by QualityMetric; neutral labels shipped. A clinic with a licence may load the official wording.',
    officialWordingShipped: false,
  },
  source:
    'Kosinski M et al. A six-item short-form survey for measuring headache impact: the HIT-6. Qual Life Res 2003;12:963-974. HIT-6 Scoring Interpretation (QualityMetric).',
  item: items,
  scoring: totalScoring({
    label: 'HIT-6 total',
    items: linkIds(items),
    aggregate: 'sum',
    missing: everyItemRequired(
      'All six items are needed; the published scoring sums fixed response weights without proration.',
    ),
    range: { min: 36, max: 78 },
    unit: 'points',
    decimals: 0,
    direction: 'higher_is_worse',
    mcid: {
      points: 5,
      source:
        'HIT-6 Scoring Interpretation (QualityMetric): a change of 5 points or more is meaningful for a patient',
      note: 'Castien RF et al. Cephalalgia 2012 report 8 points in chronic tension-type headache; Smelt AFH et al. Cephalalgia 2014 report 2.5–6 in migraine.',
    },
    bands: [
      { from: 36, label: 'little or no impact' },
      { from: 50, label: 'some impact' },
      { from: 56, label: 'substantial impact' },
      { from: 60, label: 'severe impact' },
    ],
  }),
};
