/**
 * The techniques a therapist plans and documents. Each carries the tags contraindication rules
 * speak about (screening/types.ts), so a finding such as "no deep or vigorous work" refuses every
 * technique tagged that way without the rules knowing technique names. Tags describe the
 * technique as usually performed; the pressure actually used is checked separately against a
 * finding's ceiling.
 *
 * `billingCode` is the code the technique usually bills under; a payer or clinic may bill it
 * differently, so a session line can name another code. Labels and descriptions are our own.
 */
import type { Pressure, TechniqueTag } from '../screening/types.ts';

export interface Technique {
  id: string;
  label: string;
  description: string;
  billingCode: string;
  tags: readonly TechniqueTag[];
  typicalPressure: { min: Pressure; max: Pressure };
}

const t = (
  id: string,
  label: string,
  billingCode: string,
  tags: TechniqueTag[],
  min: Pressure,
  max: Pressure,
  description: string,
): Technique => ({ id, label, description, billingCode, tags, typicalPressure: { min, max } });

export const TECHNIQUES: readonly Technique[] = [
  t(
    'myofascial_release',
    'Myofascial release',
    '97140',
    [],
    1,
    3,
    'Slow, low-load stretch of fascia held until the tissue softens.',
  ),
  t(
    'trigger_point_therapy',
    'Trigger point therapy',
    '97140',
    ['sustained_compression'],
    2,
    4,
    'Compression held on a trigger point until its tenderness and referral ease.',
  ),
  t(
    'deep_tissue',
    'Deep tissue massage',
    '97124',
    ['deep_pressure', 'sustained_compression'],
    3,
    5,
    'Slow strokes and held pressure reaching the deeper muscle layers.',
  ),
  t(
    'neuromuscular_therapy',
    'Neuromuscular therapy',
    '97140',
    ['sustained_compression'],
    2,
    4,
    'Systematic work along muscles to find and release tender points and bands.',
  ),
  t(
    'swedish_effleurage',
    'Swedish massage / effleurage',
    '97124',
    [],
    1,
    3,
    'Gliding, kneading and light strokes toward the heart.',
  ),
  t(
    'manual_lymphatic_drainage',
    'Manual lymphatic drainage',
    '97140',
    ['lymphatic'],
    1,
    1,
    'Very light rhythmic skin stretching that moves lymph toward working nodes.',
  ),
  t(
    'scar_tissue_mobilisation',
    'Scar tissue mobilisation',
    '97140',
    ['friction'],
    1,
    3,
    'Moving a healed scar and the tissue around it in every direction to free adhesions.',
  ),
  t(
    'pnf_stretching',
    'PNF stretching (contract–relax)',
    '97112',
    ['stretching'],
    1,
    3,
    'Stretch alternated with the patient contracting against resistance, then relaxing further.',
  ),
  t(
    'assisted_stretching',
    'Assisted stretching',
    '97110',
    ['stretching'],
    1,
    3,
    'The therapist takes a muscle slowly to a comfortable stretch and holds it.',
  ),
  t(
    'muscle_energy_technique',
    'Muscle energy technique',
    '97140',
    ['stretching'],
    1,
    2,
    'Gentle patient contractions in set directions to lengthen a muscle or ease a joint.',
  ),
  t(
    'positional_release',
    'Positional release',
    '97140',
    [],
    1,
    2,
    'The body is placed in a position of ease and held until a tender point softens.',
  ),
  t(
    'cross_fibre_friction',
    'Cross-fibre friction',
    '97140',
    ['friction', 'deep_pressure'],
    3,
    5,
    'Firm strokes across the fibres of a tendon, ligament or muscle to remodel it.',
  ),
  t(
    'tapotement_vibration',
    'Tapotement and vibration',
    '97124',
    ['vigorous'],
    2,
    3,
    'Rhythmic percussion, shaking or vibration to stimulate the tissue.',
  ),
  t(
    'abdominal_massage',
    'Abdominal massage',
    '97124',
    ['abdominal_work'],
    1,
    3,
    'Slow clockwise strokes over the abdomen, for example for constipation or visceral tension.',
  ),
  t(
    'hot_pack',
    'Hot pack',
    '97010',
    ['heat'],
    1,
    1,
    'Moist heat applied before manual work to warm the tissue.',
  ),
  t('cold_pack', 'Cold pack', '97010', [], 1, 1, 'Cold applied to settle an irritable area.'),
  t(
    'home_programme_coaching',
    'Home programme coaching',
    '97535',
    [],
    1,
    1,
    'Teaching and checking the stretches and self-care the patient does at home.',
  ),
];

const byId = new Map(TECHNIQUES.map((technique) => [technique.id, technique]));

export function findTechnique(id: string): Technique | undefined {
  return byId.get(id);
}

export function isTechniqueId(id: string): boolean {
  return byId.has(id);
}

export function techniqueLabel(id: string): string {
  return byId.get(id)?.label ?? id;
}
