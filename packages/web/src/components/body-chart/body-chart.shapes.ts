/**
 * Where each body region is drawn. Coordinates are in a 200 × 440 figure whose midline is x = 100;
 * `dx` is the distance of the shape's centre from the midline on the patient's RIGHT side, and the
 * left side is its mirror image. Midline regions have dx = 0 and are drawn once. Simple ellipses
 * and rounded rectangles are enough: the chart records regions, not pixels.
 */

export const FIGURE_WIDTH = 200;
export const FIGURE_HEIGHT = 440;
export const MIDLINE = FIGURE_WIDTH / 2;

export type ShapeGeometry =
  | { kind: 'ellipse'; dx: number; cy: number; rx: number; ry: number }
  | { kind: 'rect'; dx: number; cy: number; w: number; h: number };

const e = (dx: number, cy: number, rx: number, ry: number): ShapeGeometry => ({
  kind: 'ellipse',
  dx,
  cy,
  rx,
  ry,
});
const rect = (dx: number, cy: number, w: number, h: number): ShapeGeometry => ({
  kind: 'rect',
  dx,
  cy,
  w,
  h,
});

/** Region id → its shape; the view comes from the region model. */
export const REGION_SHAPES: Readonly<Record<string, ShapeGeometry>> = {
  // Front view
  head_vertex: e(0, 13, 15, 6),
  forehead: e(0, 25, 15, 5.5),
  temple: e(19, 33, 5, 7),
  eye_region: e(8, 37, 6, 4),
  ear: e(25, 45, 3.5, 7),
  face_jaw: e(11, 52, 7, 7.5),
  throat: rect(0, 70, 8, 14),
  neck_anterior: e(9.5, 70, 5, 8),
  shoulder_anterior: e(33, 90, 8, 7),
  deltoid: e(48, 98, 7, 12),
  chest: e(15, 100, 11, 10),
  breast: e(17, 122, 11, 8),
  axilla: e(35, 114, 5, 7),
  upper_arm_anterior: rect(52, 131, 13, 32),
  elbow_medial: e(45, 158, 4, 5),
  cubital_fossa: e(54, 158, 5, 5),
  forearm_anterior: rect(56, 190, 13, 50),
  wrist: rect(58, 222, 13, 8),
  hand_palm: e(57, 240, 7, 10),
  thumb_index: e(68, 238, 4, 8),
  abdomen: e(0, 150, 23, 19),
  hip_lateral: e(34, 190, 6, 10),
  groin: e(14, 196, 8, 5),
  femoral_triangle: e(18, 211, 7, 8),
  thigh_anterior: rect(18, 250, 15, 48),
  thigh_lateral: rect(31, 248, 7, 48),
  thigh_medial: rect(6, 252, 6, 42),
  knee_anterior: e(18, 295, 9, 9),
  shin: rect(18, 338, 11, 60),
  ankle: e(18, 378, 7, 5),
  foot_dorsum: e(20, 396, 8, 10),
  // Back view
  side_of_head: e(18, 31, 5, 10),
  occiput: e(0, 50, 14, 6),
  neck_posterior: e(7, 68, 6, 9),
  upper_trapezius: e(24, 82, 12, 6),
  shoulder_posterior: e(44, 94, 8, 9),
  scapular: e(26, 109, 10, 13),
  scapula_medial_border: rect(11, 109, 6, 26),
  thoracic: rect(0, 116, 10, 40),
  upper_arm_posterior: rect(52, 131, 13, 32),
  elbow_lateral: e(57, 158, 5, 5),
  forearm_posterior: rect(56, 190, 13, 50),
  hand_dorsum: e(58, 238, 8, 12),
  kidney_area: e(20, 146, 7, 9),
  lumbar: rect(0, 156, 22, 26),
  iliac_crest: e(24, 172, 10, 4),
  sacral_si: e(6, 185, 5, 9),
  gluteal: e(24, 199, 12, 14),
  thigh_posterior: rect(18, 250, 17, 50),
  popliteal_fossa: e(18, 295, 8, 7),
  calf: e(18, 338, 9, 26),
  foot_plantar: e(18, 400, 8, 12),
};

/** The figure behind the regions, drawn faintly so the regions read as a person. */
export const SILHOUETTE: readonly ShapeGeometry[] = [
  e(0, 36, 27, 32),
  rect(0, 70, 26, 16),
  rect(0, 130, 66, 104),
  e(0, 188, 36, 22),
  rect(52, 131, 16, 56),
  rect(56, 190, 15, 62),
  e(58, 238, 10, 14),
  rect(18, 255, 22, 110),
  rect(18, 340, 16, 80),
  e(19, 398, 10, 14),
];
