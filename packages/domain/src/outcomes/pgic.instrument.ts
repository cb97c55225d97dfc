/**
 * Patient Global Impression of Change: the patient rates the change since care began on seven
 * levels, 1 = very much improved … 7 = very much worse. It rates change itself, so a single
 * administration answers "did the patient improve?"; "much" or "very much improved" counts as an
 * important improvement, the anchor used to derive the NPRS MCID.
 */

import type { Instrument } from './instrument.types.ts';
import { everyItemRequired, ordinalOptions, totalScoring } from './instrument-builders.ts';

const LEVELS = [
  'very much improved',
  'much improved',
  'minimally improved',
  'no change',
  'minimally worse',
  'much worse',
  'very much worse',
] as const;

export const PGIC: Instrument = {
  resourceType: 'Questionnaire',
  id: 'pgic',
  name: 'PGIC',
  title: 'Patient Global Impression of Change',
  version: '7-point (CGI-I format)',
  status: 'active',
  useFor: 'overall change since the start of care, any condition',
  recallPeriod: 'since the start of care',
  licence: {
    kind: 'free',
    note: 'Public-domain rating format (adapted from the Clinical Global Impressions scale, ECDEU 1976).',
    officialWordingShipped: true,
  },
  source:
    'Guy W. ECDEU Assessment Manual for Psychopharmacology, 1976 (CGI-I levels). Farrar JT et al. Pain 2001;94:149-158 ("much" or "very much improved" as the clinically important anchor).',
  item: [
    {
      linkId: 'change',
      text: 'Since care began, how would you describe the change in your condition overall?',
      type: 'choice',
      answerOption: ordinalOptions(LEVELS, 1),
    },
  ],
  scoring: totalScoring(
    {
      label: 'Global impression of change',
      items: ['change'],
      aggregate: 'sum',
      missing: everyItemRequired('The single rating is required.'),
      range: { min: 1, max: 7 },
      unit: 'points',
      decimals: 0,
      direction: 'higher_is_worse',
      mcid: {
        source: 'Farrar 2001 (Pain 94:149)',
        note: 'Self-rated: 1–2 counts as an important improvement, 6–7 as an important worsening.',
      },
      bands: LEVELS.map((label, index) => ({ from: index + 1, label })),
    },
    { change: { kind: 'self_rated', improvedAtMost: 2, worsenedAtLeast: 6 } },
  ),
};
