/**
 * Posture observations recorded as structured findings (so re-evaluations can compare them and the
 * plan of care can point at the regions involved), with free-text notes and photos kept beside.
 * Observation grades are the therapist's visual impression, not measurements.
 */
import { z } from 'zod';
import type { Side } from '../body/regions.ts';
import type { RegionTarget } from '../screening/types.ts';
import { sideSchema } from './pain-drawing.ts';

export const gradeSchema = z.enum(['none', 'mild', 'moderate', 'marked']);
export type Grade = z.infer<typeof gradeSchema>;

const sided = z.object({ side: sideSchema, grade: gradeSchema });
const perSide = z.object({ left: gradeSchema.optional(), right: gradeSchema.optional() });
const curve = z.enum(['reduced', 'normal', 'increased']);

export const postureFindingsSchema = z.object({
  forwardHead: gradeSchema.optional(),
  /** The higher shoulder and by how much. */
  shoulderElevation: sided.optional(),
  shoulderProtraction: perSide.optional(),
  scapularWinging: perSide.optional(),
  thoracicKyphosis: curve.optional(),
  lumbarLordosis: curve.optional(),
  /** Sagittal pelvic tilt. */
  pelvicTilt: z.enum(['neutral', 'anterior', 'posterior']).optional(),
  /** Frontal-plane obliquity: the higher iliac crest. */
  pelvicObliquity: sided.optional(),
  /** Trunk shifted over the pelvis, named by the direction of the shift. */
  lateralShift: sided.optional(),
  scoliosis: z
    .object({
      region: z.enum(['thoracic', 'thoracolumbar', 'lumbar']),
      convexity: sideSchema,
      grade: gradeSchema,
    })
    .optional(),
  /** Impression only; a tape or block measurement goes in the notes. */
  legLength: z
    .union([
      z.object({ impression: z.literal('equal') }),
      z.object({
        impression: z.literal('shorter'),
        side: sideSchema,
        estimatedMm: z.number().min(1).max(100).optional(),
      }),
    ])
    .optional(),
  notes: z.string().trim().max(2000).optional(),
  /** Ids of photos stored with the assessment (the files live with the server, not here). */
  photoIds: z.array(z.string().min(1).max(100)).max(12).default([]),
});

export type PostureFindings = z.infer<typeof postureFindingsSchema>;

export interface PostureFinding {
  code: string;
  text: string;
  /** Regions the finding concerns, for the plan of care and the body chart. */
  regions: RegionTarget[];
}

export interface PostureSummary {
  findings: PostureFinding[];
  /** True when nothing deviating was recorded (and something was observed at all). */
  unremarkable: boolean;
  text: string;
}

const present = (grade: Grade | undefined): grade is Exclude<Grade, 'none'> =>
  grade !== undefined && grade !== 'none';
const both = (regionId: string): RegionTarget[] => [
  { regionId, side: 'left' },
  { regionId, side: 'right' },
];
const one = (regionId: string, side?: Side): RegionTarget => (side ? { regionId, side } : { regionId });

function perSideFindings(
  code: string,
  what: string,
  value: z.infer<typeof perSide> | undefined,
  regionIds: readonly string[],
): PostureFinding[] {
  return (['left', 'right'] as const).flatMap((side) => {
    const grade = value?.[side];
    if (!present(grade)) return [];
    return [{ code, text: `${grade} ${what}, ${side}`, regions: regionIds.map((id) => one(id, side)) }];
  });
}

/** The deviations in plain words, each with the regions it concerns. */
export function summarizePosture(p: PostureFindings): PostureSummary {
  const findings: PostureFinding[] = [];
  const add = (code: string, text: string, regions: RegionTarget[]) => findings.push({ code, text, regions });

  if (present(p.forwardHead)) {
    add('forward_head', `${p.forwardHead} forward head posture`, [
      one('occiput'),
      ...both('neck_posterior'),
      ...both('upper_trapezius'),
    ]);
  }
  if (p.shoulderElevation && present(p.shoulderElevation.grade)) {
    const { side, grade } = p.shoulderElevation;
    add('shoulder_elevation', `${side} shoulder elevated (${grade})`, [one('upper_trapezius', side)]);
  }
  findings.push(
    ...perSideFindings('shoulder_protraction', 'shoulder protraction', p.shoulderProtraction, [
      'chest',
      'scapula_medial_border',
    ]),
  );
  findings.push(...perSideFindings('scapular_winging', 'scapular winging', p.scapularWinging, ['scapular']));
  if (p.thoracicKyphosis && p.thoracicKyphosis !== 'normal') {
    add('thoracic_kyphosis', `${p.thoracicKyphosis} thoracic kyphosis`, [one('thoracic')]);
  }
  if (p.lumbarLordosis && p.lumbarLordosis !== 'normal') {
    add('lumbar_lordosis', `${p.lumbarLordosis} lumbar lordosis`, [one('lumbar')]);
  }
  if (p.pelvicTilt && p.pelvicTilt !== 'neutral') {
    const regions =
      p.pelvicTilt === 'anterior'
        ? [one('lumbar'), ...both('groin')]
        : [one('lumbar'), ...both('thigh_posterior')];
    add('pelvic_tilt', `${p.pelvicTilt} pelvic tilt`, regions);
  }
  if (p.pelvicObliquity && present(p.pelvicObliquity.grade)) {
    const { side, grade } = p.pelvicObliquity;
    add('pelvic_obliquity', `${side} iliac crest higher (${grade})`, [
      one('iliac_crest', side),
      one('lumbar'),
    ]);
  }
  if (p.lateralShift && present(p.lateralShift.grade)) {
    const { side, grade } = p.lateralShift;
    add('lateral_shift', `lateral shift of the trunk to the ${side} (${grade})`, [one('lumbar')]);
  }
  if (p.scoliosis && present(p.scoliosis.grade)) {
    const { region, convexity, grade } = p.scoliosis;
    const regions =
      region === 'thoracic'
        ? [one('thoracic')]
        : region === 'lumbar'
          ? [one('lumbar')]
          : [one('thoracic'), one('lumbar')];
    add('scoliosis', `${grade} ${region} scoliosis, convex to the ${convexity}`, regions);
  }
  if (p.legLength?.impression === 'shorter') {
    const mm = p.legLength.estimatedMm ? ` by about ${p.legLength.estimatedMm} mm` : '';
    add('leg_length', `${p.legLength.side} leg appears shorter${mm}`, [
      one('hip_lateral', p.legLength.side),
      one('sacral_si', p.legLength.side),
    ]);
  }

  const observed = Object.entries(p).some(
    ([key, value]) => key !== 'photoIds' && key !== 'notes' && value !== undefined,
  );
  const unremarkable = observed && findings.length === 0;
  const text =
    findings.length > 0
      ? `Posture: ${findings.map((f) => f.text).join('; ')}.`
      : observed
        ? 'Posture: no deviation observed.'
        : 'Posture: not assessed.';
  return { findings, unremarkable, text };
}
