import {
  newInjurySchema,
  newMedicationSchema,
  procedureSchema,
} from '@fascia/domain/patients/health-history.schema';
import { eddProblem } from '@fascia/domain/patients/pregnancy';
import { type ScreeningResult, screen } from '@fascia/domain/screening/engine';
import {
  bloodPressureSchema,
  type DayOfAnswers,
  type DaySymptom,
  screeningInputSchema,
  temperatureSchema,
} from '@fascia/domain/screening/screening-input.schema';
import { type RegionValue, toRegions } from '../patients/body-region-picker.tsx';
import { plainMessage } from '../patients/patient-form-values.ts';
import type { ScreeningContextView } from './screening-api.ts';

export interface DatedSiteRow {
  kind: string;
  date: string;
  description: string;
  site: RegionValue;
}

export interface DayOfValues {
  temperature: number | string;
  unit: 'C' | 'F';
  feelingUnwell: boolean;
  symptoms: DaySymptom[];
  injuries: DatedSiteRow[];
  medications: { name: string; medicationClass: string }[];
  procedures: DatedSiteRow[];
  systolic: number | string;
  diastolic: number | string;
  pregnancy: '' | 'pregnant' | 'not_pregnant';
  edd: string;
  highRisk: boolean;
}

export const EMPTY_DAY_OF: DayOfValues = {
  temperature: '',
  unit: 'C',
  feelingUnwell: false,
  symptoms: [],
  injuries: [],
  medications: [],
  procedures: [],
  systolic: '',
  diastolic: '',
  pregnancy: '',
  edd: '',
  highRisk: false,
};

export const SYMPTOM_OPTIONS: { value: DaySymptom; label: string }[] = [
  { value: 'fever_or_chills', label: 'Fever or chills' },
  { value: 'contagious_illness', label: 'Cold, flu or other contagious illness' },
  { value: 'vomiting_or_diarrhoea', label: 'Vomiting or diarrhoea' },
  { value: 'calf_pain_swelling', label: 'Calf pain, warmth or swelling' },
  { value: 'sudden_breathlessness', label: 'Sudden shortness of breath' },
  { value: 'chest_pain', label: 'Chest pain' },
  { value: 'sudden_severe_headache', label: 'Sudden severe headache' },
  { value: 'new_numbness_or_weakness', label: 'New numbness or weakness' },
  { value: 'fainting_or_dizziness', label: 'Fainting or dizziness' },
];

export interface DayOfParse {
  /** Only the answers that are complete and plausible: what the engine runs on and the server records. */
  dayOf: DayOfAnswers;
  /** Problems keyed by the form's input names (`temperature`, `injuries.0.date`). */
  errors: Record<string, string>;
}

const blank = (v: number | string) => v === '' || v === undefined;

/**
 * Reads the day-of form as the therapist fills it in. An unfinished row is left out (and named)
 * rather than blocking the live result, so the findings follow every answer already given.
 */
export function parseDayOf(v: DayOfValues, asOf: string): DayOfParse {
  const dayOf: DayOfAnswers = {};
  const errors: Record<string, string> = {};
  const firstIssue = (issues: { message: string; path: PropertyKey[] }[]) =>
    plainMessage(issues[0]?.message ?? '');

  if (!blank(v.temperature)) {
    const t = temperatureSchema.safeParse({ value: Number(v.temperature), unit: v.unit });
    if (t.success) dayOf.temperature = t.data;
    else errors.temperature = firstIssue(t.error.issues);
  }
  if (v.feelingUnwell) dayOf.feelingUnwell = true;
  if (v.symptoms.length) dayOf.symptoms = v.symptoms;

  const injuries = v.injuries.flatMap((row, i) => {
    const r = newInjurySchema.safeParse({ kind: row.kind, date: row.date, regions: toRegions(row.site) });
    if (!r.success) errors[`injuries.${i}`] = `Injury ${i + 1}: ${firstIssue(r.error.issues)}`;
    return r.success ? [r.data] : [];
  });
  if (injuries.length) dayOf.newInjuries = injuries;

  const medications = v.medications.flatMap((row, i) => {
    const r = newMedicationSchema.safeParse({ name: row.name, class: row.medicationClass });
    if (!r.success) errors[`medications.${i}`] = `Medication ${i + 1}: ${firstIssue(r.error.issues)}`;
    return r.success ? [r.data] : [];
  });
  if (medications.length) dayOf.newMedications = medications;

  const procedures = v.procedures.flatMap((row, i) => {
    const r = procedureSchema.safeParse({
      date: row.date,
      description: row.description,
      regions: toRegions(row.site),
    });
    if (!r.success) errors[`procedures.${i}`] = `Procedure ${i + 1}: ${firstIssue(r.error.issues)}`;
    return r.success ? [r.data] : [];
  });
  if (procedures.length) dayOf.recentProcedures = procedures;

  if (!blank(v.systolic) || !blank(v.diastolic)) {
    const bp = bloodPressureSchema.safeParse({
      systolic: Number(v.systolic),
      diastolic: Number(v.diastolic),
    });
    if (bp.success && !blank(v.systolic) && !blank(v.diastolic)) dayOf.bloodPressure = bp.data;
    else errors.bloodPressure = bp.success ? 'Enter both numbers.' : firstIssue(bp.error.issues);
  }

  if (v.pregnancy === 'not_pregnant') dayOf.pregnancyUpdate = { status: 'not_pregnant' };
  if (v.pregnancy === 'pregnant' && v.edd) {
    const problem = eddProblem(v.edd, asOf);
    if (problem) errors.edd = problem;
    else dayOf.pregnancyUpdate = { status: 'pregnant', edd: v.edd, highRisk: v.highRisk };
  }
  return { dayOf, errors };
}

/** The same engine run the server will do, on the context it sent and today's answers. */
export function runLive(context: ScreeningContextView, dayOf: DayOfAnswers): ScreeningResult {
  const input = screeningInputSchema.safeParse({
    asOf: context.asOf,
    history: context.history,
    precautions: context.precautions,
    dayOf,
  });
  return input.success ? screen(input.data) : context.result;
}
