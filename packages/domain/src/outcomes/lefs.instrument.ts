/**
 * Lower Extremity Functional Scale: twenty activities rated 0 (extreme difficulty or unable) to
 * 4 (no difficulty); score = sum, 0–80, higher is better. Free to use; the activity labels below
 * are the product's own.
 */

import type { Instrument } from './instrument.types.ts';
import {
  choiceItems,
  everyItemRequired,
  linkIds,
  ordinalOptions,
  totalScoring,
} from './instrument-builders.ts';

const items = choiceItems(
  'lefs',
  [
    'Usual work, housework or school activities',
    'Usual hobbies, recreational or sporting activities',
    'Getting into or out of the bath',
    'Walking between rooms',
    'Putting on shoes or socks',
    'Squatting',
    'Lifting an object such as a bag of groceries from the floor',
    'Light activities around the home',
    'Heavy activities around the home',
    'Getting into or out of a car',
    'Walking 2 blocks',
    'Walking a mile',
    'Going up or down 10 stairs (about one flight)',
    'Standing for 1 hour',
    'Sitting for 1 hour',
    'Running on even ground',
    'Running on uneven ground',
    'Making sharp turns while running fast',
    'Hopping',
    'Rolling over in bed',
  ],
  ordinalOptions([
    '0 — extreme difficulty or unable',
    '1 — quite a bit of difficulty',
    '2 — moderate difficulty',
    '3 — a little difficulty',
    '4 — no difficulty',
  ]),
);

export const LEFS: Instrument = {
  resourceType: 'Questionnaire',
  id: 'lefs',
  name: 'LEFS',
  title: 'Lower Extremity Functional Scale',
  version: '1999 (20 items)',
  status: 'active',
  useFor: 'hip, knee, ankle and foot conditions; lower-limb pain',
  recallPeriod: 'today',
  licence: {
    kind: 'free',
    note: 'Free for clinical use; activity labels are the product’s own.',
    officialWordingShipped: false,
  },
  source:
    'Binkley JM et al. The Lower Extremity Functional Scale (LEFS): scale development, measurement properties, and clinical application. Phys Ther 1999;79:371-383.',
  item: items,
  scoring: totalScoring({
    label: 'LEFS total',
    items: linkIds(items),
    aggregate: 'sum',
    missing: everyItemRequired(
      'All 20 items are needed; the published form asks for an answer to every activity.',
    ),
    range: { min: 0, max: 80 },
    unit: 'points',
    decimals: 0,
    direction: 'higher_is_better',
    mcid: {
      points: 9,
      source: 'Binkley 1999 (Phys Ther 79:371): MCID 9 scale points (MDC90 also 9)',
    },
  }),
};
