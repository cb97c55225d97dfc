/**
 * "Palpate these first": from a pain drawing, rank the muscles whose trigger-point referral
 * patterns best explain where the patient hurts, and say why. It is a palpation aid, not a
 * diagnosis: it only orders the search, and the therapist's palpation findings (recorded with the
 * schema below) are what the assessment keeps.
 */
import { z } from 'zod';
import { findRegion, type Side } from '../body/regions.ts';
import { describeMark, sideSchema } from './pain-drawing.ts';
import { TRIGGER_POINT_MUSCLES, type TriggerPointMuscle } from './trigger-points.catalogue.ts';

export {
  findTriggerPointMuscle,
  TRIGGER_POINT_MUSCLES,
  type TriggerPointMuscle,
} from './trigger-points.catalogue.ts';

export interface PainRegionInput {
  regionId: string;
  side?: Side;
  /** 0–10; when given, stronger pain weighs more. */
  intensity?: number;
}

export type ReferralZone = 'primary' | 'spillover' | 'local';

export interface ExplainedRegion {
  regionId: string;
  side?: Side;
  label: string;
  zone: ReferralZone;
  weight: number;
}

export interface MuscleRanking {
  muscleId: string;
  muscle: string;
  score: number;
  /** Sides of the body on which to palpate this muscle. */
  sides: Side[];
  explains: ExplainedRegion[];
  /** Share of the marked regions this muscle's pattern explains (0–1). */
  coverage: number;
  reason: string;
  source: string;
}

// Primary zones are where referred pain is usually felt; spillover zones only in some patients;
// pain over the trigger point itself is the weakest clue because many muscles overlie a region.
const ZONE_WEIGHT: Record<ReferralZone, number> = { primary: 1, spillover: 0.5, local: 0.4 };

function zoneOf(entry: TriggerPointMuscle, regionId: string): ReferralZone | undefined {
  if (entry.referral.primary.includes(regionId)) return 'primary';
  if (entry.referral.spillover.includes(regionId)) return 'spillover';
  if (entry.locationRegions.includes(regionId)) return 'local';
  return undefined;
}

/** Mild pain still counts half; pain 10 counts fully. */
function intensityFactor(intensity: number | undefined): number {
  if (intensity === undefined) return 1;
  return 0.5 + Math.min(10, Math.max(0, intensity)) / 20;
}

function sidesFor(mark: PainRegionInput): Side[] {
  // Referral is to the same side; a midline region (or an unsided mark) can come from either side.
  const lateral = findRegion(mark.regionId)?.lateral ?? false;
  return lateral && mark.side ? [mark.side] : ['left', 'right'];
}

function reasonFor(entry: TriggerPointMuscle, explains: ExplainedRegion[], sides: Side[]): string {
  const byZone = (zone: ReferralZone) =>
    explains
      .filter((e) => e.zone === zone)
      .map((e) => describeMark(e))
      .join(', ');
  const parts = [
    byZone('primary') && `its usual referral zone covers ${byZone('primary')}`,
    byZone('spillover') && `its spillover zone covers ${byZone('spillover')}`,
    byZone('local') && `pain lies over its trigger points at ${byZone('local')}`,
  ].filter(Boolean);
  const where = sides.length === 2 ? 'both sides' : `the ${sides[0]} side`;
  return `${entry.muscle} (${where}): ${parts.join('; ')}. Pattern: ${entry.referralNote}`;
}

function rankOne(entry: TriggerPointMuscle, marks: readonly PainRegionInput[]): MuscleRanking | undefined {
  const explains: ExplainedRegion[] = [];
  const sides = new Set<Side>();
  let score = 0;
  for (const mark of marks) {
    const zone = zoneOf(entry, mark.regionId);
    if (!zone) continue;
    const weight = ZONE_WEIGHT[zone] * intensityFactor(mark.intensity);
    score += weight;
    for (const side of sidesFor(mark)) sides.add(side);
    explains.push({
      regionId: mark.regionId,
      ...(mark.side ? { side: mark.side } : {}),
      label: describeMark(mark),
      zone,
      weight: Math.round(weight * 100) / 100,
    });
  }
  if (explains.length === 0) return undefined;
  const sideList = (['left', 'right'] as const).filter((side) => sides.has(side));
  return {
    muscleId: entry.id,
    muscle: entry.muscle,
    score: Math.round(score * 100) / 100,
    sides: sideList,
    explains,
    coverage: Math.round((explains.length / marks.length) * 100) / 100,
    reason: reasonFor(entry, explains, sideList),
    source: entry.source,
  };
}

const patternSize = (entry: TriggerPointMuscle) =>
  entry.referral.primary.length + entry.referral.spillover.length;

/**
 * Muscles ordered by how well their referral patterns explain the painful regions. Ties go to the
 * muscle with the narrower pattern, because a specific match is the stronger clue.
 */
export function rankMusclesForPainDrawing(
  painRegions: readonly PainRegionInput[],
  options: { limit?: number; catalogue?: readonly TriggerPointMuscle[] } = {},
): MuscleRanking[] {
  const painful = painRegions.filter((mark) => mark.intensity === undefined || mark.intensity > 0);
  if (painful.length === 0) return [];
  const catalogue = options.catalogue ?? TRIGGER_POINT_MUSCLES;
  const size = new Map(catalogue.map((entry) => [entry.id, patternSize(entry)]));
  const ranked = catalogue
    .map((entry) => rankOne(entry, painful))
    .filter((ranking): ranking is MuscleRanking => ranking !== undefined)
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.coverage - a.coverage ||
        (size.get(a.muscleId) ?? 0) - (size.get(b.muscleId) ?? 0) ||
        a.muscle.localeCompare(b.muscle),
    );
  return options.limit === undefined ? ranked : ranked.slice(0, options.limit);
}

/** Palpation finding for one muscle on one side, in the terms trigger-point examination uses. */
export const palpationFindingSchema = z
  .object({
    /** A catalogue muscle id, or 'other' with the muscle named. */
    muscleId: z.string().min(1),
    muscleName: z.string().trim().min(1).max(120).optional(),
    side: sideSchema.optional(),
    triggerPoint: z.enum(['active', 'latent', 'none']),
    tautBand: z.boolean().default(false),
    localTwitchResponse: z.boolean().default(false),
    jumpSign: z.boolean().default(false),
    /** Reproduces the patient's familiar pain: what makes a trigger point "active". */
    reproducesFamiliarPain: z.boolean().default(false),
    /** 0 none, 1 mild, 2 moderate, 3 severe (withdrawal). */
    tenderness: z.number().int().min(0).max(3),
    notes: z.string().trim().max(1000).optional(),
  })
  .superRefine((finding, ctx) => {
    const known = TRIGGER_POINT_MUSCLES.some((entry) => entry.id === finding.muscleId);
    if (finding.muscleId === 'other' ? !finding.muscleName : !known) {
      ctx.addIssue({
        code: 'custom',
        path: [finding.muscleId === 'other' ? 'muscleName' : 'muscleId'],
        message: finding.muscleId === 'other' ? 'Name the muscle' : 'Unknown muscle',
      });
    }
    if (finding.muscleId !== 'other' && !finding.side) {
      ctx.addIssue({ code: 'custom', path: ['side'], message: 'Paired muscles need a side' });
    }
    if (finding.triggerPoint === 'active' && !finding.reproducesFamiliarPain) {
      ctx.addIssue({
        code: 'custom',
        path: ['reproducesFamiliarPain'],
        message: 'An active trigger point reproduces the familiar pain; otherwise record it as latent',
      });
    }
  });

export type PalpationFinding = z.infer<typeof palpationFindingSchema>;
