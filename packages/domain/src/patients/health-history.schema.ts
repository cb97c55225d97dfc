/**
 * The patient's health history as the therapist records it at intake and keeps up to date. Every
 * item carries when it was recorded and by whom, because screening decisions are audited against
 * what was known at the time. The screening engine reads this same shape.
 */
import { z } from 'zod';
import { findRegion, isRegionId } from '../body/regions.ts';
import { datePart, isIsoDate } from './calendar-date.ts';
import { isoDateTimeSchema } from './date.schema.ts';
import { lookupIcd10, normalizeIcd10Code } from './icd10.ts';
import { classOfMedication } from './medication-catalogue.ts';
import { eddProblem } from './pregnancy.ts';

export const calendarDateSchema = z.string().refine(isIsoDate, 'Enter a calendar date (YYYY-MM-DD).');

export const regionTargetSchema = z
  .object({
    regionId: z.string().refine(isRegionId, 'Unknown body region.'),
    side: z.enum(['left', 'right']).optional(),
  })
  .refine((t) => t.side === undefined || findRegion(t.regionId)?.lateral !== false, {
    message: 'This region is on the midline and has no side.',
    path: ['side'],
  });

export const regionsSchema = z.array(regionTargetSchema);

export const icd10CodeSchema = z
  .string()
  .transform(normalizeIcd10Code)
  .refine((code) => lookupIcd10(code) !== undefined, 'Unknown ICD-10-CM code.');

const recorded = {
  id: z.string().min(1).optional(),
  recordedAt: isoDateTimeSchema,
  recordedBy: z.string().min(1),
};

export const conditionSchema = z
  .object({
    ...recorded,
    code: icd10CodeSchema.optional(),
    /** Free wording when no catalogued code fits; screening then relies on the flags below. */
    label: z.string().trim().min(1).max(200).optional(),
    onset: calendarDateSchema.optional(),
    status: z.enum(['active', 'resolved']),
    resolvedOn: calendarDateSchema.optional(),
    /** Where the condition sits (tumour site, flaring joints, varicose veins, numb areas). */
    regions: regionsSchema.optional(),
    /** An acute flare or relapse right now (inflammatory arthritis, MS relapse, cardiac instability). */
    flare: z.boolean().optional(),
    /** For conditions that can be controlled (hypertension): false means not under control. */
    controlled: z.boolean().optional(),
    note: z.string().max(2000).optional(),
  })
  .refine((c) => c.code !== undefined || c.label !== undefined, {
    message: 'Give an ICD-10-CM code or a description.',
    path: ['code'],
  });

export const lymphNodeRemovalSchema = z.object({
  site: z.enum(['axillary', 'inguinal', 'cervical']),
  side: z.enum(['left', 'right']),
});

const surgeryFields = {
  date: calendarDateSchema,
  description: z.string().trim().min(1).max(500),
  regions: regionsSchema.min(1, 'Mark the surgical site.'),
  /** The surgeon's own restriction on the site, when it runs longer than the usual window. */
  avoidUntil: calendarDateSchema.optional(),
  lymphNodeRemoval: lymphNodeRemovalSchema.optional(),
};

/** A surgery or procedure as told on the day, before it is in the history. */
export const procedureSchema = z.object(surgeryFields);
export const surgerySchema = z.object({ ...recorded, ...surgeryFields });

export const injuryKindSchema = z.enum([
  'fracture',
  'sprain',
  'strain',
  'bruise',
  'dislocation',
  'wound',
  'burn',
  'skin_infection',
  'other',
]);

const injuryFields = {
  kind: injuryKindSchema,
  date: calendarDateSchema,
  regions: regionsSchema.min(1, 'Mark where the injury is.'),
  /** Wounds, burns and skin infections stay local contraindications until healed. */
  healedOn: calendarDateSchema.optional(),
  note: z.string().max(2000).optional(),
};

export const newInjurySchema = z.object(injuryFields);
export const injurySchema = z.object({ ...recorded, ...injuryFields });

export const MEDICATION_CLASSES = [
  'anticoagulant',
  'antiplatelet',
  'corticosteroid',
  'nsaid',
  'opioid_analgesic',
  'other_analgesic',
  'muscle_relaxant',
  'antihypertensive',
  'insulin_antidiabetic',
  'chemotherapy',
  'immunosuppressant',
  /** Selective serotonin reuptake inhibitors (sertraline, fluoxetine, …): a bleeding risk with NSAIDs. */
  'ssri',
  /** Serotonin–norepinephrine reuptake inhibitors (venlafaxine, duloxetine, …): as SSRIs. */
  'snri',
  /** Other antidepressants, and entries recorded before SSRIs and SNRIs had their own classes. */
  'antidepressant',
  'anticonvulsant',
  'hormone',
  'other',
] as const;
export const medicationClassSchema = z.enum(MEDICATION_CLASSES, {
  error: 'Choose the medication class, or pick the medication from the list.',
});
export type MedicationClass = z.infer<typeof medicationClassSchema>;

const medicationFields = {
  name: z.string().trim().min(1).max(200),
  class: medicationClassSchema,
  dose: z.string().max(200).optional(),
  startedOn: calendarDateSchema.optional(),
  stoppedOn: calendarDateSchema.optional(),
};

/**
 * A medication recorded by name takes its class from the catalogue when none is given, so
 * "sertraline 50 mg" is stored as an SSRI; a class chosen by hand is kept as chosen.
 */
function withCataloguedClass(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const item = value as Record<string, unknown>;
  if ((item.class !== undefined && item.class !== '') || typeof item.name !== 'string') return value;
  const derived = classOfMedication(item.name);
  return derived ? { ...item, class: derived } : value;
}

export const newMedicationSchema = z.preprocess(withCataloguedClass, z.object(medicationFields));
export const medicationSchema = z.preprocess(
  withCataloguedClass,
  z.object({ ...recorded, ...medicationFields }),
);

export const allergySchema = z.object({
  ...recorded,
  substance: z.string().trim().min(1).max(200),
  category: z.enum([
    'massage_oil',
    'nut_oil',
    'essential_oil',
    'latex',
    'fragrance',
    'lotion_ingredient',
    'adhesive',
    'medication',
    'food',
    'other',
  ]),
  reaction: z.string().max(500).optional(),
  severity: z.enum(['mild', 'moderate', 'severe']),
});

export const pregnancySchema = z
  .object({
    ...recorded,
    edd: calendarDateSchema,
    highRisk: z.boolean().default(false),
    note: z.string().max(2000).optional(),
  })
  .superRefine((p, ctx) => {
    const problem = isIsoDate(p.edd) ? eddProblem(p.edd, datePart(p.recordedAt)) : undefined;
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['edd'] });
  });

export const implantedDeviceSchema = z.object({
  ...recorded,
  kind: z.enum([
    'pacemaker',
    'defibrillator',
    'insulin_pump',
    'neurostimulator',
    'joint_replacement',
    'breast_implant',
    'port_catheter',
    'other',
  ]),
  description: z.string().max(500).optional(),
  regions: regionsSchema.optional(),
  implantedOn: calendarDateSchema.optional(),
});

export const labValueSchema = z.discriminatedUnion('test', [
  z.object({
    ...recorded,
    test: z.literal('platelets'),
    perMicroliter: z.number().int().min(0).max(2_000_000),
    takenOn: calendarDateSchema,
  }),
  z.object({
    ...recorded,
    test: z.literal('inr'),
    value: z.number().min(0.5).max(15),
    takenOn: calendarDateSchema,
  }),
]);

export const radiationTherapySchema = z.object({
  ...recorded,
  regions: regionsSchema.min(1, 'Mark the radiation field.'),
  startedOn: calendarDateSchema,
  endedOn: calendarDateSchema.optional(),
});

export const healthHistorySchema = z.object({
  conditions: z.array(conditionSchema).optional(),
  surgeries: z.array(surgerySchema).optional(),
  injuries: z.array(injurySchema).optional(),
  medications: z.array(medicationSchema).optional(),
  allergies: z.array(allergySchema).optional(),
  pregnancy: pregnancySchema.optional(),
  devices: z.array(implantedDeviceSchema).optional(),
  labs: z.array(labValueSchema).optional(),
  radiation: z.array(radiationTherapySchema).optional(),
});

export type Condition = z.infer<typeof conditionSchema>;
export type Surgery = z.infer<typeof surgerySchema>;
export type Procedure = z.infer<typeof procedureSchema>;
export type Injury = z.infer<typeof injurySchema>;
export type NewInjury = z.infer<typeof newInjurySchema>;
export type Medication = z.infer<typeof medicationSchema>;
export type NewMedication = z.infer<typeof newMedicationSchema>;
export type Allergy = z.infer<typeof allergySchema>;
export type PregnancyRecord = z.infer<typeof pregnancySchema>;
export type ImplantedDevice = z.infer<typeof implantedDeviceSchema>;
export type LabValue = z.infer<typeof labValueSchema>;
export type RadiationTherapy = z.infer<typeof radiationTherapySchema>;
export type HealthHistory = z.infer<typeof healthHistorySchema>;
