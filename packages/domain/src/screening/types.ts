/**
 * The contract between the screening engine (which produces findings) and everything it guards:
 * plans of care, session notes and the safety gate. Kept in its own file so that planning and
 * documentation code depends on the shape of a finding, not on the rules that produce it.
 */
import type { Side } from '../body/regions.ts';

/** stop: postpone the session. avoid: treat the rest but not these regions. modify: treat, adapted. */
export type FindingSeverity = 'stop' | 'avoid' | 'modify';

export const SEVERITY_ORDER: Record<FindingSeverity, number> = { stop: 0, avoid: 1, modify: 2 };

/** Treatment positions a session can use. */
export type TreatmentPosition = 'prone' | 'supine' | 'side_lying' | 'seated';

/**
 * Properties of a technique that contraindication rules speak about. Each technique in the
 * catalogue (plans/techniques.ts) carries the tags that apply to it, so a rule such as
 * "anticoagulant: no deep or vigorous work" refuses every technique tagged deep_pressure or vigorous.
 */
export type TechniqueTag =
  | 'deep_pressure'
  | 'sustained_compression'
  | 'friction'
  | 'joint_mobilisation'
  | 'vigorous'
  | 'stretching'
  | 'lymphatic'
  | 'heat'
  | 'abdominal_work';

/** Pressure on the clinic's 1 (light touch) to 5 (deepest) scale. */
export type Pressure = 1 | 2 | 3 | 4 | 5;

export interface RegionTarget {
  regionId: string;
  /** Present for lateral regions; absent means both sides / a midline region. */
  side?: Side;
}

export interface Modification {
  maxPressure?: Pressure;
  excludedPositions?: TreatmentPosition[];
  /** Position the therapist should use instead, e.g. side-lying in later pregnancy. */
  preferredPosition?: TreatmentPosition;
  excludedTechniqueTags?: TechniqueTag[];
  maxSessionMinutes?: number;
  /** Ask about pain and comfort at least this often, in minutes. */
  checkInEveryMinutes?: number;
  /** Written clearance needed before the modified work (e.g. "physician clearance", "oncologist consent"). */
  clearanceNeeded?: string;
  /** When set, the modification applies only to these regions; otherwise to the whole session. */
  regions?: RegionTarget[];
  /** Free-text advice that cannot be checked mechanically (e.g. "slow position changes"). */
  advice?: string[];
}

export interface ScreeningFinding {
  ruleId: string;
  severity: FindingSeverity;
  /** Plain-language reason a therapist can read to the patient. */
  reason: string;
  /** The published source the rule is taken from. */
  source: string;
  /** For avoid findings: the regions not to treat. */
  regions?: RegionTarget[];
  /** For modify findings: how to adapt the treatment. */
  modification?: Modification;
  /**
   * A precaution that holds for every patient (endangerment sites): the safety gate applies it,
   * but it alone does not make a visit "proceed with care".
   */
  standing?: boolean;
}
