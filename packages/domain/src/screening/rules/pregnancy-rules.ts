/**
 * Pregnancy: how to adapt by gestational week. The week comes from the due date (pregnancy.ts), so
 * the advice moves on by itself from visit to visit.
 */
import { regionsInArea } from '../../body/regions.ts';
import { defineRule, once, type ScreeningRule } from './rule-types.ts';
import { cite } from './sources.ts';

const LEGS = regionsInArea('lower_limb').map((region) => ({ regionId: region.id }));

export const PREGNANCY_RULES: readonly ScreeningRule[] = [
  defineRule({
    id: 'modify.pregnancy_first_trimester',
    severity: 'modify',
    title: 'Pregnancy, first trimester (before 14 weeks 0 days)',
    source: cite('trimesters', 'pathology'),
    inputs: ['history.pregnancy', 'dayOf.pregnancyUpdate'],
    when: (ctx) => once(ctx.pregnancy?.trimester === 1 && ctx.pregnancy),
    finding: (pregnancy) => ({
      reason: `${pregnancy.label} pregnant (first trimester): gentle work, no deep abdominal work, no heat that raises core temperature.`,
      modification: {
        excludedTechniqueTags: ['abdominal_work', 'heat'],
        checkInEveryMinutes: 15,
        advice: ['Ask about nausea and dizziness; let the patient change position slowly.'],
      },
    }),
  }),
  defineRule({
    id: 'modify.pregnancy_no_supine',
    severity: 'modify',
    title: 'Pregnancy from 20 weeks: no supine or prone, side-lying',
    source: cite('pregnancy', 'pathology'),
    inputs: ['history.pregnancy', 'dayOf.pregnancyUpdate'],
    when: (ctx) =>
      once(
        ctx.pregnancy !== undefined &&
          ctx.pregnancy.weeks >= ctx.thresholds.noSupineFromWeek &&
          ctx.pregnancy,
      ),
    finding: (pregnancy) => ({
      reason: `${pregnancy.label} pregnant: lying on the back can press on the large blood vessels and lying face down on the abdomen. Use side-lying with pillows.`,
      modification: { excludedPositions: ['supine', 'prone'], preferredPosition: 'side_lying' },
    }),
  }),
  defineRule({
    id: 'modify.pregnancy_legs',
    severity: 'modify',
    title: 'Pregnancy: no deep pressure on the legs',
    source: cite('pathology', 'decisionTree'),
    inputs: ['history.pregnancy', 'dayOf.pregnancyUpdate'],
    when: (ctx) => once(ctx.pregnancy),
    finding: () => ({
      reason: 'Pregnancy raises the risk of blood clots in the legs: no deep pressure on the legs.',
      modification: { excludedTechniqueTags: ['deep_pressure'], regions: LEGS },
    }),
  }),
  defineRule({
    id: 'modify.pregnancy_high_risk',
    severity: 'modify',
    title: 'High-risk pregnancy: physician clearance',
    source: cite('pathology', 'decisionTree'),
    inputs: ['history.pregnancy', 'dayOf.pregnancyUpdate'],
    when: (ctx) => once(ctx.pregnancy?.highRisk === true),
    finding: () => ({
      reason: 'The pregnancy is high-risk: treat only with written clearance from the obstetric provider.',
      modification: { clearanceNeeded: 'Physician clearance (high-risk pregnancy)' },
    }),
  }),
];
