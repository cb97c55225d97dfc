/**
 * Where a piece of treatment (a planned intervention or a documented technique line) runs into a
 * screening finding. Plans and the session safety gate both ask this one question, so a plan the
 * checks accept cannot produce a note the gate refuses for the same finding.
 */
import { findRegion } from '../body/regions.ts';
import type {
  Pressure,
  RegionTarget,
  ScreeningFinding,
  TechniqueTag,
  TreatmentPosition,
} from '../screening/types.ts';
import { findTechnique, techniqueLabel } from './techniques.ts';

export type ConflictKind =
  | 'stop'
  | 'avoid_region'
  | 'pressure_above_ceiling'
  | 'excluded_technique'
  | 'excluded_position';

export interface TreatmentUnderCheck {
  techniqueId?: string;
  regions: readonly RegionTarget[];
  /** Absent while a draft is being written; the ceiling is then not checked yet. */
  pressure?: Pressure;
  position?: TreatmentPosition;
}

export interface Conflict {
  kind: Exclude<ConflictKind, 'stop'>;
  ruleId: string;
  reason: string;
}

const TAG_WORDS: Record<TechniqueTag, string> = {
  deep_pressure: 'deep pressure',
  sustained_compression: 'sustained compression',
  friction: 'friction',
  joint_mobilisation: 'joint mobilisation',
  vigorous: 'vigorous work',
  stretching: 'stretching',
  lymphatic: 'lymphatic work',
  heat: 'heat',
  abdominal_work: 'abdominal work',
};

const POSITION_WORDS: Record<TreatmentPosition, string> = {
  prone: 'Prone',
  supine: 'Supine',
  side_lying: 'Side-lying',
  seated: 'Seated',
};

export function positionLabel(position: TreatmentPosition): string {
  return POSITION_WORDS[position];
}

export function regionTargetLabel(target: RegionTarget): string {
  const label = findRegion(target.regionId)?.label ?? target.regionId;
  return target.side ? `${label} (${target.side})` : label;
}

/** No side means both sides (or a midline region), so it overlaps either side. */
export function regionsOverlap(a: RegionTarget, b: RegionTarget): boolean {
  return a.regionId === b.regionId && (a.side === undefined || b.side === undefined || a.side === b.side);
}

function overlapping(treated: readonly RegionTarget[], listed: readonly RegionTarget[]): RegionTarget[] {
  return treated.filter((region) => listed.some((other) => regionsOverlap(region, other)));
}

export function stopFindings(findings: readonly ScreeningFinding[]): ScreeningFinding[] {
  return findings.filter((finding) => finding.severity === 'stop');
}

/** Every conflict of one piece of treatment with the findings; stop findings are the caller's concern. */
export function treatmentConflicts(
  treatment: TreatmentUnderCheck,
  findings: readonly ScreeningFinding[],
): Conflict[] {
  const conflicts: Conflict[] = [];
  for (const finding of findings) {
    if (finding.severity === 'stop') continue;
    const add = (kind: Conflict['kind'], what: string) =>
      conflicts.push({ kind, ruleId: finding.ruleId, reason: `${what}: ${finding.reason}` });

    const avoided = overlapping(treatment.regions, finding.regions ?? []);
    if (finding.severity === 'avoid' && avoided.length > 0) {
      add('avoid_region', `${avoided.map(regionTargetLabel).join(', ')} must not be treated`);
    }

    const modification = finding.modification;
    if (!modification) continue;
    const scope = modification.regions;
    if (scope !== undefined && overlapping(treatment.regions, scope).length === 0) continue;

    const ceiling = modification.maxPressure;
    if (ceiling !== undefined && treatment.pressure !== undefined && treatment.pressure > ceiling) {
      add('pressure_above_ceiling', `Pressure ${treatment.pressure} is above the ceiling of ${ceiling}`);
    }
    const technique = treatment.techniqueId ? findTechnique(treatment.techniqueId) : undefined;
    const excludedTags = (technique?.tags ?? []).filter((tag) =>
      modification.excludedTechniqueTags?.includes(tag),
    );
    if (technique && excludedTags.length > 0) {
      const words = excludedTags.map((tag) => TAG_WORDS[tag]).join(' and ');
      add('excluded_technique', `${techniqueLabel(technique.id)} involves ${words}, which is excluded`);
    }
    if (treatment.position && modification.excludedPositions?.includes(treatment.position)) {
      add('excluded_position', `${POSITION_WORDS[treatment.position]} position is excluded`);
    }
  }
  return conflicts;
}
