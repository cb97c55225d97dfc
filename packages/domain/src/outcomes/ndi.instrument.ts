/**
 * Neck Disability Index: ten items scored 0–5, reported as the raw score out of 50 (the bands and
 * the MCID are published on that scale); ×2 gives the percentage some reports use. Item text is
 * copyrighted by its author; neutral labels are shipped.
 */

import type { Instrument } from './instrument.types.ts';
import { choiceItems, linkIds, statementOptions, totalScoring } from './instrument-builders.ts';

const items = choiceItems(
  'ndi',
  [
    'Pain intensity',
    'Personal care',
    'Lifting',
    'Reading',
    'Headaches',
    'Concentration',
    'Work',
    'Driving',
    'Sleeping',
    'Recreation',
  ],
  statementOptions(6),
);

export const NDI: Instrument = {
  resourceType: 'Questionnaire',
  id: 'ndi',
  name: 'NDI',
  title: 'Neck Disability Index',
  version: '1991 (10 items)',
  status: 'active',
  useFor: 'neck pain, cervicogenic and tension-type headache, whiplash',
  recallPeriod: 'today',
  licence: {
    kind: 'licensed',
    holder: 'the instrument author (Vernon H), via Mapi Research Trust',
    note: 'Free for clinical use with registration; item text is copyrighted. Neutral labels shipped; a clinic may load the official wording.',
    officialWordingShipped: false,
  },
  source:
    'Vernon H, Mior S. The Neck Disability Index: a study of reliability and validity. J Manipulative Physiol Ther 1991;14:409-415. Vernon H. The Neck Disability Index: state-of-the-art, 1991-2008. JMPT 2008;31:491-502.',
  item: items,
  scoring: totalScoring(
    {
      label: 'Neck Disability Index',
      items: linkIds(items),
      aggregate: 'sum',
      missing: {
        maxMissing: 1,
        unanswered: 'prorate',
        statement:
          'When one item is unanswered, the mean of the other items stands in for it (author scoring note); with more than one missing the index is not computed.',
      },
      range: { min: 0, max: 50 },
      unit: 'points',
      decimals: 1,
      direction: 'higher_is_worse',
      mcid: {
        points: 7.5,
        source:
          'Young BA et al. Responsiveness of the NDI in mechanical neck disorders. Spine J 2009;9:802-808 (MCID 7.5 of 50, MDC 10.2)',
        note: 'Reported MCIDs range from 3.5 to 8.5 points depending on the population; 7.5 is used as the default.',
      },
      bands: [
        { from: 0, label: 'no disability' },
        { from: 5, label: 'mild disability' },
        { from: 15, label: 'moderate disability' },
        { from: 25, label: 'severe disability' },
        { from: 35, label: 'complete disability' },
      ],
    },
    { multipleMarks: 'take_highest' },
  ),
};
