/**
 * Patient-Specific Functional Scale: the patient names up to five activities that are hard because
 * of the condition and rates each 0 (unable) to 10 (as before); score = mean of the rated
 * activities. The same named activities must be re-rated at follow-up for change to mean anything.
 */

import type { Instrument, InstrumentItem } from './instrument.types.ts';
import { totalScoring } from './instrument-builders.ts';

const items: InstrumentItem[] = [1, 2, 3, 4, 5].map((n) => ({
  linkId: `activity${n}`,
  text: `Activity ${n} (named by the patient): 0 = unable to perform, 10 = able to perform at the level before the problem`,
  type: 'integer',
  minValue: 0,
  maxValue: 10,
  patientDefinedLabel: true,
}));

export const PSFS: Instrument = {
  resourceType: 'Questionnaire',
  id: 'psfs',
  name: 'PSFS',
  title: 'Patient-Specific Functional Scale',
  version: '1995 (up to five activities)',
  status: 'active',
  useFor: 'any musculoskeletal condition; activities chosen by the patient',
  recallPeriod: 'today',
  licence: {
    kind: 'free',
    note: 'Free to use; the product’s own wording.',
    officialWordingShipped: true,
  },
  source:
    'Stratford P et al. Assessing disability and change on individual patients: a report of a patient specific measure. Physiotherapy Canada 1995;47:258-263.',
  item: items,
  scoring: totalScoring({
    label: 'PSFS mean activity score',
    items: items.map((item) => item.linkId),
    aggregate: 'mean',
    missing: {
      // Slots are optional: the patient rates as many activities as they named.
      maxMissing: 4,
      minAnswered: 1,
      unanswered: 'prorate',
      statement: 'The score is the mean of the activities the patient named and rated (at least one).',
    },
    range: { min: 0, max: 10 },
    unit: 'points',
    decimals: 1,
    direction: 'higher_is_better',
    mcid: {
      points: 2,
      source:
        'Stratford 1995 (Physiother Can 47:258): 2 points for the mean score, 3 points for a single activity',
      note: 'Abbott JH, Schmitt JS. JOSPT 2014;44:560 report 1.3 (small) to 2.7 (large) change.',
    },
  }),
};
