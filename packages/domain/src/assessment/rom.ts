/**
 * Range of motion: measured degrees, the normal value they are compared with, and the standard
 * that normal comes from. Normals differ between standards (cervical and lower-limb values most),
 * so every normal names its standard and a measurement may carry its own normal (e.g. the
 * uninvolved side, or a payer's standard) instead of the default.
 */
import { z } from 'zod';
import type { Side } from '../body/regions.ts';
import { sideSchema } from './pain-drawing.ts';

export const JOINT_MOTIONS = {
  cervical: ['flexion', 'extension', 'lateral_flexion', 'rotation'],
  thoracic: ['rotation'],
  lumbar: ['flexion', 'extension', 'lateral_flexion'],
  shoulder: ['flexion', 'extension', 'abduction', 'internal_rotation', 'external_rotation'],
  elbow: ['flexion'],
  forearm: ['pronation', 'supination'],
  wrist: ['flexion', 'extension', 'radial_deviation', 'ulnar_deviation'],
  hip: ['flexion', 'extension', 'abduction', 'adduction', 'internal_rotation', 'external_rotation'],
  knee: ['flexion'],
  ankle: ['dorsiflexion', 'plantarflexion'],
} as const;

export type Joint = keyof typeof JOINT_MOTIONS;
export type Motion = (typeof JOINT_MOTIONS)[Joint][number];

export interface NormalRom {
  joint: Joint;
  motion: Motion;
  degrees: number;
  standard: string;
}

export const AAOS = 'AAOS';
export const AAOS_SOURCE =
  'American Academy of Orthopaedic Surgeons. Joint Motion: Method of Measuring and Recording (1965); Greene WB, Heckman JD (eds). The Clinical Measurement of Joint Motion. AAOS, 1994.';

const aaos = (joint: Joint, motion: Motion, degrees: number): NormalRom => ({
  joint,
  motion,
  degrees,
  standard: AAOS,
});

/**
 * The spine is rated by inclinometer in the AMA Guides (5th edition, chapter 15, range-of-motion
 * method), whose normals are the ones US payers and impairment reports use; the AAOS goniometry
 * manuals measure the thoracolumbar spine as one unit. The 6th edition rates the spine by
 * diagnosis rather than by motion, so the 5th edition is the standard named here.
 */
export const AMA_GUIDES_5 = 'AMA Guides 5th ed.';
export const AMA_GUIDES_5_SOURCE =
  'American Medical Association. Guides to the Evaluation of Permanent Impairment, 5th ed. (2001), chapter 15, The Spine: range-of-motion method (dual inclinometer) — lumbar flexion 60°, extension 25°, lateral bending 25° each side; thoracic rotation 30° each side.';

const amaGuides5 = (joint: Joint, motion: Motion, degrees: number): NormalRom => ({
  joint,
  motion,
  degrees,
  standard: AMA_GUIDES_5,
});

export const NORMAL_ROM: readonly NormalRom[] = [
  aaos('cervical', 'flexion', 45),
  aaos('cervical', 'extension', 45),
  aaos('cervical', 'lateral_flexion', 45),
  aaos('cervical', 'rotation', 60),
  amaGuides5('thoracic', 'rotation', 30),
  amaGuides5('lumbar', 'flexion', 60),
  amaGuides5('lumbar', 'extension', 25),
  amaGuides5('lumbar', 'lateral_flexion', 25),
  aaos('shoulder', 'flexion', 180),
  aaos('shoulder', 'extension', 60),
  aaos('shoulder', 'abduction', 180),
  aaos('shoulder', 'internal_rotation', 70),
  aaos('shoulder', 'external_rotation', 90),
  aaos('elbow', 'flexion', 150),
  aaos('forearm', 'pronation', 80),
  aaos('forearm', 'supination', 80),
  aaos('wrist', 'flexion', 80),
  aaos('wrist', 'extension', 70),
  aaos('wrist', 'radial_deviation', 20),
  aaos('wrist', 'ulnar_deviation', 30),
  aaos('hip', 'flexion', 120),
  aaos('hip', 'extension', 30),
  aaos('hip', 'abduction', 45),
  aaos('hip', 'adduction', 30),
  aaos('hip', 'internal_rotation', 45),
  aaos('hip', 'external_rotation', 45),
  aaos('knee', 'flexion', 135),
  aaos('ankle', 'dorsiflexion', 20),
  aaos('ankle', 'plantarflexion', 50),
];

/** Spinal flexion and extension are single midline motions; every other motion has a side. */
const SPINE: readonly Joint[] = ['cervical', 'thoracic', 'lumbar'];

export function motionHasSide(joint: Joint, motion: Motion): boolean {
  return !(SPINE.includes(joint) && (motion === 'flexion' || motion === 'extension'));
}

/**
 * The normal for a motion in the given standard, or, without one, the catalogue's default for that
 * motion (AAOS for the limbs and neck, the AMA Guides for the thoracic and lumbar spine).
 */
export function findNormalRom(joint: Joint, motion: Motion, standard?: string): NormalRom | undefined {
  return NORMAL_ROM.find(
    (n) => n.joint === joint && n.motion === motion && (standard === undefined || n.standard === standard),
  );
}

const jointSchema = z.enum(Object.keys(JOINT_MOTIONS) as [Joint, ...Joint[]]);

export const romMeasurementSchema = z
  .object({
    joint: jointSchema,
    motion: z.string(),
    side: sideSchema.optional(),
    mode: z.enum(['active', 'passive']),
    degrees: z.number().min(0).max(360),
    painAtEndRange: z.boolean().default(false),
    endFeel: z.enum(['normal', 'firm', 'hard', 'soft', 'empty', 'springy']).optional(),
    /** A normal other than the catalogue's default, with the standard it comes from. */
    normal: z
      .object({ degrees: z.number().positive().max(360), standard: z.string().trim().min(1).max(80) })
      .optional(),
    notes: z.string().trim().max(500).optional(),
  })
  .superRefine((m, ctx) => {
    const motions: readonly string[] = JOINT_MOTIONS[m.joint];
    if (!motions.includes(m.motion)) {
      ctx.addIssue({ code: 'custom', path: ['motion'], message: `Not a motion of the ${m.joint} joint` });
      return;
    }
    const sided = motionHasSide(m.joint, m.motion as Motion);
    if (sided && !m.side)
      ctx.addIssue({ code: 'custom', path: ['side'], message: 'This motion needs a side' });
    if (!sided && m.side)
      ctx.addIssue({ code: 'custom', path: ['side'], message: 'This motion has no side' });
  });

export type RomMeasurement = z.infer<typeof romMeasurementSchema>;

export interface PercentOfNormal {
  normalDegrees: number;
  standard: string;
  /** Rounded to a whole percent, as range of motion is reported. */
  percent: number;
  deficitDegrees: number;
  limited: boolean;
}

/**
 * Below 90 % of normal counts as limited by default: about twice the ±5° repeatability of a
 * goniometer on a typical arc, so the flag is not raised by measurement error alone.
 */
export const DEFAULT_LIMITED_BELOW_PERCENT = 90;

export function percentOfNormal(
  measurement: Pick<RomMeasurement, 'joint' | 'motion' | 'degrees' | 'normal'>,
  options: { limitedBelowPercent?: number; standard?: string } = {},
): PercentOfNormal | undefined {
  const normal =
    measurement.normal ?? findNormalRom(measurement.joint, measurement.motion as Motion, options.standard);
  if (!normal) return undefined;
  const exact = (measurement.degrees / normal.degrees) * 100;
  return {
    normalDegrees: normal.degrees,
    standard: normal.standard,
    percent: Math.round(exact),
    deficitDegrees: Math.max(0, normal.degrees - measurement.degrees),
    limited: exact < (options.limitedBelowPercent ?? DEFAULT_LIMITED_BELOW_PERCENT),
  };
}

export interface SideComparison {
  joint: Joint;
  motion: string;
  mode: 'active' | 'passive';
  left: number;
  right: number;
  differenceDegrees: number;
  /** Difference as a share of the larger side, in percent. */
  asymmetryPercent: number;
  /** The side with less motion, when the difference is at least the threshold. */
  limitedSide?: Side;
  summary: string;
}

/** A 10° side-to-side difference exceeds the usual between-session goniometric error. */
export const DEFAULT_SIDE_DIFFERENCE_DEGREES = 10;

/** Left against right for every motion measured on both sides in the same mode. */
export function compareSides(
  measurements: readonly RomMeasurement[],
  options: { thresholdDegrees?: number } = {},
): SideComparison[] {
  const threshold = options.thresholdDegrees ?? DEFAULT_SIDE_DIFFERENCE_DEGREES;
  const key = (m: RomMeasurement) => `${m.joint}|${m.motion}|${m.mode}`;
  const keys = [...new Set(measurements.filter((m) => m.side).map(key))];
  return keys.flatMap((k) => {
    const left = measurements.find((m) => key(m) === k && m.side === 'left');
    const right = measurements.find((m) => key(m) === k && m.side === 'right');
    if (!left || !right) return [];
    const differenceDegrees = Math.abs(left.degrees - right.degrees);
    const larger = Math.max(left.degrees, right.degrees);
    const asymmetryPercent = larger === 0 ? 0 : Math.round((differenceDegrees / larger) * 100);
    const limitedSide: Side | undefined =
      differenceDegrees >= threshold ? (left.degrees < right.degrees ? 'left' : 'right') : undefined;
    const motion = `${left.joint} ${left.motion.replace('_', ' ')} (${left.mode})`;
    return [
      {
        joint: left.joint,
        motion: left.motion,
        mode: left.mode,
        left: left.degrees,
        right: right.degrees,
        differenceDegrees,
        asymmetryPercent,
        ...(limitedSide ? { limitedSide } : {}),
        summary: limitedSide
          ? `${motion}: left ${left.degrees}°, right ${right.degrees}°; ${limitedSide} limited by ${differenceDegrees}°.`
          : `${motion}: left ${left.degrees}°, right ${right.degrees}°; symmetrical within ${threshold}°.`,
      },
    ];
  });
}
