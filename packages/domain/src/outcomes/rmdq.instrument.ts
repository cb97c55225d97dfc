/**
 * Roland-Morris Disability Questionnaire (24 items): the patient ticks each statement that applies
 * today; the score is the number ticked. The labels below are the product's own summaries of the
 * statements; the published English form is free for clinical use.
 */

import type { Instrument, InstrumentItem } from './instrument.types.ts';
import { linkIds, totalScoring } from './instrument-builders.ts';

const TOPICS = [
  'Stays at home most of the time',
  'Changes position often to get comfortable',
  'Walks more slowly than usual',
  'Not doing usual jobs around the house',
  'Uses a handrail on stairs',
  'Lies down to rest more often',
  'Holds on to something to get out of an easy chair',
  'Asks others to do things for them',
  'Dresses more slowly than usual',
  'Stands only for short periods',
  'Avoids bending or kneeling',
  'Finds it hard to get out of a chair',
  'Back is painful almost all the time',
  'Finds it hard to turn over in bed',
  'Appetite is reduced',
  'Has trouble putting on socks or stockings',
  'Walks only short distances',
  'Sleeps less well',
  'Needs help to get dressed',
  'Sits down most of the day',
  'Avoids heavy jobs around the house',
  'More irritable or bad-tempered than usual',
  'Goes upstairs more slowly than usual',
  'Stays in bed most of the time',
] as const;

const items: InstrumentItem[] = TOPICS.map((text, index) => ({
  linkId: `rmdq${index + 1}`,
  text: `Because of the back: ${text.toLowerCase()}`,
  type: 'boolean',
}));

export const RMDQ: Instrument = {
  resourceType: 'Questionnaire',
  id: 'rmdq',
  name: 'RMDQ',
  title: 'Roland-Morris Disability Questionnaire',
  version: '24-item',
  status: 'active',
  useFor: 'low back pain',
  recallPeriod: 'today',
  licence: {
    kind: 'free_with_attribution',
    holder: 'the instrument authors (rmdq.org)',
    note: 'Free for clinical use; the product ships its own summaries of the statements, and a clinic may load the published form.',
    officialWordingShipped: false,
  },
  source:
    'Roland M, Morris R. Spine 1983;8:141-144. Roland M, Fairbank J. The Roland-Morris Disability Questionnaire and the Oswestry Disability Questionnaire. Spine 2000;25:3115-3124.',
  item: items,
  scoring: totalScoring(
    {
      label: 'Roland-Morris score',
      items: linkIds(items),
      aggregate: 'sum',
      missing: {
        maxMissing: 24,
        unanswered: 'count_as_zero',
        statement:
          'The form is a checklist: a statement not ticked (or marked not applicable) scores 0 (Roland & Fairbank 2000).',
      },
      range: { min: 0, max: 24 },
      unit: 'points',
      decimals: 0,
      direction: 'higher_is_worse',
      mcid: {
        points: 5,
        percent: 30,
        source: 'Ostelo RWJG et al. Spine 2008;33(1):90-94 (consensus: 5 points or 30 % improvement)',
      },
    },
    { multipleMarks: 'take_highest' },
  ),
};
