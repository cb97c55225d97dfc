/**
 * Numeric Pain Rating Scale: one 0–10 rating of pain intensity. Free to use; the wording is the
 * product's own.
 */

import type { Instrument } from './instrument.types.ts';
import { everyItemRequired, totalScoring } from './instrument-builders.ts';

export const NPRS: Instrument = {
  resourceType: 'Questionnaire',
  id: 'nprs',
  name: 'NPRS',
  title: 'Numeric Pain Rating Scale',
  version: '11-point (0–10)',
  status: 'active',
  useFor: 'pain intensity, any region',
  recallPeriod: 'now (or the period the clinic sets, e.g. average over the last 24 hours)',
  licence: {
    kind: 'free',
    note: 'Public-domain rating format; no permission needed.',
    officialWordingShipped: true,
  },
  source:
    'Farrar JT et al. Clinical importance of changes in chronic pain intensity measured on an 11-point numerical pain rating scale. Pain 2001;94:149-158. Dworkin RH et al. (IMMPACT) J Pain 2008;9:105-121.',
  item: [
    {
      linkId: 'pain',
      text: 'Pain intensity: 0 = no pain, 10 = worst pain imaginable',
      type: 'integer',
      minValue: 0,
      maxValue: 10,
    },
  ],
  scoring: totalScoring({
    label: 'Pain intensity',
    items: ['pain'],
    aggregate: 'sum',
    missing: everyItemRequired('The single rating is required.'),
    range: { min: 0, max: 10 },
    unit: 'points',
    decimals: 0,
    direction: 'higher_is_worse',
    mcid: {
      points: 2,
      percent: 30,
      source: 'Farrar 2001 (Pain 94:149); IMMPACT consensus, Dworkin 2008',
      note: 'Childs 2005 (Spine 30:1331) reports 2.2 points at one week and 1.5 at four weeks in low back pain.',
    },
    // Cut-points 5 and 7 from Serlin RC et al., Pain 1995;61:277-284 (mild 1–4, moderate 5–6, severe 7–10).
    bands: [
      { from: 0, label: 'no pain' },
      { from: 1, label: 'mild pain' },
      { from: 5, label: 'moderate pain' },
      { from: 7, label: 'severe pain' },
    ],
  }),
};
