/**
 * The session note of one visit, in SOAP form. Two levels of validation:
 * - a draft accepts whatever has been typed so far (autosave must never lose text because a
 *   field is still incomplete), but it always names the day-of screening, because no note can
 *   be started without one;
 * - signing requires every part a reader of the record relies on.
 * A visit stopped by the screening is recorded as postponed, with its reason and no treatment.
 */
import { z } from 'zod';
import { isRegionId } from '../body/regions.ts';
import { GOAL_STATUSES } from '../plans/plan-of-care.schema.ts';
import {
  checkRegionSide,
  isoDateSchema,
  isoDateTimeSchema,
  positionSchema,
  pressureSchema,
  sideSchema,
  techniqueIdSchema,
} from '../plans/treatment.schema.ts';

export const nprsSchema = z.number().int().min(0).max(10);

const text = (max: number) => z.string().max(max);
const requiredText = (max: number, message: string) => z.string().trim().min(1, message).max(max);

const techniqueLineShape = {
  techniqueId: techniqueIdSchema,
  regionId: z.string().refine(isRegionId, 'Unknown body region'),
  /** Absent on a paired region means both sides. */
  side: sideSchema.optional(),
  minutes: z.number().int().min(1).max(240),
  pressure: pressureSchema,
  position: positionSchema,
  /** Bill under another code than the technique's usual one (a payer's or clinic's choice). */
  billingCode: z
    .string()
    .regex(/^[0-9]{5}$/, 'A five-digit procedure code')
    .optional(),
  muscles: z.array(z.string().trim().min(1).max(80)).optional(),
};

export const techniqueLineSchema = z.object(techniqueLineShape).superRefine(checkRegionSide);
export const draftTechniqueLineSchema = z.object(techniqueLineShape).partial().superRefine(checkRegionSide);

const vitalsShape = {
  systolic: z.number().int().min(50).max(300),
  diastolic: z.number().int().min(20).max(200),
  heartRate: z.number().int().min(20).max(250),
  temperatureC: z.number().min(30).max(45),
  respiratoryRate: z.number().int().min(4).max(80),
};
/** Vitals are taken only when useful, so each one is optional even on a signed note. */
export const vitalsSchema = z.object(vitalsShape).partial();

export const goalProgressSchema = z.object({
  goalId: z.string().min(1),
  status: z.enum(GOAL_STATUSES),
  comment: text(1000).optional(),
});

export const adverseReactionsSchema = z
  .object({ occurred: z.boolean(), description: text(2000).optional() })
  .refine((value) => !value.occurred || (value.description ?? '').trim() !== '', {
    message: 'Describe the adverse reaction',
    path: ['description'],
  });

export const nextVisitSchema = z
  .object({ date: isoDateSchema.optional(), note: text(500).optional() })
  .refine((value) => value.date !== undefined || (value.note ?? '').trim() !== '', {
    message: 'Give the next visit date or say why there is none',
  });

/** A therapist's written reason for documenting despite a finding; null line = note-level. */
export const safetyOverrideSchema = z.object({
  ruleId: z.string().min(1),
  techniqueLine: z.number().int().min(0).nullable(),
  reason: requiredText(2000, 'Write the reason for the override'),
});

const headerShape = {
  patientId: z.string().min(1),
  planId: z.string().min(1).optional(),
  appointmentId: z.string().min(1).optional(),
  visitDate: isoDateSchema,
  visitStartedAt: isoDateTimeSchema.optional(),
  visitEndedAt: isoDateTimeSchema.optional(),
  overrides: z.array(safetyOverrideSchema).default([]),
  /** Paths of content copied from the previous note and not yet edited (see copy-forward.ts). */
  carriedOver: z.array(z.string()).default([]),
  templateId: z.string().min(1).optional(),
};

const screeningId = z.string().min(1, 'Record the day-of screening first');

const draftSubjective = z.object({
  screeningId,
  report: text(4000).optional(),
  painBefore: nprsSchema.optional(),
});

export const draftNoteSchema = z.object({
  ...headerShape,
  outcome: z.enum(['treated', 'postponed']).default('treated'),
  postponedReason: text(2000).optional(),
  subjective: draftSubjective,
  objective: z
    .object({
      techniques: z.array(draftTechniqueLineSchema),
      positions: z.array(positionSchema),
      findings: text(4000),
      vitals: vitalsSchema,
    })
    .partial()
    .default({}),
  assessment: z
    .object({
      response: text(4000),
      painAfter: nprsSchema,
      goalProgress: z.array(goalProgressSchema.partial().extend({ goalId: z.string().min(1) })),
      adverseReactions: z.object({ occurred: z.boolean(), description: text(2000) }).partial(),
    })
    .partial()
    .default({}),
  plan: z
    .object({
      nextVisit: z.object({ date: isoDateSchema, note: text(500) }).partial(),
      planChangesProposed: text(2000),
      homeCareGiven: z.array(z.string().min(1)),
    })
    .partial()
    .default({}),
});

const signedTreated = z
  .object({
    ...headerShape,
    outcome: z.literal('treated'),
    subjective: z.object({
      screeningId,
      report: requiredText(4000, "Record the patient's report"),
      painBefore: nprsSchema,
    }),
    objective: z.object({
      techniques: z.array(techniqueLineSchema).min(1, 'Document at least one technique'),
      positions: z.array(positionSchema).min(1, 'Record the positions used'),
      findings: requiredText(4000, 'Record what you found'),
      vitals: vitalsSchema.optional(),
    }),
    assessment: z.object({
      response: requiredText(4000, 'Record the response to treatment'),
      painAfter: nprsSchema,
      goalProgress: z.array(goalProgressSchema),
      adverseReactions: adverseReactionsSchema,
    }),
    plan: z.object({
      nextVisit: nextVisitSchema,
      planChangesProposed: text(2000).optional(),
      homeCareGiven: z.array(z.string().min(1)).default([]),
    }),
  })
  .superRefine((note, ctx) => {
    note.objective.techniques.forEach((line, index) => {
      if (!note.objective.positions.includes(line.position)) {
        ctx.addIssue({
          code: 'custom',
          path: ['objective', 'positions'],
          message: `Technique line ${index + 1} uses a position not listed among the positions used`,
        });
      }
    });
  });

const signedPostponed = z.object({
  ...headerShape,
  outcome: z.literal('postponed'),
  postponedReason: requiredText(2000, 'Say why the visit was postponed'),
  subjective: z.object({ screeningId, report: text(4000).optional(), painBefore: nprsSchema.optional() }),
  objective: z
    .object({
      techniques: z.array(techniqueLineSchema).max(0, 'A postponed visit documents no treatment').default([]),
      findings: text(4000).optional(),
      vitals: vitalsSchema.optional(),
    })
    .optional(),
  plan: z.object({ nextVisit: nextVisitSchema }).optional(),
});

export const signedNoteSchema = z.discriminatedUnion('outcome', [signedTreated, signedPostponed]);

export type DraftNote = z.infer<typeof draftNoteSchema>;
export type DraftNoteInput = z.input<typeof draftNoteSchema>;
export type SignedNote = z.infer<typeof signedNoteSchema>;
export type TreatedNote = Extract<SignedNote, { outcome: 'treated' }>;
export type TechniqueLine = z.infer<typeof techniqueLineSchema>;
export type DraftTechniqueLine = z.infer<typeof draftTechniqueLineSchema>;
export type SafetyOverride = z.infer<typeof safetyOverrideSchema>;

export interface SigningIssue {
  path: string;
  message: string;
}

export type SigningCheck = { ok: true; note: SignedNote } | { ok: false; issues: SigningIssue[] };

/**
 * Everything that keeps a note from being signed, at once. Beyond the schema, a treated note
 * reports progress on every goal of the plan it follows.
 */
export function checkSignReady(
  input: unknown,
  context: { planGoalIds?: readonly string[] } = {},
): SigningCheck {
  const parsed = signedNoteSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    };
  }
  const note = parsed.data;
  if (note.outcome === 'treated') {
    const reported = new Set(note.assessment.goalProgress.map((progress) => progress.goalId));
    const missing = (context.planGoalIds ?? []).filter((goalId) => !reported.has(goalId));
    if (missing.length > 0) {
      const message = `Record progress toward ${missing.length === 1 ? 'goal' : 'goals'} ${missing.join(', ')}`;
      return { ok: false, issues: [{ path: 'assessment.goalProgress', message }] };
    }
  }
  return { ok: true, note };
}
