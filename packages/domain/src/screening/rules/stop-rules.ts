/**
 * Stop: postpone the session. These are the situations in which massage may spread an illness,
 * dislodge a clot, or delay care the patient needs now.
 */

import type { ConditionConcept } from '../condition-concepts.ts';
import { type ScreeningContext, withConcept } from '../screening-context.ts';
import type { DaySymptom } from '../screening-input.schema.ts';
import { defineRule, once, type ScreeningRule } from './rule-types.ts';
import { cite } from './sources.ts';

const symptomsOf = (ctx: ScreeningContext, wanted: readonly DaySymptom[]) =>
  wanted.filter((s) => ctx.symptoms.has(s));

/** Fires on either a day-of symptom or an active coded condition that points to the same danger. */
function symptomsOrConditions(
  ctx: ScreeningContext,
  wanted: readonly DaySymptom[],
  concept: ConditionConcept,
) {
  const symptoms = symptomsOf(ctx, wanted);
  const conditions = withConcept(ctx, concept);
  return once((symptoms.length > 0 || conditions.length > 0) && { symptoms, conditions });
}

const SYMPTOM_WORDS: Record<DaySymptom, string> = {
  fever_or_chills: 'fever or chills',
  contagious_illness: 'a contagious illness',
  vomiting_or_diarrhoea: 'vomiting or diarrhoea',
  calf_pain_swelling: 'pain, warmth or swelling in a calf',
  sudden_breathlessness: 'sudden shortness of breath',
  chest_pain: 'chest pain',
  sudden_severe_headache: 'a sudden severe headache',
  new_numbness_or_weakness: 'new numbness or weakness',
  fainting_or_dizziness: 'fainting or dizziness',
};

const listed = (symptoms: readonly DaySymptom[]) => symptoms.map((s) => SYMPTOM_WORDS[s]).join(', ');

const conditionNames = (items: { condition: { code?: string; label?: string } }[]) =>
  items.map((c) => c.condition.label ?? c.condition.code).join(', ');

export const STOP_RULES: readonly ScreeningRule[] = [
  defineRule({
    id: 'stop.fever',
    severity: 'stop',
    title: 'Fever ≥ 38.0 °C (100.4 °F)',
    source: cite('fever', 'mblex'),
    inputs: ['dayOf.temperature'],
    when: (ctx) =>
      once(
        ctx.temperatureCelsius !== undefined &&
          ctx.temperatureCelsius >= ctx.thresholds.feverCelsius &&
          ctx.temperatureCelsius,
      ),
    finding: (celsius) => ({
      reason: `Temperature ${celsius.toFixed(1)} °C is a fever. Postpone until the fever has gone for at least a day.`,
    }),
  }),
  defineRule({
    id: 'stop.acute_infection',
    severity: 'stop',
    title: 'Acute systemic or contagious infection',
    source: cite('mblex', 'pathology'),
    inputs: ['dayOf.symptoms', 'history.conditions'],
    when: (ctx) =>
      symptomsOrConditions(
        ctx,
        ['fever_or_chills', 'contagious_illness', 'vomiting_or_diarrhoea'],
        'acute_infection',
      ),
    finding: ({ symptoms, conditions }) => ({
      reason: `${symptoms.length ? `Reports ${listed(symptoms)}` : `Active infection (${conditionNames(conditions)})`}. Massage can worsen a systemic infection and spread a contagious one: postpone until recovered.`,
    }),
  }),
  defineRule({
    id: 'stop.dvt_pe',
    severity: 'stop',
    title: 'Known or suspected deep-vein thrombosis or pulmonary embolism',
    source: cite('dvt', 'pathology'),
    inputs: ['dayOf.symptoms', 'history.conditions'],
    when: (ctx) => symptomsOrConditions(ctx, ['calf_pain_swelling', 'sudden_breathlessness'], 'dvt_pe'),
    finding: ({ symptoms }) => ({
      reason: symptoms.length
        ? `Reports ${listed(symptoms)}, which may be a blood clot. Do not massage; the patient should be seen by a physician today.`
        : 'A blood clot (DVT or pulmonary embolism) is on record as active. Massage could dislodge it: postpone until the physician clears treatment.',
    }),
  }),
  defineRule({
    id: 'stop.blood_pressure_severe',
    severity: 'stop',
    title: 'Blood pressure ≥ 180 systolic or ≥ 110 diastolic (grade 3)',
    source: cite('hypertension'),
    inputs: ['dayOf.bloodPressure'],
    when: (ctx) => {
      const bp = ctx.bloodPressure;
      const { severeSystolic, severeDiastolic } = ctx.thresholds;
      return once(
        bp !== undefined && (bp.systolic >= severeSystolic || bp.diastolic >= severeDiastolic) && bp,
      );
    },
    finding: (bp) => ({
      reason: `Blood pressure ${bp.systolic}/${bp.diastolic} mmHg is severely high. Postpone and advise the patient to contact their physician today.`,
    }),
  }),
  defineRule({
    id: 'stop.hypertension_uncontrolled',
    severity: 'stop',
    title: 'Uncontrolled hypertension or hypertensive crisis on record',
    source: cite('hypertension', 'pathology'),
    inputs: ['history.conditions'],
    when: (ctx) =>
      once(
        withConcept(ctx, 'hypertension').filter(
          (c) => c.condition.controlled === false || c.concepts.has('hypertensive_crisis'),
        ).length > 0,
      ),
    finding: () => ({
      reason:
        'High blood pressure is recorded as not under control. Postpone until the physician confirms it is managed.',
    }),
  }),
  defineRule({
    id: 'stop.unstable_cardiac',
    severity: 'stop',
    title: 'Unstable cardiac condition or chest pain',
    source: cite('pathology', 'decisionTree'),
    inputs: ['dayOf.symptoms', 'history.conditions'],
    when: (ctx) => symptomsOrConditions(ctx, ['chest_pain'], 'unstable_cardiac'),
    finding: ({ symptoms }) => ({
      reason: symptoms.length
        ? 'Reports chest pain. Do not massage; the patient needs medical assessment now.'
        : 'An unstable heart condition (unstable angina or a recent heart attack) is on record. Postpone until the cardiologist clears massage.',
    }),
  }),
  defineRule({
    id: 'stop.acute_medical',
    severity: 'stop',
    title: 'Acute symptoms needing medical care',
    source: cite('mblex', 'decisionTree'),
    inputs: ['dayOf.symptoms'],
    when: (ctx) => {
      const symptoms = symptomsOf(ctx, [
        'sudden_severe_headache',
        'new_numbness_or_weakness',
        'fainting_or_dizziness',
      ]);
      return once(symptoms.length > 0 && symptoms);
    },
    finding: (symptoms) => ({
      reason: `Reports ${listed(symptoms)}. This needs medical assessment before any massage.`,
    }),
  }),
  defineRule({
    id: 'stop.platelets_low',
    severity: 'stop',
    title: 'Platelets below 50,000/µL',
    source: cite('platelets', 'oncology'),
    inputs: ['history.labs'],
    when: (ctx) =>
      once(
        ctx.platelets !== undefined &&
          ctx.platelets.perMicroliter < ctx.thresholds.plateletsStopBelow &&
          ctx.platelets,
      ),
    finding: (lab) => ({
      reason: `Platelet count ${lab.perMicroliter.toLocaleString('en-US')}/µL (${lab.takenOn}) is too low to massage without a serious risk of bleeding and bruising. Postpone until the count recovers or the physician clears touch-only work.`,
    }),
  }),
  defineRule({
    id: 'stop.ms_relapse',
    severity: 'stop',
    title: 'Multiple sclerosis in relapse',
    source: cite('multipleSclerosis', 'pathology'),
    inputs: ['history.conditions'],
    when: (ctx) => once(withConcept(ctx, 'multiple_sclerosis').some((c) => c.condition.flare === true)),
    finding: () => ({
      reason:
        'Multiple sclerosis is in relapse. Massage is for remission: postpone until the relapse settles or the neurologist agrees.',
    }),
  }),
];
