/**
 * The plan of care: what the therapist intends to treat, how, how often, toward which measurable
 * goals, and when to re-evaluate. The server stores every change as a new version (with the
 * reason, author and time around this content); this schema is the content itself.
 */
import { z } from 'zod';
import {
  isoDateSchema,
  isoDateTimeSchema,
  positionSchema,
  pressureSchema,
  regionTargetSchema,
  sideSchema,
  techniqueIdSchema,
} from './treatment.schema.ts';

/** ICD-10-CM with its decimal point as shown to clinicians (claims drop the point). */
export const icd10Schema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-TV-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/, 'Not an ICD-10-CM code (e.g. M54.50)');

export const GOAL_STATUSES = ['not_started', 'progressing', 'met', 'not_met', 'discontinued'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

const itemId = z.string().trim().min(1).max(64);

export const problemSchema = z.object({
  icd10: icd10Schema,
  label: z.string().trim().max(200).optional(),
  from: z.enum(['referral', 'assessment']),
});

/**
 * A goal is measurable in one of three ways: an outcome measure reaching a value or changing by
 * an amount (e.g. NPRS at most 3, ODI down by 10), a range-of-motion target, or a function the
 * patient can do, in words.
 */
export const goalMeasureSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('outcome_measure'),
    instrument: z.string().trim().min(1).max(40),
    comparator: z.enum(['at_most', 'at_least', 'reduce_by', 'increase_by']),
    value: z.number().finite(),
  }),
  z.object({
    kind: z.literal('rom'),
    joint: z.string().trim().min(1).max(60),
    movement: z.string().trim().min(1).max(60),
    side: sideSchema.optional(),
    targetDegrees: z.number().int().min(0).max(360),
  }),
  z.object({
    kind: z.literal('functional'),
    text: z.string().trim().min(3).max(500),
  }),
]);

export const goalSchema = z.object({
  id: itemId,
  term: z.enum(['short', 'long']),
  measure: goalMeasureSchema,
  targetDate: isoDateSchema,
  status: z.enum(GOAL_STATUSES),
});

/** A justification the therapist wrote for planning despite a finding; audited by the server. */
export const findingOverrideSchema = z.object({
  ruleId: z.string().min(1),
  reason: z.string().trim().min(1, 'Write why this is justified'),
});

export const interventionSchema = z.object({
  id: itemId,
  techniqueId: techniqueIdSchema,
  regions: z.array(regionTargetSchema).min(1, 'Choose at least one region'),
  /** Muscles named within the regions, in the therapist's words (e.g. "piriformis"). */
  muscles: z.array(z.string().trim().min(1).max(80)).optional(),
  /** The highest pressure planned for this intervention. */
  pressure: pressureSchema,
  position: positionSchema,
  overrides: z.array(findingOverrideSchema).optional(),
});

export const reEvaluationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('date'), date: isoDateSchema }),
  z.object({ kind: z.literal('visits'), visits: z.number().int().min(1).max(100) }),
]);

export const homeCareAssignmentSchema = z.object({
  itemId: z.string().min(1),
  note: z.string().trim().max(500).optional(),
});

const uniqueIds = (items: readonly { id: string }[]) =>
  new Set(items.map((item) => item.id)).size === items.length;

export const planOfCareSchema = z.object({
  referralId: z.string().min(1),
  assessmentId: z.string().min(1),
  problems: z.array(problemSchema).min(1, 'List at least one problem'),
  goals: z.array(goalSchema).min(1, 'Set at least one goal').refine(uniqueIds, 'Two goals share an id'),
  interventions: z
    .array(interventionSchema)
    .min(1, 'Plan at least one intervention')
    .refine(uniqueIds, 'Two interventions share an id'),
  frequencyPerWeek: z.number().int().min(1).max(7),
  durationWeeks: z.number().int().min(1).max(52),
  /** Set when the frequency or duration goes beyond the referral and is asked of the physician. */
  requestedFromPhysician: z.boolean().default(false),
  requestNote: z.string().trim().max(1000).optional(),
  reEvaluation: reEvaluationSchema,
  homeCare: z.array(homeCareAssignmentSchema).default([]),
  /** Optional sign-off by the referring provider. */
  certification: z
    .object({
      sentOn: isoDateSchema.optional(),
      certifiedAt: isoDateTimeSchema.optional(),
      certifiedBy: z.string().min(1).optional(),
    })
    .optional(),
});

export type PlanOfCare = z.infer<typeof planOfCareSchema>;
export type PlanOfCareInput = z.input<typeof planOfCareSchema>;
export type Goal = z.infer<typeof goalSchema>;
export type GoalMeasure = z.infer<typeof goalMeasureSchema>;
export type Intervention = z.infer<typeof interventionSchema>;
export type ReEvaluation = z.infer<typeof reEvaluationSchema>;
