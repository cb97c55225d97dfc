/**
 * Note templates per condition: the usual techniques, positions and home care for a diagnosis,
 * so the first visit of a routine case starts pre-filled. Template content is marked like copied
 * content (see copy-forward.ts) until the therapist edits it, because it describes the typical
 * case, not this patient's visit. Minutes are left for the therapist: billing follows what was
 * actually done.
 */
import type { TreatmentPosition } from '../screening/types.ts';
import type { DraftNote, DraftTechniqueLine } from './session-note.schema.ts';

export interface NoteTemplate {
  id: string;
  label: string;
  /** ICD-10-CM codes or code prefixes (e.g. "M54.4" covers M54.40–M54.42) the template suits. */
  icd10Prefixes: readonly string[];
  techniques: readonly DraftTechniqueLine[];
  positions: readonly TreatmentPosition[];
  homeCare: readonly string[];
}

export const NOTE_TEMPLATES: readonly NoteTemplate[] = [
  {
    id: 'low_back_sciatica',
    label: 'Low back pain with or without sciatica',
    icd10Prefixes: ['M54.3', 'M54.4', 'M54.5'],
    techniques: [
      { techniqueId: 'myofascial_release', regionId: 'lumbar', pressure: 2, position: 'prone' },
      { techniqueId: 'trigger_point_therapy', regionId: 'gluteal', pressure: 3, position: 'prone' },
      { techniqueId: 'assisted_stretching', regionId: 'thigh_posterior', pressure: 2, position: 'supine' },
    ],
    positions: ['prone', 'supine'],
    homeCare: ['knee_to_chest', 'piriformis_stretch'],
  },
  {
    id: 'neck_tension_headache',
    label: 'Neck pain and tension-type headache',
    icd10Prefixes: ['M54.2', 'G44.2'],
    techniques: [
      { techniqueId: 'trigger_point_therapy', regionId: 'upper_trapezius', pressure: 3, position: 'supine' },
      { techniqueId: 'myofascial_release', regionId: 'neck_posterior', pressure: 2, position: 'supine' },
      { techniqueId: 'trigger_point_therapy', regionId: 'occiput', pressure: 2, position: 'supine' },
    ],
    positions: ['supine'],
    homeCare: ['upper_trapezius_stretch', 'chin_tuck'],
  },
  {
    id: 'carpal_tunnel',
    label: 'Carpal tunnel syndrome',
    icd10Prefixes: ['G56.0'],
    techniques: [
      { techniqueId: 'myofascial_release', regionId: 'forearm_anterior', pressure: 2, position: 'seated' },
      { techniqueId: 'positional_release', regionId: 'wrist', pressure: 1, position: 'seated' },
    ],
    positions: ['seated'],
    homeCare: ['wrist_flexor_stretch'],
  },
  {
    id: 'myofascial_pain',
    label: 'Myofascial pain and muscle spasm',
    icd10Prefixes: ['M79.1', 'M62.83'],
    techniques: [
      { techniqueId: 'swedish_effleurage', pressure: 2 },
      { techniqueId: 'trigger_point_therapy', pressure: 3 },
    ],
    positions: [],
    homeCare: ['tennis_ball_self_release'],
  },
];

/** Templates suited to any of the problems, in catalogue order. */
export function templatesForProblems(icd10Codes: readonly string[]): NoteTemplate[] {
  const codes = icd10Codes.map((code) => code.trim().toUpperCase());
  return NOTE_TEMPLATES.filter((template) =>
    template.icd10Prefixes.some((prefix) => codes.some((code) => code.startsWith(prefix))),
  );
}

/** Fills the draft's empty treatment parts from the template; what is already written stays. */
export function applyTemplate(draft: DraftNote, template: NoteTemplate): DraftNote {
  const marks: string[] = [];
  const objective = { ...draft.objective };
  const plan = { ...draft.plan };
  if (!objective.techniques?.length) {
    objective.techniques = template.techniques.map((line) => ({ ...line }));
    marks.push(...objective.techniques.map((_line, index) => `objective.techniques.${index}`));
  }
  if (!objective.positions?.length && template.positions.length > 0) {
    objective.positions = [...template.positions];
    marks.push('objective.positions');
  }
  if (!plan.homeCareGiven?.length && template.homeCare.length > 0) {
    plan.homeCareGiven = [...template.homeCare];
    marks.push('plan.homeCareGiven');
  }
  return {
    ...draft,
    templateId: template.id,
    objective,
    plan,
    carriedOver: [...new Set([...draft.carriedOver, ...marks])],
  };
}
