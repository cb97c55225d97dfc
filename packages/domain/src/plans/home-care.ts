/**
 * Home-care library: the self-care and stretches a therapist gives a patient between visits.
 * The built-in items are written in our own words; a clinic adds its own items, which carry a
 * `clinic.` id prefix so they can never collide with (or silently replace) a built-in item.
 * `cautionTags` let the screening findings that refuse a technique also flag a home item
 * (e.g. a heat pack for a patient who must avoid heat).
 */
import { z } from 'zod';
import { isRegionId } from '../body/regions.ts';
import type { TechniqueTag } from '../screening/types.ts';
import { techniqueTagSchema } from './treatment.schema.ts';

export type HomeCareKind = 'stretch' | 'self_massage' | 'heat_cold' | 'posture' | 'activity' | 'breathing';

export interface HomeCareDose {
  holdSeconds?: number;
  repetitions?: number;
  sets?: number;
  timesPerDay?: number;
  minutes?: number;
}

export interface HomeCareItem {
  id: string;
  kind: HomeCareKind;
  label: string;
  instructions: string;
  regions: readonly string[];
  dose: HomeCareDose;
  cautionTags?: readonly TechniqueTag[];
}

export const HOME_CARE_LIBRARY: readonly HomeCareItem[] = [
  {
    id: 'upper_trapezius_stretch',
    kind: 'stretch',
    label: 'Upper trapezius stretch',
    instructions:
      'Sit tall, hold the seat with one hand, tilt your ear toward the other shoulder until you feel a gentle stretch.',
    regions: ['upper_trapezius', 'neck_posterior'],
    dose: { holdSeconds: 30, repetitions: 3, timesPerDay: 2 },
    cautionTags: ['stretching'],
  },
  {
    id: 'chin_tuck',
    kind: 'posture',
    label: 'Chin tuck',
    instructions: 'Glide your chin straight back as if making a double chin, hold, then relax.',
    regions: ['neck_posterior', 'occiput'],
    dose: { holdSeconds: 5, repetitions: 10, timesPerDay: 3 },
  },
  {
    id: 'doorway_pectoral_stretch',
    kind: 'stretch',
    label: 'Doorway chest stretch',
    instructions:
      'Forearms on the door frame at shoulder height, step through slowly until the front of the chest stretches.',
    regions: ['chest', 'shoulder_anterior'],
    dose: { holdSeconds: 30, repetitions: 3, timesPerDay: 2 },
    cautionTags: ['stretching'],
  },
  {
    id: 'piriformis_stretch',
    kind: 'stretch',
    label: 'Piriformis stretch (lying)',
    instructions:
      'Lying on your back, cross one ankle over the other knee and draw the lower thigh toward you.',
    regions: ['gluteal', 'hip_lateral'],
    dose: { holdSeconds: 30, repetitions: 3, timesPerDay: 2 },
    cautionTags: ['stretching'],
  },
  {
    id: 'hamstring_stretch',
    kind: 'stretch',
    label: 'Hamstring stretch (seated)',
    instructions:
      'Sit on the edge of a chair, one leg straight, and lean forward from the hips with a long back.',
    regions: ['thigh_posterior'],
    dose: { holdSeconds: 30, repetitions: 3, timesPerDay: 2 },
    cautionTags: ['stretching'],
  },
  {
    id: 'knee_to_chest',
    kind: 'stretch',
    label: 'Knee to chest',
    instructions: 'Lying on your back, bring one knee toward your chest with your hands and breathe slowly.',
    regions: ['lumbar', 'gluteal'],
    dose: { holdSeconds: 20, repetitions: 5, timesPerDay: 2 },
    cautionTags: ['stretching'],
  },
  {
    id: 'wrist_flexor_stretch',
    kind: 'stretch',
    label: 'Wrist flexor stretch',
    instructions: 'Arm straight, palm up, gently draw the fingers back with the other hand.',
    regions: ['forearm_anterior', 'wrist'],
    dose: { holdSeconds: 20, repetitions: 3, timesPerDay: 3 },
    cautionTags: ['stretching'],
  },
  {
    id: 'tennis_ball_self_release',
    kind: 'self_massage',
    label: 'Ball self-release',
    instructions:
      'Lean on a tennis ball against a wall over the tender spot; keep the pressure comfortable and breathe.',
    regions: ['gluteal', 'scapula_medial_border', 'upper_trapezius'],
    dose: { minutes: 2, timesPerDay: 1 },
    cautionTags: ['sustained_compression'],
  },
  {
    id: 'moist_heat',
    kind: 'heat_cold',
    label: 'Moist heat',
    instructions: 'Warm, moist towel or heat pack over a cloth layer; stop if the skin becomes red or numb.',
    regions: [],
    dose: { minutes: 15, timesPerDay: 2 },
    cautionTags: ['heat'],
  },
  {
    id: 'cold_pack',
    kind: 'heat_cold',
    label: 'Cold pack',
    instructions: 'Wrapped cold pack over the sore area; remove it if the skin turns white or numb.',
    regions: [],
    dose: { minutes: 10, timesPerDay: 3 },
  },
  {
    id: 'diaphragmatic_breathing',
    kind: 'breathing',
    label: 'Belly breathing',
    instructions: 'One hand on the belly, breathe in through the nose so the hand rises, breathe out slowly.',
    regions: ['abdomen', 'chest'],
    dose: { minutes: 5, timesPerDay: 2 },
  },
  {
    id: 'walking',
    kind: 'activity',
    label: 'Walking',
    instructions: 'A comfortable walk on level ground, building up the time a little each week.',
    regions: [],
    dose: { minutes: 15, timesPerDay: 1 },
  },
];

const positiveInt = z.number().int().positive();

/** A clinic's own home-care item, as entered in the clinic's settings. */
export const customHomeCareItemSchema = z.object({
  id: z
    .string()
    .regex(/^clinic\.[a-z0-9_]+$/, 'Use "clinic." followed by lowercase letters, digits or underscores'),
  kind: z.enum(['stretch', 'self_massage', 'heat_cold', 'posture', 'activity', 'breathing']),
  label: z.string().trim().min(1).max(120),
  instructions: z.string().trim().min(1).max(2000),
  regions: z.array(z.string().refine(isRegionId, 'Unknown body region')),
  dose: z.object({
    holdSeconds: positiveInt.optional(),
    repetitions: positiveInt.optional(),
    sets: positiveInt.optional(),
    timesPerDay: positiveInt.optional(),
    minutes: positiveInt.optional(),
  }),
  cautionTags: z.array(techniqueTagSchema).optional(),
}) satisfies z.ZodType<HomeCareItem>;

export type CustomHomeCareItem = z.infer<typeof customHomeCareItemSchema>;

/** The built-in library followed by the clinic's own items. */
export function clinicHomeCareLibrary(custom: readonly CustomHomeCareItem[]): HomeCareItem[] {
  const seen = new Set<string>();
  const merged: HomeCareItem[] = [];
  for (const item of [...HOME_CARE_LIBRARY, ...custom]) {
    if (seen.has(item.id)) throw new RangeError(`Home-care item ${item.id} is defined twice`);
    seen.add(item.id);
    merged.push(item);
  }
  return merged;
}

export function findHomeCareItem(library: readonly HomeCareItem[], id: string): HomeCareItem | undefined {
  return library.find((item) => item.id === id);
}
