/**
 * Boston Carpal Tunnel Questionnaire: two separate scales, each the mean of its items scored 1–5:
 * Symptom Severity (11 items) and Functional Status (8 items). There is no combined total. The
 * questionnaire text is copyrighted by its authors, so neutral labels are shipped.
 */

import type { Instrument, InstrumentItem, ItemScale, Mcid } from './instrument.types.ts';
import { choiceItems, everyItemRequired, linkIds, ordinalOptions } from './instrument-builders.ts';

const symptom = choiceItems(
  'sss',
  [
    'Severity of hand or wrist pain at night',
    'How often hand or wrist pain woke you at night',
    'Pain in the hand or wrist during the day',
    'How often hand or wrist pain occurs during the day',
    'How long an episode of daytime pain lasts',
    'Numbness in the hand',
    'Weakness in the hand or wrist',
    'Tingling in the hand',
    'Severity of numbness or tingling at night',
    'How often numbness or tingling woke you at night',
    'Difficulty grasping and using small objects',
  ],
  ordinalOptions(
    ['1 — none / never', '2 — mild', '3 — moderate', '4 — severe', '5 — very severe / always'],
    1,
  ),
);

const functional = choiceItems(
  'fss',
  [
    'Writing',
    'Buttoning clothes',
    'Holding a book while reading',
    'Gripping a telephone',
    'Opening jars',
    'Household chores',
    'Carrying grocery bags',
    'Bathing and dressing',
  ],
  ordinalOptions(
    [
      '1 — no difficulty',
      '2 — little difficulty',
      '3 — moderate difficulty',
      '4 — intense difficulty',
      '5 — cannot do',
    ],
    1,
  ),
);

// The published scoring defines each scale as the mean of its items without an allowance for
// unanswered ones, so the product asks for every item rather than invent a proration rule.
const everyItem = everyItemRequired(
  'Every item of the scale must be answered (no published rule for missing items).',
);

const CTQ_REVIEW = 'Systematic review of the Carpal Tunnel Questionnaire, J Hand Ther 2020';

/** Both BCTQ scales share the 1–5 item mean; only their items and MCIDs differ. */
function meanScale(id: string, label: string, items: readonly InstrumentItem[], mcid: Mcid): ItemScale {
  return {
    kind: 'items',
    id,
    label,
    items: linkIds(items),
    aggregate: 'mean',
    missing: everyItem,
    range: { min: 1, max: 5 },
    unit: 'points',
    decimals: 2,
    direction: 'higher_is_worse',
    mcid,
  };
}

export const BCTQ: Instrument = {
  resourceType: 'Questionnaire',
  id: 'bctq',
  name: 'BCTQ',
  title: 'Boston Carpal Tunnel Questionnaire',
  version: '1993 (SSS 11 items, FSS 8 items)',
  status: 'active',
  useFor: 'carpal tunnel syndrome',
  recallPeriod: 'a typical 24 hours in the last two weeks',
  licence: {
    kind: 'licensed',
    holder: 'the instrument authors (Brigham and Women’s Hospital)',
    note: 'Published in the journal article; permission for reproduction of the text is not established. Neutral labels shipped; a clinic may load the official wording.',
    officialWordingShipped: false,
  },
  source:
    'Levine DW et al. A self-administered questionnaire for the assessment of severity of symptoms and functional status in carpal tunnel syndrome. J Bone Joint Surg Am 1993;75:1585-1592.',
  item: [...symptom, ...functional],
  scoring: {
    primaryScale: 'symptom',
    multipleMarks: 'treat_as_missing',
    change: 'difference',
    scales: [
      meanScale('symptom', 'Symptom Severity Scale', symptom, {
        points: 1.05,
        source: `${CTQ_REVIEW} (pooled MCID 1.05 SSS)`,
        note: 'Ozyurekoglu T et al. J Hand Surg Am 2006;31:733 report 1.04 after steroid injection.',
      }),
      meanScale('function', 'Functional Status Scale', functional, {
        points: 1.13,
        source: `${CTQ_REVIEW} (pooled MCID 1.13 FSS)`,
      }),
    ],
  },
};
