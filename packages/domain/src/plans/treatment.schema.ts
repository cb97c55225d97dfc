/**
 * Schemas for the pieces a plan intervention and a session note's technique line share, so that
 * what a plan allows and what a note documents are validated the same way.
 */
import { z } from 'zod';
import { findRegion, isRegionId } from '../body/regions.ts';
import type { Pressure, RegionTarget, TechniqueTag, TreatmentPosition } from '../screening/types.ts';
import { isTechniqueId } from './techniques.ts';

export const TECHNIQUE_TAGS = [
  'deep_pressure',
  'sustained_compression',
  'friction',
  'joint_mobilisation',
  'vigorous',
  'stretching',
  'lymphatic',
  'heat',
  'abdominal_work',
] as const satisfies readonly TechniqueTag[];

export const TREATMENT_POSITIONS = [
  'prone',
  'supine',
  'side_lying',
  'seated',
] as const satisfies readonly TreatmentPosition[];

export const techniqueTagSchema = z.enum(TECHNIQUE_TAGS);
export const positionSchema = z.enum(TREATMENT_POSITIONS);
export const pressureSchema = z.literal([1, 2, 3, 4, 5]) satisfies z.ZodType<Pressure>;
export const sideSchema = z.enum(['left', 'right']);
export const techniqueIdSchema = z.string().refine(isTechniqueId, 'Unknown technique');
export { isoDateSchema, isoDateTimeSchema } from '../patients/date.schema.ts';

/**
 * A side only makes sense on a paired region; on a paired region no side means both sides.
 * Used as a superRefine so the message lands on the side field.
 */
export function checkRegionSide(target: { regionId?: string; side?: string }, ctx: z.RefinementCtx): void {
  if (target.regionId === undefined || target.side === undefined) return;
  const region = findRegion(target.regionId);
  if (region && !region.lateral) {
    ctx.addIssue({ code: 'custom', path: ['side'], message: `${region.label} has no left or right side` });
  }
}

export const regionTargetSchema = z
  .object({
    regionId: z.string().refine(isRegionId, 'Unknown body region'),
    side: sideSchema.optional(),
  })
  .superRefine(checkRegionSide) satisfies z.ZodType<RegionTarget>;
