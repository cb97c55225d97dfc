/**
 * What the screening engine reads: the patient's health picture as of the visit date and the
 * answers given on the day. The day-of form validates with this schema and re-runs the engine on
 * every change, so the findings the therapist sees are the ones the server records.
 */
import { z } from 'zod';
import { isIsoDate } from '../patients/calendar-date.ts';
import {
  calendarDateSchema,
  healthHistorySchema,
  newInjurySchema,
  newMedicationSchema,
  procedureSchema,
} from '../patients/health-history.schema.ts';
import { eddProblem } from '../patients/pregnancy.ts';
import { precautionSchema } from '../referrals/referral.schema.ts';

export const temperatureSchema = z
  .object({ value: z.number(), unit: z.enum(['C', 'F']) })
  .refine((t) => (t.unit === 'C' ? t.value >= 30 && t.value <= 45 : t.value >= 86 && t.value <= 113), {
    message: 'This temperature is outside what a thermometer reads on a person; check the unit.',
    path: ['value'],
  });

export const bloodPressureSchema = z
  .object({ systolic: z.number().int().min(50).max(300), diastolic: z.number().int().min(20).max(200) })
  .refine((bp) => bp.systolic > bp.diastolic, {
    message: 'The systolic (upper) number must be higher than the diastolic.',
    path: ['systolic'],
  });

/** Symptoms asked about on the day; each maps to a stop rule. */
export const daySymptomSchema = z.enum([
  'fever_or_chills',
  'contagious_illness',
  'vomiting_or_diarrhoea',
  'calf_pain_swelling',
  'sudden_breathlessness',
  'chest_pain',
  'sudden_severe_headache',
  'new_numbness_or_weakness',
  'fainting_or_dizziness',
]);
export type DaySymptom = z.infer<typeof daySymptomSchema>;

export const pregnancyUpdateSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('pregnant'), edd: calendarDateSchema, highRisk: z.boolean().default(false) }),
  z.object({ status: z.literal('not_pregnant') }),
]);

export const dayOfAnswersSchema = z.object({
  temperature: temperatureSchema.optional(),
  feelingUnwell: z.boolean().optional(),
  symptoms: z.array(daySymptomSchema).optional(),
  newInjuries: z.array(newInjurySchema).optional(),
  newMedications: z.array(newMedicationSchema).optional(),
  recentProcedures: z.array(procedureSchema).optional(),
  bloodPressure: bloodPressureSchema.optional(),
  pregnancyUpdate: pregnancyUpdateSchema.optional(),
});

export const screeningInputSchema = z
  .object({
    asOf: calendarDateSchema,
    history: healthHistorySchema,
    dayOf: dayOfAnswersSchema.optional(),
    /** Structured precautions from the referrals currently covering the patient. */
    precautions: z.array(precautionSchema).optional(),
  })
  .superRefine((input, ctx) => {
    const update = input.dayOf?.pregnancyUpdate;
    if (update?.status !== 'pregnant' || !isIsoDate(update.edd) || !isIsoDate(input.asOf)) return;
    const problem = eddProblem(update.edd, input.asOf);
    if (problem)
      ctx.addIssue({ code: 'custom', message: problem, path: ['dayOf', 'pregnancyUpdate', 'edd'] });
  });

export type DayOfAnswers = z.infer<typeof dayOfAnswersSchema>;
export type ScreeningInput = z.infer<typeof screeningInputSchema>;
