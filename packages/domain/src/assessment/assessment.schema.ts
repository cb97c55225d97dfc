/**
 * One assessment visit (initial evaluation, re-evaluation or discharge) as a whole: history, pain
 * drawing, posture, range of motion, special tests, palpation, outcome measures, impression and
 * problem list. Its findings are the baseline a plan of care and a progress report compare with.
 * Signing and locking are the server's business; this is the content that gets signed.
 */
import { z } from 'zod';
import { isRegionId } from '../body/regions.ts';
import { isoDateSchema, outcomeResponseSchema } from '../outcomes/response.schema.ts';
import { painDrawingSchema, sideSchema } from './pain-drawing.ts';
import { postureFindingsSchema } from './posture.ts';
import { romMeasurementSchema } from './rom.ts';
import { specialTestResultSchema } from './special-tests.ts';
import { palpationFindingSchema } from './trigger-points.ts';

const text = (max: number) => z.string().trim().max(max);

export const subjectiveSchema = z.object({
  chiefComplaint: text(1000).min(1),
  history: text(4000).optional(),
  onset: text(500).optional(),
  aggravatingFactors: text(1000).optional(),
  easingFactors: text(1000).optional(),
  /** What the patient wants to be able to do again, in their words: the root of the plan's goals. */
  patientGoals: text(1000).optional(),
});

// ICD-10-CM as written in the clinical record: letter, two characters, optional dot and up to four more.
const icd10Schema = z.string().regex(/^[A-TV-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/, 'Not an ICD-10-CM code');

export const problemSchema = z.object({
  description: text(500).min(1),
  icd10Code: icd10Schema.optional(),
  regions: z
    .array(
      z.object({
        regionId: z.string().refine(isRegionId, 'Unknown body region'),
        side: sideSchema.optional(),
      }),
    )
    .max(20)
    .default([]),
});

export const assessmentSchema = z
  .object({
    kind: z.enum(['initial', 're_evaluation', 'discharge']),
    patientId: z.string().min(1),
    referralId: z.string().min(1).optional(),
    /** The assessment this one is compared with; required after the initial evaluation. */
    baselineAssessmentId: z.string().min(1).optional(),
    performedOn: isoDateSchema,
    therapistId: z.string().min(1),
    subjective: subjectiveSchema,
    painDrawing: painDrawingSchema,
    posture: postureFindingsSchema.optional(),
    rom: z.array(romMeasurementSchema).max(80).default([]),
    specialTests: z.array(specialTestResultSchema).max(60).default([]),
    palpation: z.array(palpationFindingSchema).max(80).default([]),
    outcomes: z.array(outcomeResponseSchema).max(15).default([]),
    clinicalImpression: text(4000).optional(),
    problemList: z.array(problemSchema).max(20).default([]),
  })
  .superRefine((a, ctx) => {
    if (a.kind !== 'initial' && !a.baselineAssessmentId) {
      ctx.addIssue({
        code: 'custom',
        path: ['baselineAssessmentId'],
        message: 'A re-evaluation needs its baseline',
      });
    }
    const unique = <T>(list: readonly T[], key: (item: T) => string, path: string, message: string) => {
      const seen = new Set<string>();
      list.forEach((item, index) => {
        const k = key(item);
        if (seen.has(k)) ctx.addIssue({ code: 'custom', path: [path, index], message });
        seen.add(k);
      });
    };
    unique(
      a.rom,
      (m) => `${m.joint}|${m.motion}|${m.side ?? ''}|${m.mode}`,
      'rom',
      'This motion is recorded twice',
    );
    unique(
      a.specialTests,
      (t) => `${t.testId}|${t.side ?? ''}`,
      'specialTests',
      'This test is recorded twice',
    );
    unique(
      a.palpation,
      (p) => `${p.muscleId}|${p.muscleName ?? ''}|${p.side ?? ''}`,
      'palpation',
      'This muscle is recorded twice',
    );
    unique(a.outcomes, (o) => o.instrumentId, 'outcomes', 'This instrument is recorded twice');
    a.outcomes.forEach((o, index) => {
      if (o.administeredOn > a.performedOn) {
        ctx.addIssue({
          code: 'custom',
          path: ['outcomes', index, 'administeredOn'],
          message: 'Completed after the visit',
        });
      }
    });
  });

export type Assessment = z.infer<typeof assessmentSchema>;
export type AssessmentInput = z.input<typeof assessmentSchema>;
