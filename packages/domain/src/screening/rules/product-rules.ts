/**
 * Allergies that decide what touches the skin: the lubricant, the gloves, the scent in the room.
 * Each rule reads the allergy's category and also the substance as written, so "almond oil"
 * recorded under "massage oil" or a peanut food allergy still brings the nut-free advice. Only
 * current items reach the engine: a retired or corrected allergy no longer fires.
 */
import type { Allergy } from '../../patients/health-history.schema.ts';
import { normalizeForSearch } from '../../patients/name-search.ts';
import type { ScreeningContext } from '../screening-context.ts';
import { defineRule, type ScreeningRule } from './rule-types.ts';
import { cite } from './sources.ts';

type Category = Allergy['category'];

/** Nuts (and peanut) whose oils and butters are common in massage lubricants, with label names. */
const NUT_WORDS = [
  'nut',
  'almond',
  'amygdalus',
  'walnut',
  'juglans',
  'macadamia',
  'hazelnut',
  'corylus',
  'peanut',
  'arachis',
  'cashew',
  'pecan',
  'pistachio',
  'brazil',
  'kukui',
  'shea',
  'butyrospermum',
];
const LATEX_WORDS = ['latex', 'rubber'];
const SCENT_WORDS = ['fragrance', 'perfume', 'parfum', 'scent', 'essential oil', 'aromatherapy'];

const names = (a: Allergy, words: readonly string[]) => {
  const text = normalizeForSearch(a.substance);
  // Whole words, so "nutmeg" is not a nut and "coconut" is left to the category the therapist chose.
  return words.some((w) => new RegExp(`(^|[^a-z])${w}s?([^a-z]|$)`).test(text));
};

function allergiesOf(
  ctx: ScreeningContext,
  categories: readonly Category[],
  words: readonly string[] = [],
): Allergy[] {
  return ctx.allergies.filter((a) => categories.includes(a.category) || names(a, words));
}

const substances = (list: readonly Allergy[]) => [...new Set(list.map((a) => a.substance))].join(', ');
const severe = (list: readonly Allergy[]) => list.some((a) => a.severity === 'severe');

/** One finding per rule however many matching allergies, so the list stays short. */
const all = <T>(list: T[]): T[][] => (list.length > 0 ? [list] : []);

export const PRODUCT_RULES: readonly ScreeningRule[] = [
  defineRule({
    id: 'modify.allergy_nut_oil',
    severity: 'modify',
    title: 'Nut or peanut allergy: nut-free lubricant',
    source: cite('nutOil', 'pathology'),
    inputs: ['history.allergies'],
    // A food allergy counts when it names a nut: peanut (arachis) oil is also a massage lubricant.
    when: (ctx) => all(allergiesOf(ctx, ['nut_oil'], NUT_WORDS)),
    finding: (list) => ({
      reason: `Allergic to ${substances(list)}: use a nut-free lubricant — no almond, walnut, macadamia, hazelnut, peanut (arachis), kukui or shea oils or butters.`,
      modification: {
        advice: [
          'Read the label of every oil, lotion and balm: sweet almond is "Prunus Amygdalus Dulcis", peanut "Arachis Hypogaea", shea "Butyrospermum Parkii".',
          ...(severe(list)
            ? ['Severe reaction on record: ask where the patient keeps their epinephrine auto-injector.']
            : []),
        ],
      },
    }),
  }),
  defineRule({
    id: 'modify.allergy_latex',
    severity: 'modify',
    title: 'Latex allergy: no latex gloves or bands, nitrile only',
    source: cite('latex'),
    inputs: ['history.allergies'],
    when: (ctx) => all(allergiesOf(ctx, ['latex'], LATEX_WORDS)),
    finding: (list) => ({
      reason: `Allergic to ${substances(list)}: no latex gloves, resistance bands or bolsters with latex covers; use nitrile gloves.`,
      modification: {
        advice: [
          'Check bands, cupping sets and table covers for natural rubber.',
          ...(severe(list)
            ? ['Severe reaction on record: ask where the patient keeps their epinephrine auto-injector.']
            : []),
        ],
      },
    }),
  }),
  defineRule({
    id: 'modify.allergy_fragrance',
    severity: 'modify',
    title: 'Fragrance or essential-oil allergy: unscented products',
    source: cite('essentialOils', 'pathology'),
    inputs: ['history.allergies'],
    when: (ctx) => all(allergiesOf(ctx, ['fragrance', 'essential_oil'], SCENT_WORDS)),
    finding: (list) => ({
      reason: `Allergic to ${substances(list)}: unscented products only — no essential oils, aromatherapy blends or scented lotions, and no diffuser in the room.`,
      modification: {
        advice: ['"Unscented" on a label can still hide a masking fragrance: look for "fragrance-free".'],
      },
    }),
  }),
  defineRule({
    id: 'modify.allergy_lubricant',
    severity: 'modify',
    title: 'Massage oil or lotion allergy: choose another lubricant, patch test',
    source: cite('productTest', 'pathology'),
    inputs: ['history.allergies'],
    when: (ctx) => all(allergiesOf(ctx, ['massage_oil', 'lotion_ingredient'])),
    finding: (list) => ({
      reason: `Reacted to ${substances(list)}: choose another lubricant, and patch test anything new before using it over a large area.`,
      modification: {
        advice: [
          'Patch test: a small spot on the inner forearm, looked at before the session; the patient can repeat it twice daily at home for 7–10 days.',
        ],
      },
    }),
  }),
];

/** The header already shows each allergy; these findings add the product advice in the screening. */
export const PRODUCT_RULE_IDS: ReadonlySet<string> = new Set(PRODUCT_RULES.map((r) => r.id));
