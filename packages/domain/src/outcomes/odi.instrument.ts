/**
 * Oswestry Disability Index v2.1a: ten sections scored 0–5; index = sum ÷ (5 × sections answered)
 * × 100. The statements are copyrighted (licensed through Mapi Research Trust), so the product
 * ships the scoring with neutral section labels and statement positions.
 */

import type { Instrument } from './instrument.types.ts';
import { choiceItems, linkIds, statementOptions, totalScoring } from './instrument-builders.ts';

const items = choiceItems(
  'odi',
  [
    'Pain intensity',
    'Personal care (washing, dressing)',
    'Lifting',
    'Walking',
    'Sitting',
    'Standing',
    'Sleeping',
    'Sex life (if applicable)',
    'Social life',
    'Travelling',
  ],
  statementOptions(6),
);

export const ODI: Instrument = {
  resourceType: 'Questionnaire',
  id: 'odi',
  name: 'ODI',
  title: 'Oswestry Disability Index',
  version: '2.1a',
  status: 'active',
  useFor: 'low back pain, lumbar radiculopathy',
  recallPeriod: 'today',
  licence: {
    kind: 'licensed',
    holder: 'Mapi Research Trust (on behalf of the authors)',
    note: 'Statement text is copyrighted; the scoring is a published fact. Neutral labels shipped; a clinic holding a licence may load the official wording.',
    officialWordingShipped: false,
  },
  source:
    'Fairbank JCT, Pynsent PB. The Oswestry Disability Index. Spine 2000;25(22):2940-2953 (scoring, missing section, bands).',
  item: items,
  scoring: totalScoring(
    {
      label: 'Oswestry Disability Index',
      items: linkIds(items),
      aggregate: 'sum',
      missing: {
        maxMissing: 1,
        unanswered: 'prorate',
        statement:
          'An unanswered section is dropped from the denominator (sum ÷ (5 × sections answered) × 100); the product scores at most one missing section (Fairbank & Pynsent 2000).',
      },
      // Prorated sum is out of 50; × 2 gives the percentage.
      factor: 2,
      range: { min: 0, max: 100 },
      unit: 'percent',
      decimals: 1,
      direction: 'higher_is_worse',
      mcid: {
        points: 10,
        percent: 30,
        source: 'Ostelo RWJG et al. Spine 2008;33(1):90-94 (consensus: 10 points or 30 % improvement)',
      },
      bands: [
        { from: 0, label: 'minimal disability' },
        { from: 21, label: 'moderate disability' },
        { from: 41, label: 'severe disability' },
        { from: 61, label: 'crippling back pain' },
        { from: 81, label: 'bed-bound, or symptoms exaggerated' },
      ],
    },
    // Fairbank & Pynsent 2000: when two statements are marked in a section, score the higher.
    { multipleMarks: 'take_highest' },
  ),
};
