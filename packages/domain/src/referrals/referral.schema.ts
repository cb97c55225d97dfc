/**
 * A physician's referral (prescription) for medical massage: who ordered it, for which diagnoses,
 * how often and how long, how many visits the payer authorised, and what the physician asked the
 * therapist to avoid. Structured precautions are read by the screening engine on every visit.
 */
import { z } from 'zod';
import { calendarDateSchema, regionsSchema } from '../patients/health-history.schema.ts';
import { billableChildren, lookupIcd10, normalizeIcd10Code } from '../patients/icd10.ts';

/** A diagnosis on a referral must be a billable ICD-10-CM code: the claim will carry it. */
export const referralDiagnosisSchema = z
  .string()
  .transform(normalizeIcd10Code)
  .superRefine((code, ctx) => {
    const entry = lookupIcd10(code);
    if (!entry) {
      ctx.addIssue({ code: 'custom', message: `${code} is not a known ICD-10-CM code.` });
    } else if (!entry.billable) {
      const children = billableChildren(code)
        .slice(0, 4)
        .map((child) => child.code);
      ctx.addIssue({
        code: 'custom',
        message: `${code} is a category; choose a more specific code${children.length ? ` (${children.join(', ')})` : ''}.`,
      });
    }
  });

const pressureSchema = z.number().int().min(1).max(5);

/** What the physician asked for, in forms the screening engine can apply. */
export const precautionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('no_deep_pressure'), regions: regionsSchema.optional() }),
  z.object({ kind: z.literal('max_pressure'), pressure: pressureSchema, regions: regionsSchema.optional() }),
  z.object({ kind: z.literal('avoid_region'), regions: regionsSchema.min(1, 'Mark the region to avoid.') }),
  z.object({ kind: z.literal('no_position'), position: z.enum(['prone', 'supine', 'side_lying', 'seated']) }),
  z.object({ kind: z.literal('no_heat') }),
  z.object({ kind: z.literal('no_joint_mobilisation'), regions: regionsSchema.optional() }),
  z.object({ kind: z.literal('max_session_minutes'), minutes: z.number().int().min(5).max(180) }),
]);
export type Precaution = z.infer<typeof precautionSchema>;

export const referralSchema = z
  .object({
    patientId: z.string().min(1),
    providerId: z.string().min(1),
    dateWritten: calendarDateSchema,
    /** Principal diagnosis first. */
    diagnoses: z.array(referralDiagnosisSchema).min(1, 'Add at least one diagnosis.').max(12),
    frequency: z.object({ timesPerWeek: z.number().int().min(1).max(7) }),
    durationWeeks: z.number().int().min(1).max(52),
    /** Absent when the payer sets no visit limit. */
    visitsAuthorized: z.number().int().min(1).max(200).optional(),
    validFrom: calendarDateSchema,
    validUntil: calendarDateSchema,
    precautions: z
      .object({ text: z.string().trim().max(2000).optional(), items: z.array(precautionSchema).default([]) })
      .default({ items: [] }),
    goals: z.array(z.string().trim().min(1).max(500)).max(10).default([]),
    authorizationNumber: z.string().trim().max(80).optional(),
    /** The scanned paper prescription, stored by the server under its SHA-256. */
    attachment: z
      .object({
        sha256: z.string().regex(/^[0-9a-f]{64}$/, 'A SHA-256 is 64 lowercase hex digits.'),
        mediaType: z.enum(['application/pdf', 'image/jpeg', 'image/png', 'image/heic', 'image/tiff']),
        fileName: z.string().max(255),
      })
      .optional(),
  })
  .superRefine((r, ctx) => {
    if (r.validUntil < r.validFrom) {
      ctx.addIssue({ code: 'custom', message: 'The referral ends before it starts.', path: ['validUntil'] });
    }
    if (r.validUntil < r.dateWritten) {
      ctx.addIssue({
        code: 'custom',
        message: 'The referral ends before it was written.',
        path: ['validUntil'],
      });
    }
    const seen = new Set<string>();
    r.diagnoses.forEach((code, index) => {
      if (seen.has(code))
        ctx.addIssue({ code: 'custom', message: `${code} is listed twice.`, path: ['diagnoses', index] });
      seen.add(code);
    });
  });

export type Referral = z.infer<typeof referralSchema>;

/** Visits the ordered frequency and duration add up to (2×/week for 6 weeks → 12). */
export function orderedVisits(referral: Pick<Referral, 'frequency' | 'durationWeeks'>): number {
  return referral.frequency.timesPerWeek * referral.durationWeeks;
}
