/**
 * Modify: treat, but adapted — lighter pressure, other positions, shorter sessions, fewer
 * techniques, more check-ins, or written clearance first.
 */
import { BODY_REGIONS, type BodyRegion, ENDANGERMENT_SITES } from '../../body/regions.ts';
import { addDays } from '../../patients/calendar-date.ts';
import { DEFAULT_SITES } from '../condition-concepts.ts';
import { hasMedication, withConcept } from '../screening-context.ts';
import type { RegionTarget } from '../types.ts';
import { regionWords } from './local-rules.ts';
import { defineRule, once, type ScreeningRule } from './rule-types.ts';
import { cite } from './sources.ts';

/** The lateral regions of the areas a lymph-node basin drains, on the side of the removal. */
const QUADRANT_AREAS: Record<'axillary' | 'inguinal' | 'cervical', BodyRegion['area'][]> = {
  axillary: ['upper_limb', 'trunk'],
  inguinal: ['lower_limb'],
  cervical: ['head_neck'],
};

function quadrant(site: keyof typeof QUADRANT_AREAS, side: 'left' | 'right'): RegionTarget[] {
  const areas = QUADRANT_AREAS[site];
  const trunkAbove = ['chest', 'breast', 'scapular', 'scapula_medial_border'];
  return BODY_REGIONS.filter(
    (r) => r.lateral && areas.includes(r.area) && (r.area !== 'trunk' || trunkAbove.includes(r.id)),
  ).map((r) => ({ regionId: r.id, side }));
}

const AT_RISK_WORDS = {
  axillary: 'arm and chest are',
  inguinal: 'leg is',
  cervical: 'side of the neck is',
} as const;

const PAIN_MASKING = ['opioid_analgesic', 'other_analgesic', 'nsaid', 'muscle_relaxant'] as const;

export const MODIFY_RULES: readonly ScreeningRule[] = [
  defineRule({
    id: 'modify.bleeding_risk',
    severity: 'modify',
    title: 'Anticoagulant, antiplatelet or bleeding disorder: light pressure',
    source: cite('pathology', 'mblex'),
    inputs: ['history.medications', 'dayOf.newMedications', 'history.conditions'],
    when: (ctx) =>
      once(
        hasMedication(ctx, 'anticoagulant', 'antiplatelet') ||
          withConcept(ctx, 'bleeding_disorder').length > 0,
      ),
    finding: () => ({
      reason:
        'Bleeds and bruises easily (blood thinner or bleeding disorder): light pressure only, no deep or vigorous work.',
      modification: {
        maxPressure: 2,
        // The ceiling keeps sustained compression (trigger point work) light; the reference rules
        // out deep and vigorous work, not light sustained pressure.
        excludedTechniqueTags: ['deep_pressure', 'vigorous', 'friction'],
      },
    }),
  }),
  defineRule({
    id: 'modify.osteoporosis',
    severity: 'modify',
    title: 'Osteoporosis: no deep pressure or forceful mobilisation',
    source: cite('pathology', 'decisionTree'),
    inputs: ['history.conditions'],
    when: (ctx) => once(withConcept(ctx, 'osteoporosis').length > 0),
    finding: () => ({
      reason: 'Fragile bones (osteoporosis): no deep pressure and no forceful joint mobilisation.',
      modification: {
        maxPressure: 3,
        excludedTechniqueTags: ['deep_pressure', 'joint_mobilisation', 'vigorous'],
      },
    }),
  }),
  defineRule({
    id: 'modify.cancer',
    severity: 'modify',
    title: 'Active cancer: oncologist consent for deep work',
    source: cite('oncology'),
    inputs: ['history.conditions', 'history.medications'],
    when: (ctx) => once(withConcept(ctx, 'cancer').length > 0 || hasMedication(ctx, 'chemotherapy')),
    finding: () => ({
      reason: 'Cancer under treatment: gentle work only unless the oncologist has consented to deeper work.',
      modification: {
        excludedTechniqueTags: ['deep_pressure', 'vigorous'],
        clearanceNeeded: 'Oncologist consent for deep work',
        advice: ['Ask about ports, lines, bone metastases and fatigue before each session.'],
      },
    }),
  }),
  defineRule({
    id: 'modify.radiation_skin',
    severity: 'modify',
    title: 'Past radiation field: light touch',
    source: cite('oncology'),
    inputs: ['history.radiation'],
    when: (ctx) =>
      ctx.radiation.filter(
        (r) => r.endedOn !== undefined && ctx.asOf > addDays(r.endedOn, ctx.thresholds.radiationAvoidDays),
      ),
    finding: (radiation) => ({
      reason: `Irradiated skin at ${regionWords(radiation.regions)}: light touch only there, no heat or friction.`,
      modification: {
        maxPressure: 1,
        excludedTechniqueTags: ['heat', 'friction', 'deep_pressure'],
        regions: radiation.regions,
      },
    }),
  }),
  defineRule({
    id: 'modify.lymph_node_quadrant',
    severity: 'modify',
    title: 'Lymph nodes removed: no deep work in the at-risk quadrant',
    source: cite('oncology'),
    inputs: ['history.surgeries'],
    when: (ctx) => ctx.procedures.flatMap((p) => (p.lymphNodeRemoval ? [p.lymphNodeRemoval] : [])),
    finding: (removal) => ({
      reason: `Lymph nodes removed (${removal.site}, ${removal.side}): the ${removal.side} ${AT_RISK_WORDS[removal.site]} at risk of lymphoedema. Light pressure there, no deep work or heat.`,
      modification: {
        maxPressure: 2,
        excludedTechniqueTags: ['deep_pressure', 'sustained_compression', 'vigorous', 'heat'],
        regions: quadrant(removal.site, removal.side),
        advice: ['Ask about swelling, heaviness or tightness in that limb; refer if new.'],
      },
    }),
  }),
  defineRule({
    id: 'modify.lymphedema',
    severity: 'modify',
    title: 'Lymphoedema: light pressure, no heat',
    source: cite('oncology', 'pathology'),
    inputs: ['history.conditions'],
    when: (ctx) => withConcept(ctx, 'lymphedema'),
    finding: ({ condition }) => ({
      reason: `Lymphoedema${condition.regions?.length ? ` at ${regionWords(condition.regions)}` : ''}: light pressure only over the affected area, no deep work or heat.`,
      modification: {
        maxPressure: 1,
        excludedTechniqueTags: ['deep_pressure', 'sustained_compression', 'vigorous', 'heat', 'friction'],
        ...(condition.regions?.length ? { regions: condition.regions } : {}),
      },
    }),
  }),
  defineRule({
    id: 'modify.diabetic_neuropathy',
    severity: 'modify',
    title: 'Diabetic neuropathy: no deep pressure over numb areas',
    source: cite('pathology', 'decisionTree'),
    inputs: ['history.conditions'],
    when: (ctx) => withConcept(ctx, 'diabetic_neuropathy'),
    finding: ({ condition }) => {
      const regions = condition.regions ?? DEFAULT_SITES.diabetic_neuropathy ?? [];
      return {
        reason: `Reduced feeling (diabetic neuropathy) at ${regionWords(regions)}: the patient cannot warn of too much pressure there.`,
        modification: {
          maxPressure: 2,
          excludedTechniqueTags: ['deep_pressure', 'heat'],
          regions,
          advice: ['Look at the skin of the feet for wounds before treating.'],
        },
      };
    },
  }),
  defineRule({
    id: 'modify.hypertension',
    severity: 'modify',
    title: 'Controlled hypertension or a raised reading: no abrupt position changes or vigorous work',
    source: cite('hypertension', 'pathology'),
    inputs: ['history.conditions', 'history.medications', 'dayOf.bloodPressure'],
    when: (ctx) => {
      const bp = ctx.bloodPressure;
      const t = ctx.thresholds;
      if (bp && (bp.systolic >= t.severeSystolic || bp.diastolic >= t.severeDiastolic)) return [];
      const raised =
        bp !== undefined && (bp.systolic >= t.elevatedSystolic || bp.diastolic >= t.elevatedDiastolic);
      const known = withConcept(ctx, 'hypertension').length > 0 || hasMedication(ctx, 'antihypertensive');
      return once((raised || known) && { reading: raised ? bp : undefined });
    },
    finding: ({ reading }) => ({
      reason: reading
        ? `Blood pressure ${reading.systolic}/${reading.diastolic} mmHg is raised: no vigorous work, slow position changes; suggest the patient has it checked.`
        : 'High blood pressure (treated): no vigorous work, and let the patient sit up slowly at the end.',
      modification: {
        excludedTechniqueTags: ['vigorous'],
        advice: ['Change positions slowly; sit a moment before standing.'],
      },
    }),
  }),
  defineRule({
    id: 'modify.ms_remission',
    severity: 'modify',
    title: 'Multiple sclerosis in remission: short, cool, non-fatiguing sessions',
    source: cite('multipleSclerosis', 'pathology'),
    inputs: ['history.conditions'],
    when: (ctx) => once(withConcept(ctx, 'multiple_sclerosis').some((c) => c.condition.flare !== true)),
    finding: () => ({
      reason:
        'Multiple sclerosis: heat and fatigue can bring symptoms on. Keep the room cool, the session short, with breaks and slow movements.',
      modification: {
        maxSessionMinutes: 45,
        checkInEveryMinutes: 10,
        excludedTechniqueTags: ['heat', 'vigorous'],
        advice: ['Slow, gentle movements; pause if the patient tires.'],
      },
    }),
  }),
  defineRule({
    id: 'modify.corticosteroid',
    severity: 'modify',
    title: 'Corticosteroids: reduced pressure',
    source: cite('pathology', 'decisionTree'),
    inputs: ['history.medications', 'dayOf.newMedications'],
    when: (ctx) => once(hasMedication(ctx, 'corticosteroid')),
    finding: () => ({
      reason: 'Long-term steroids thin the skin and weaken bones and tendons: reduced pressure, no friction.',
      modification: { maxPressure: 3, excludedTechniqueTags: ['deep_pressure', 'friction'] },
    }),
  }),
  defineRule({
    id: 'modify.pain_masking_medication',
    severity: 'modify',
    title: 'Analgesics, NSAIDs or muscle relaxants: lighter pressure, frequent check-ins',
    source: cite('pathology', 'decisionTree'),
    inputs: ['history.medications', 'dayOf.newMedications'],
    when: (ctx) => {
      const classes = PAIN_MASKING.filter((c) => ctx.medicationClasses.has(c));
      return once(classes.length > 0 && classes);
    },
    finding: () => ({
      reason:
        'Pain medicine or a muscle relaxant dulls the warning signs of too much pressure: work lighter and check in often.',
      modification: { maxPressure: 3, checkInEveryMinutes: 10 },
    }),
  }),
  defineRule({
    id: 'modify.feeling_unwell',
    severity: 'modify',
    title: 'Feeling unwell without a specific stop symptom',
    source: cite('mblex'),
    inputs: ['dayOf.feelingUnwell'],
    when: (ctx) => once(ctx.feelingUnwell),
    finding: () => ({
      reason:
        'The patient feels unwell today: ask what is wrong before starting, keep it short and postpone if it may be an infection.',
      modification: { maxSessionMinutes: 30, checkInEveryMinutes: 10, excludedTechniqueTags: ['vigorous'] },
    }),
  }),
  defineRule({
    id: 'modify.endangerment_sites',
    severity: 'modify',
    title: 'Endangerment sites: no deep sustained pressure',
    source: cite('mblex', 'pathology'),
    inputs: [],
    standing: true,
    when: () => once(true),
    finding: () => {
      const regions = ENDANGERMENT_SITES.map((regionId) => ({ regionId }));
      return {
        reason: `Nerves and vessels lie close to the surface at ${regionWords(regions)}: never deep or sustained pressure there.`,
        modification: { excludedTechniqueTags: ['deep_pressure', 'sustained_compression'], regions },
      };
    },
  }),
];
