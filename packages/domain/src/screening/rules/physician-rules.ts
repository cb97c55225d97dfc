/**
 * The referring physician's own precautions, entered in structured form on the referral. They
 * outrank general rules of thumb, so they pass through the same findings as every other rule and
 * the safety gate enforces them the same way.
 */
import type { Precaution } from '../../referrals/referral.schema.ts';
import type { Modification } from '../types.ts';
import { regionWords } from './local-rules.ts';
import { defineRule, type ScreeningRule } from './rule-types.ts';

const SOURCE = 'Referring physician’s precautions on the active referral';

type ModifyingPrecaution = Exclude<Precaution, { kind: 'avoid_region' }>;

const where = (p: { regions?: { regionId: string; side?: 'left' | 'right' }[] }) =>
  p.regions?.length ? ` on ${regionWords(p.regions)}` : '';

function describe(p: ModifyingPrecaution): { words: string; modification: Modification } {
  const regions = 'regions' in p && p.regions?.length ? { regions: p.regions } : {};
  switch (p.kind) {
    case 'no_deep_pressure':
      return {
        words: `no deep pressure${where(p)}`,
        modification: { excludedTechniqueTags: ['deep_pressure'], ...regions },
      };
    case 'max_pressure':
      return {
        words: `pressure no more than ${p.pressure} of 5${where(p)}`,
        modification: { maxPressure: p.pressure as 1 | 2 | 3 | 4 | 5, ...regions },
      };
    case 'no_position':
      return {
        words: `no ${p.position.replace('_', '-')} position`,
        modification: { excludedPositions: [p.position] },
      };
    case 'no_heat':
      return { words: 'no heat', modification: { excludedTechniqueTags: ['heat'] } };
    case 'no_joint_mobilisation':
      return {
        words: `no joint mobilisation${where(p)}`,
        modification: { excludedTechniqueTags: ['joint_mobilisation'], ...regions },
      };
    case 'max_session_minutes':
      return {
        words: `sessions of at most ${p.minutes} minutes`,
        modification: { maxSessionMinutes: p.minutes },
      };
  }
}

export const PHYSICIAN_RULES: readonly ScreeningRule[] = [
  defineRule({
    id: 'physician.avoid_region',
    severity: 'avoid',
    title: 'Region the referring physician asked to avoid',
    source: SOURCE,
    inputs: ['precautions'],
    when: (ctx) => ctx.precautions.flatMap((p) => (p.kind === 'avoid_region' ? [p.regions] : [])),
    finding: (regions) => ({
      reason: `The referring physician asked to avoid ${regionWords(regions)}.`,
      regions,
    }),
  }),
  defineRule({
    id: 'physician.precaution',
    severity: 'modify',
    title: 'Precaution ordered by the referring physician',
    source: SOURCE,
    inputs: ['precautions'],
    when: (ctx) => ctx.precautions.flatMap((p) => (p.kind === 'avoid_region' ? [] : [describe(p)])),
    finding: ({ words, modification }) => ({
      reason: `The referring physician ordered: ${words}.`,
      modification,
    }),
  }),
];
