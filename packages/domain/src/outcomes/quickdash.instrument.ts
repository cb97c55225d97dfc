/**
 * QuickDASH: eleven items scored 1–5; score = ((sum ÷ n) − 1) × 25 where n is the number answered,
 * computed only when at most one item is missing. Item text is licensed by the Institute for Work
 * & Health (free for clinical use with registration), so neutral labels are shipped.
 */

import type { Instrument } from './instrument.types.ts';
import { choiceItems, linkIds, ordinalOptions, totalScoring } from './instrument-builders.ts';

const items = choiceItems(
  'qd',
  [
    'Opening a tight or new jar',
    'Heavy household chores',
    'Carrying a shopping bag or briefcase',
    'Washing one’s back',
    'Using a knife to cut food',
    'Recreational activities taking force or impact through the arm, shoulder or hand',
    'Interference with normal social activities',
    'Limitation in work or other regular daily activities',
    'Arm, shoulder or hand pain',
    'Tingling (pins and needles) in the arm, shoulder or hand',
    'Difficulty sleeping because of arm, shoulder or hand pain',
  ],
  ordinalOptions(
    ['1 — none / no difficulty', '2 — mild', '3 — moderate', '4 — severe', '5 — extreme / unable'],
    1,
  ),
);

export const QUICKDASH: Instrument = {
  resourceType: 'Questionnaire',
  id: 'quickdash',
  name: 'QuickDASH',
  title: 'Quick Disabilities of the Arm, Shoulder and Hand',
  version: '11-item (disability/symptom section)',
  status: 'active',
  useFor: 'upper-limb conditions: shoulder, elbow, wrist, hand, carpal tunnel, thoracic outlet',
  recallPeriod: 'the last week',
  licence: {
    kind: 'licensed',
    holder: 'Institute for Work & Health (Toronto)',
    note: 'Free for clinical use; item text may not be altered or reproduced without IWH permission. Neutral labels shipped; a registered clinic may load the official wording.',
    officialWordingShipped: false,
  },
  source:
    'Beaton DE et al. Development of the QuickDASH. J Bone Joint Surg Am 2005;87:1038-1046. Institute for Work & Health, The DASH and QuickDASH Outcome Measure User’s Manual (scoring).',
  item: items,
  scoring: totalScoring({
    label: 'QuickDASH disability/symptom score',
    items: linkIds(items),
    aggregate: 'mean',
    missing: {
      maxMissing: 1,
      unanswered: 'prorate',
      statement: 'At least 10 of the 11 items must be answered (IWH scoring manual).',
    },
    offset: 1,
    factor: 25,
    range: { min: 0, max: 100 },
    unit: 'points',
    decimals: 1,
    direction: 'higher_is_worse',
    mcid: {
      points: 15.9,
      source: 'Franchignoni F et al. J Orthop Sports Phys Ther 2014;44(1):30-39 (MCID 15.9)',
      note: 'Sorensen AA et al. J Hand Ther 2013 report about 14 in hand and wrist conditions.',
    },
  }),
};
