/**
 * The facts the rules read, derived once from the screening input: what is active on the visit
 * date, with day-of answers merged into the history (a new medication counts like a listed one, a
 * pregnancy update replaces the recorded due date). Rules stay one-liners over this context.
 */
import { daysBetween, type IsoDate } from '../patients/calendar-date.ts';
import type {
  Allergy,
  Condition,
  MedicationClass,
  NewInjury,
  Procedure,
  RadiationTherapy,
} from '../patients/health-history.schema.ts';
import { classOfMedication } from '../patients/medication-catalogue.ts';
import { type GestationalAge, gestationalAge, isOngoingPregnancy } from '../patients/pregnancy.ts';
import type { Precaution } from '../referrals/referral.schema.ts';
import { type ConditionConcept, conceptsOf } from './condition-concepts.ts';
import type { DaySymptom, ScreeningInput } from './screening-input.schema.ts';

export interface ScreeningThresholds {
  feverCelsius: number;
  /** Grade 3 hypertension (ESC/ESH 2018): at or above either number, postpone. */
  severeSystolic: number;
  severeDiastolic: number;
  /** Grade 1 (ESC/ESH 2018): a reading at or above either number calls for care. */
  elevatedSystolic: number;
  elevatedDiastolic: number;
  /** Local rules fire while the days since the event are at most these. */
  fractureDays: number;
  surgicalSiteDays: number;
  sprainBruiseDays: number;
  /** Days after radiation ends during which the field is avoided outright, then only light touch. */
  radiationAvoidDays: number;
  plateletsStopBelow: number;
  /** From this completed week of gestation: no supine position. */
  noSupineFromWeek: number;
}

export const DEFAULT_THRESHOLDS: ScreeningThresholds = {
  feverCelsius: 38.0,
  severeSystolic: 180,
  severeDiastolic: 110,
  elevatedSystolic: 140,
  elevatedDiastolic: 90,
  fractureDays: 42,
  surgicalSiteDays: 42,
  sprainBruiseDays: 7,
  radiationAvoidDays: 42,
  plateletsStopBelow: 50_000,
  noSupineFromWeek: 20,
};

export interface ActiveCondition {
  condition: Condition;
  concepts: Set<ConditionConcept>;
}

export interface DatedProcedure extends Procedure {
  daysAgo: number;
}

export interface DatedInjury extends NewInjury {
  daysAgo: number;
}

export interface ScreeningContext {
  asOf: IsoDate;
  thresholds: ScreeningThresholds;
  conditions: ActiveCondition[];
  /** The recorded classes, plus the class the catalogue gives each medication's name. */
  medicationClasses: Set<MedicationClass>;
  /** Active allergies and sensitivities (retired or corrected items never reach the engine). */
  allergies: Allergy[];
  injuries: DatedInjury[];
  procedures: DatedProcedure[];
  radiation: RadiationTherapy[];
  pregnancy?: GestationalAge & { highRisk: boolean };
  temperatureCelsius?: number;
  bloodPressure?: { systolic: number; diastolic: number };
  symptoms: Set<DaySymptom>;
  feelingUnwell: boolean;
  platelets?: { perMicroliter: number; takenOn: IsoDate };
  precautions: Precaution[];
}

/** °F → °C, rounded to 0.01 so that 100.4 °F is exactly 38.00 °C and not a float hair below. */
export function toCelsius(value: number, unit: 'C' | 'F'): number {
  const celsius = unit === 'C' ? value : ((value - 32) * 5) / 9;
  return Math.round(celsius * 100) / 100;
}

const started = (date: IsoDate | undefined, asOf: IsoDate) => date === undefined || date <= asOf;
const notEnded = (date: IsoDate | undefined, asOf: IsoDate) => date === undefined || date > asOf;

function activeConditions(conditions: Condition[], asOf: IsoDate): ActiveCondition[] {
  return conditions
    .filter((c) => c.status === 'active' && started(c.onset, asOf) && notEnded(c.resolvedOn, asOf))
    .map((condition) => ({ condition, concepts: conceptsOf(condition.code) }));
}

function pregnancyAsOf(input: ScreeningInput): ScreeningContext['pregnancy'] {
  const update = input.dayOf?.pregnancyUpdate;
  if (update?.status === 'not_pregnant') return undefined;
  const current = update ?? input.history.pregnancy;
  if (!current || !isOngoingPregnancy(current.edd, input.asOf)) return undefined;
  return { ...gestationalAge(current.edd, input.asOf), highRisk: current.highRisk };
}

function latestPlatelets(input: ScreeningInput): ScreeningContext['platelets'] {
  let latest: ScreeningContext['platelets'];
  for (const lab of input.history.labs ?? []) {
    if (lab.test !== 'platelets' || lab.takenOn > input.asOf) continue;
    if (!latest || lab.takenOn > latest.takenOn)
      latest = { perMicroliter: lab.perMicroliter, takenOn: lab.takenOn };
  }
  return latest;
}

export function buildContext(
  input: ScreeningInput,
  thresholds: ScreeningThresholds = DEFAULT_THRESHOLDS,
): ScreeningContext {
  const { asOf, history } = input;
  const dayOf = input.dayOf ?? {};
  const since = <T extends { date: IsoDate }>(item: T) => ({
    ...item,
    daysAgo: daysBetween(item.date, asOf),
  });
  // An entry recorded as a plain "antidepressant" before the SSRI class existed still names the
  // drug, so the name's class counts as well as the recorded one.
  const medicationClasses = new Set(
    [...(history.medications ?? []), ...(dayOf.newMedications ?? [])]
      .filter((m) => started(m.startedOn, asOf) && notEnded(m.stoppedOn, asOf))
      .flatMap((m) => [m.class, classOfMedication(m.name)])
      .filter((c): c is MedicationClass => c !== undefined),
  );
  return {
    asOf,
    thresholds,
    conditions: activeConditions(history.conditions ?? [], asOf),
    medicationClasses,
    allergies: history.allergies ?? [],
    injuries: [...(history.injuries ?? []), ...(dayOf.newInjuries ?? [])]
      .map(since)
      .filter((i) => i.daysAgo >= 0),
    procedures: [...(history.surgeries ?? []), ...(dayOf.recentProcedures ?? [])]
      .map(since)
      .filter((p) => p.daysAgo >= 0),
    radiation: (history.radiation ?? []).filter((r) => r.startedOn <= asOf),
    pregnancy: pregnancyAsOf(input),
    temperatureCelsius: dayOf.temperature
      ? toCelsius(dayOf.temperature.value, dayOf.temperature.unit)
      : undefined,
    bloodPressure: dayOf.bloodPressure,
    symptoms: new Set(dayOf.symptoms ?? []),
    feelingUnwell: dayOf.feelingUnwell ?? false,
    platelets: latestPlatelets(input),
    precautions: input.precautions ?? [],
  };
}

/** Active conditions that carry a concept. */
export function withConcept(ctx: ScreeningContext, concept: ConditionConcept): ActiveCondition[] {
  return ctx.conditions.filter((c) => c.concepts.has(concept));
}

export function hasMedication(ctx: ScreeningContext, ...classes: MedicationClass[]): boolean {
  return classes.some((c) => ctx.medicationClasses.has(c));
}
