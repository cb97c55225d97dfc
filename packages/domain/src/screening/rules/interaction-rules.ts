/**
 * Medication interactions that matter to touch: combinations whose risk is more than either drug
 * alone. An SSRI or SNRI on its own does not fire here; with an NSAID, aspirin or another
 * antiplatelet, or an anticoagulant, the bleeding and bruising risk adds up (the drugs' own US
 * labelling says so, and the reviews cited quantify it).
 */
import type { MedicationClass } from '../../patients/health-history.schema.ts';
import { hasMedication } from '../screening-context.ts';
import { defineRule, once, type ScreeningRule } from './rule-types.ts';
import { cite } from './sources.ts';

const SEROTONIN_REUPTAKE: readonly MedicationClass[] = ['ssri', 'snri'];
const BLEEDING_PARTNERS: readonly MedicationClass[] = ['nsaid', 'antiplatelet', 'anticoagulant'];

const PARTNER_WORDS: Record<string, string> = {
  nsaid: 'an anti-inflammatory (NSAID)',
  antiplatelet: 'aspirin or another antiplatelet',
  anticoagulant: 'a blood thinner',
};

export const INTERACTION_RULES: readonly ScreeningRule[] = [
  defineRule({
    id: 'modify.serotonergic_bleeding',
    severity: 'modify',
    title: 'SSRI or SNRI with an NSAID, antiplatelet or anticoagulant: bleeding and bruising risk',
    source: cite('ssriLabel', 'ssriReview'),
    inputs: ['history.medications', 'dayOf.newMedications'],
    when: (ctx) => {
      if (!hasMedication(ctx, ...SEROTONIN_REUPTAKE)) return [];
      const partners = BLEEDING_PARTNERS.filter((c) => ctx.medicationClasses.has(c));
      return once(partners.length > 0 && partners);
    },
    finding: (partners) => ({
      reason: `Bruises and bleeds more easily: an antidepressant of the SSRI/SNRI kind taken with ${partners
        .map((p) => PARTNER_WORDS[p] ?? p)
        .join(' and ')}. Lighter pressure, no deep work, and watch for bruising.`,
      modification: {
        maxPressure: 3,
        excludedTechniqueTags: ['deep_pressure', 'vigorous'],
        advice: [
          'Ask whether bruises appeared after the last session, and look before you start.',
          'Stop pressing where the skin reddens unusually or a bruise shows.',
        ],
      },
    }),
  }),
];
