/**
 * The body-region model shared by screening ("avoid this region"), the pain drawing, the
 * techniques documented in a session note, and reports. Regions are lateral where the body is
 * paired: a lateral region is stored once with a side (left/right), midline regions have no side.
 * The view says on which drawing (front/back) the region is drawn.
 */
export type BodyView = 'front' | 'back';
export type Side = 'left' | 'right';

export interface BodyRegion {
  id: string;
  label: string;
  view: BodyView;
  lateral: boolean;
  /** Broader area used for grouping in reports and for area-level rules (e.g. "lower limb"). */
  area: 'head_neck' | 'upper_limb' | 'trunk' | 'lower_limb';
}

const r = (
  id: string,
  label: string,
  view: BodyView,
  lateral: boolean,
  area: BodyRegion['area'],
): BodyRegion => ({ id, label, view, lateral, area });

export const BODY_REGIONS: readonly BodyRegion[] = [
  // Head and neck
  r('head_vertex', 'Top of the head', 'front', false, 'head_neck'),
  r('forehead', 'Forehead', 'front', false, 'head_neck'),
  r('temple', 'Temple', 'front', true, 'head_neck'),
  r('eye_region', 'Around and behind the eye', 'front', true, 'head_neck'),
  r('face_jaw', 'Face and jaw (TMJ, masseter)', 'front', true, 'head_neck'),
  r('ear', 'Ear and mastoid', 'front', true, 'head_neck'),
  r('occiput', 'Base of the skull (occiput)', 'back', false, 'head_neck'),
  r('side_of_head', 'Side of the head', 'back', true, 'head_neck'),
  r('neck_anterior', 'Front of the neck (anterior triangle)', 'front', true, 'head_neck'),
  r('neck_posterior', 'Back of the neck', 'back', true, 'head_neck'),
  r('throat', 'Throat', 'front', false, 'head_neck'),
  // Shoulder girdle and upper limb
  r('upper_trapezius', 'Upper trapezius', 'back', true, 'head_neck'),
  r('shoulder_anterior', 'Front of the shoulder', 'front', true, 'upper_limb'),
  r('shoulder_posterior', 'Back of the shoulder', 'back', true, 'upper_limb'),
  r('deltoid', 'Deltoid (lateral shoulder)', 'front', true, 'upper_limb'),
  r('axilla', 'Armpit (axilla)', 'front', true, 'upper_limb'),
  r('upper_arm_anterior', 'Upper arm, front', 'front', true, 'upper_limb'),
  r('upper_arm_posterior', 'Upper arm, back', 'back', true, 'upper_limb'),
  r('elbow_lateral', 'Elbow, outer side (lateral epicondyle)', 'back', true, 'upper_limb'),
  r('elbow_medial', 'Elbow, inner side', 'front', true, 'upper_limb'),
  r('cubital_fossa', 'Inside of the elbow (cubital fossa)', 'front', true, 'upper_limb'),
  r('forearm_anterior', 'Forearm, palm side', 'front', true, 'upper_limb'),
  r('forearm_posterior', 'Forearm, back', 'back', true, 'upper_limb'),
  r('wrist', 'Wrist', 'front', true, 'upper_limb'),
  r('hand_palm', 'Hand, palm', 'front', true, 'upper_limb'),
  r('hand_dorsum', 'Hand, back', 'back', true, 'upper_limb'),
  r('thumb_index', 'Thumb and index finger', 'front', true, 'upper_limb'),
  // Trunk
  r('chest', 'Chest', 'front', true, 'trunk'),
  r('breast', 'Breast', 'front', true, 'trunk'),
  r('abdomen', 'Abdomen', 'front', false, 'trunk'),
  r('scapular', 'Shoulder blade (scapular area)', 'back', true, 'trunk'),
  r('scapula_medial_border', 'Between the shoulder blades (medial border)', 'back', true, 'trunk'),
  r('thoracic', 'Mid back (thoracic)', 'back', false, 'trunk'),
  r('lumbar', 'Low back (lumbar)', 'back', false, 'trunk'),
  r('kidney_area', 'Kidney area (flank)', 'back', true, 'trunk'),
  r('iliac_crest', 'Iliac crest', 'back', true, 'trunk'),
  r('sacral_si', 'Sacrum and SI joint', 'back', true, 'trunk'),
  // Hip and lower limb
  r('gluteal', 'Buttock (gluteal)', 'back', true, 'lower_limb'),
  r('hip_lateral', 'Outer hip (greater trochanter)', 'front', true, 'lower_limb'),
  r('groin', 'Groin', 'front', true, 'lower_limb'),
  r('femoral_triangle', 'Femoral triangle', 'front', true, 'lower_limb'),
  r('thigh_anterior', 'Thigh, front', 'front', true, 'lower_limb'),
  r('thigh_lateral', 'Thigh, outer side', 'front', true, 'lower_limb'),
  r('thigh_posterior', 'Thigh, back (hamstrings)', 'back', true, 'lower_limb'),
  r('thigh_medial', 'Thigh, inner side', 'front', true, 'lower_limb'),
  r('knee_anterior', 'Knee, front', 'front', true, 'lower_limb'),
  r('popliteal_fossa', 'Back of the knee (popliteal fossa)', 'back', true, 'lower_limb'),
  r('shin', 'Shin', 'front', true, 'lower_limb'),
  r('calf', 'Calf', 'back', true, 'lower_limb'),
  r('ankle', 'Ankle', 'front', true, 'lower_limb'),
  r('foot_dorsum', 'Top of the foot (instep)', 'front', true, 'lower_limb'),
  r('foot_plantar', 'Sole of the foot', 'back', true, 'lower_limb'),
];

const byId = new Map(BODY_REGIONS.map((region) => [region.id, region]));

export function findRegion(id: string): BodyRegion | undefined {
  return byId.get(id);
}

export function isRegionId(id: string): boolean {
  return byId.has(id);
}

/** Regions where deep sustained pressure is never applied (endangerment sites). */
export const ENDANGERMENT_SITES: readonly string[] = [
  'neck_anterior',
  'axilla',
  'cubital_fossa',
  'femoral_triangle',
  'popliteal_fossa',
  'kidney_area',
];

export function regionsInArea(area: BodyRegion['area']): BodyRegion[] {
  return BODY_REGIONS.filter((region) => region.area === area);
}
