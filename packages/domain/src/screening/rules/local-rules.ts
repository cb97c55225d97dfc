/**
 * Avoid: leave a body region untreated and treat the rest. Each finding names the regions from the
 * body-region catalogue so that the plan, the body chart and the safety gate speak of the same
 * places.
 */
import { findRegion } from '../../body/regions.ts';
import { addDays as addDaysIso } from '../../patients/calendar-date.ts';
import type { Injury } from '../../patients/health-history.schema.ts';
import type { ConditionConcept } from '../condition-concepts.ts';
import { DEFAULT_SITES } from '../condition-concepts.ts';
import { type ScreeningContext, withConcept } from '../screening-context.ts';
import type { RegionTarget } from '../types.ts';
import { defineRule, type ScreeningRule } from './rule-types.ts';
import { cite } from './sources.ts';

/** "Low back (lumbar)", "Calf (left)" — how a reason names the places. */
export function regionWords(regions: readonly RegionTarget[]): string {
  return regions
    .map((r) => {
      const label = findRegion(r.regionId)?.label ?? r.regionId;
      return r.side ? `${label} (${r.side})` : label;
    })
    .join(', ');
}

const ago = (days: number) => (days === 0 ? 'today' : days === 1 ? '1 day ago' : `${days} days ago`);

const injuriesOf = (ctx: ScreeningContext, kinds: readonly Injury['kind'][], withinDays?: number) =>
  ctx.injuries.filter(
    (i) =>
      kinds.includes(i.kind) &&
      (withinDays === undefined
        ? i.healedOn === undefined || i.healedOn > ctx.asOf
        : i.daysAgo <= withinDays),
  );

const INJURY_WORDS: Record<Injury['kind'], string> = {
  fracture: 'Fracture',
  sprain: 'Sprain',
  strain: 'Strain',
  bruise: 'Bruise',
  dislocation: 'Dislocation',
  wound: 'Open or healing wound',
  burn: 'Burn',
  skin_infection: 'Skin infection',
  other: 'Injury',
};

const conditionSites = (ctx: ScreeningContext, concepts: readonly ConditionConcept[]) =>
  ctx.conditions
    .filter((c) => concepts.some((concept) => c.concepts.has(concept)))
    .map((c) => {
      const concept = concepts.find((k) => c.concepts.has(k));
      const regions = c.condition.regions ?? (concept ? DEFAULT_SITES[concept] : undefined) ?? [];
      return { condition: c.condition, regions };
    });

export const LOCAL_RULES: readonly ScreeningRule[] = [
  defineRule({
    id: 'avoid.wound_burn_skin_infection',
    severity: 'avoid',
    title: 'Open or healing wound, burn, skin infection or contagious rash',
    source: cite('mblex', 'pathology'),
    inputs: ['history.injuries', 'dayOf.newInjuries', 'history.conditions'],
    when: (ctx) => [
      ...injuriesOf(ctx, ['wound', 'burn', 'skin_infection']).map((i) => ({
        what: INJURY_WORDS[i.kind],
        regions: i.regions,
      })),
      ...conditionSites(ctx, ['skin_infection'])
        .filter((c) => c.regions.length > 0)
        .map((c) => ({ what: 'Skin infection or rash', regions: c.regions })),
    ],
    finding: ({ what, regions }) => ({
      reason: `${what} at ${regionWords(regions)}: do not touch the area until it has healed.`,
      regions,
    }),
  }),
  defineRule({
    id: 'avoid.fracture_recent',
    severity: 'avoid',
    title: 'Fracture within 6 weeks',
    source: cite('pathology', 'mblex'),
    inputs: ['history.injuries', 'dayOf.newInjuries'],
    when: (ctx) => injuriesOf(ctx, ['fracture'], ctx.thresholds.fractureDays),
    finding: (injury) => ({
      reason: `Fracture at ${regionWords(injury.regions)} ${ago(injury.daysAgo)}: bone is still healing. Leave the site untreated.`,
      regions: injury.regions,
    }),
  }),
  defineRule({
    id: 'avoid.acute_sprain_bruise',
    severity: 'avoid',
    title: 'Acute sprain, strain, dislocation or bruise within about a week',
    source: cite('pathology', 'mblex'),
    inputs: ['history.injuries', 'dayOf.newInjuries'],
    when: (ctx) =>
      injuriesOf(ctx, ['sprain', 'strain', 'bruise', 'dislocation'], ctx.thresholds.sprainBruiseDays),
    finding: (injury) => ({
      reason: `${INJURY_WORDS[injury.kind]} at ${regionWords(injury.regions)} ${ago(injury.daysAgo)} is still acute. Leave it untreated for now.`,
      regions: injury.regions,
    }),
  }),
  defineRule({
    id: 'avoid.surgical_site_recent',
    severity: 'avoid',
    title: 'Surgical or procedure site within 6 weeks (or as the surgeon directs)',
    source: cite('pathology', 'decisionTree'),
    inputs: ['history.surgeries', 'dayOf.recentProcedures'],
    when: (ctx) =>
      ctx.procedures.filter(
        (p) =>
          p.daysAgo <= ctx.thresholds.surgicalSiteDays ||
          (p.avoidUntil !== undefined && ctx.asOf <= p.avoidUntil),
      ),
    finding: (procedure) => ({
      reason: `${procedure.description} ${ago(procedure.daysAgo)}: avoid the surgical site (${regionWords(procedure.regions)}) while it heals${procedure.avoidUntil ? `, until ${procedure.avoidUntil} as the surgeon asked` : ''}.`,
      regions: procedure.regions,
    }),
  }),
  defineRule({
    id: 'avoid.vascular',
    severity: 'avoid',
    title: 'Varicose veins, phlebitis or aneurysm',
    source: cite('pathology', 'mblex'),
    inputs: ['history.conditions'],
    when: (ctx) =>
      conditionSites(ctx, ['varicose_veins', 'phlebitis', 'aneurysm']).filter((c) => c.regions.length > 0),
    finding: ({ regions }) => ({
      reason: `Fragile or inflamed blood vessels at ${regionWords(regions)}: no pressure over them.`,
      regions,
    }),
  }),
  defineRule({
    id: 'avoid.joint_flare',
    severity: 'avoid',
    title: 'Acute inflammatory flare at a joint',
    source: cite('pathology', 'decisionTree'),
    inputs: ['history.conditions'],
    when: (ctx) => withConcept(ctx, 'inflammatory_joint').filter((c) => c.condition.flare === true),
    finding: ({ condition }) => ({
      reason: condition.regions?.length
        ? `Inflammatory flare at ${regionWords(condition.regions)}: leave the flaring joints untreated.`
        : 'Inflammatory arthritis is flaring: ask which joints are hot or swollen and leave them untreated.',
      regions: condition.regions ?? [],
    }),
  }),
  defineRule({
    id: 'avoid.tumour_site',
    severity: 'avoid',
    title: 'Tumour site',
    source: cite('oncology', 'pathology'),
    inputs: ['history.conditions'],
    when: (ctx) => withConcept(ctx, 'cancer').filter((c) => (c.condition.regions ?? []).length > 0),
    finding: ({ condition }) => {
      const regions = condition.regions ?? [];
      return { reason: `No pressure over the tumour site (${regionWords(regions)}).`, regions };
    },
  }),
  defineRule({
    id: 'avoid.radiation_field',
    severity: 'avoid',
    title: 'Radiation field during treatment and 6 weeks after',
    source: cite('oncology'),
    inputs: ['history.radiation'],
    when: (ctx) =>
      ctx.radiation.filter(
        (r) =>
          r.endedOn === undefined || ctx.asOf <= addDaysIso(r.endedOn, ctx.thresholds.radiationAvoidDays),
      ),
    finding: (radiation) => ({
      reason: `${radiation.endedOn ? `Radiation ended ${radiation.endedOn}` : 'Radiation therapy is ongoing'}: the skin of the field (${regionWords(radiation.regions)}) is fragile. Do not treat it.`,
      regions: radiation.regions,
    }),
  }),
];
