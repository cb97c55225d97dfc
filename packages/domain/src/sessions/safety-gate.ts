/**
 * The safety gate: nothing is documented as done to a patient that the day-of screening says
 * must not be done, unless the therapist wrote down why (audited by the server). The server runs
 * this before saving and before signing; the note form runs the same function to show the
 * problems as they are typed.
 */

import {
  type ConflictKind,
  positionLabel,
  stopFindings,
  treatmentConflicts,
} from '../plans/treatment-conflicts.ts';
import type { ScreeningFinding, TreatmentPosition } from '../screening/types.ts';
import type { DraftTechniqueLine } from './session-note.schema.ts';

/** The parts of a note (draft or signed) the gate reads. */
export interface GatedNote {
  outcome?: 'treated' | 'postponed';
  postponedReason?: string;
  objective?: { techniques?: readonly DraftTechniqueLine[]; positions?: readonly TreatmentPosition[] };
}

export interface GateOverride {
  ruleId: string;
  /** The technique line overridden, or null for something that concerns the note as a whole. */
  techniqueLine: number | null;
  reason: string;
}

export interface GateViolation {
  kind: ConflictKind;
  ruleId: string;
  techniqueLine: number | null;
  reason: string;
  /** Stop findings are never overridden; the visit can only be postponed. */
  overridden: boolean;
}

/** Reminders from findings that cannot be checked mechanically; they never block. */
export interface GateAdvisory {
  ruleId: string;
  text: string;
}

export interface GateResult {
  blocked: boolean;
  /** A stop finding is present: the only note allowed is a postponement with a reason. */
  postponementOnly: boolean;
  violations: GateViolation[];
  advisories: GateAdvisory[];
}

export function checkNoteAgainstFindings(
  note: GatedNote,
  findings: readonly ScreeningFinding[],
  overrides: readonly GateOverride[],
): GateResult {
  const lines = note.objective?.techniques ?? [];
  const overridden = (ruleId: string, line: number | null) =>
    overrides.some(
      (override) =>
        override.ruleId === ruleId && override.techniqueLine === line && override.reason.trim() !== '',
    );

  const stops = stopFindings(findings);
  const violations: GateViolation[] = stops.map((finding) => ({
    kind: 'stop',
    ruleId: finding.ruleId,
    techniqueLine: null,
    reason: `Postpone the visit: ${finding.reason}`,
    overridden: false,
  }));

  lines.forEach((line, index) => {
    const treatment = {
      techniqueId: line.techniqueId,
      regions: line.regionId === undefined ? [] : [{ regionId: line.regionId, side: line.side }],
      pressure: line.pressure,
      position: line.position,
    };
    for (const conflict of treatmentConflicts(treatment, findings)) {
      violations.push({ ...conflict, techniqueLine: index, overridden: overridden(conflict.ruleId, index) });
    }
  });

  // Positions listed for the visit but used by no line would escape the per-line check.
  const linePositions = new Set(lines.map((line) => line.position));
  for (const position of note.objective?.positions ?? []) {
    if (linePositions.has(position)) continue;
    for (const conflict of treatmentConflicts({ regions: [], position }, findings)) {
      violations.push({ ...conflict, techniqueLine: null, overridden: overridden(conflict.ruleId, null) });
    }
  }

  const postponementOnly = stops.length > 0;
  const properlyPostponed =
    note.outcome === 'postponed' && (note.postponedReason ?? '').trim() !== '' && lines.length === 0;
  const blocked = postponementOnly
    ? !properlyPostponed
    : violations.some((violation) => !violation.overridden);

  return { blocked, postponementOnly, violations, advisories: advisories(findings, lines) };
}

function advisories(
  findings: readonly ScreeningFinding[],
  lines: readonly DraftTechniqueLine[],
): GateAdvisory[] {
  const totalMinutes = lines.reduce((sum, line) => sum + (line.minutes ?? 0), 0);
  const result: GateAdvisory[] = [];
  for (const finding of findings) {
    const modification = finding.modification;
    if (finding.severity === 'stop' || !modification) continue;
    const add = (text: string) => result.push({ ruleId: finding.ruleId, text });
    if (modification.preferredPosition)
      add(`Use the ${positionLabel(modification.preferredPosition).toLowerCase()} position`);
    if (modification.maxSessionMinutes !== undefined) {
      const over = totalMinutes > modification.maxSessionMinutes;
      add(
        over
          ? `${totalMinutes} minutes documented; keep sessions to ${modification.maxSessionMinutes} minutes`
          : `Keep the session to ${modification.maxSessionMinutes} minutes`,
      );
    }
    if (modification.checkInEveryMinutes !== undefined) {
      add(`Check in on pain and comfort every ${modification.checkInEveryMinutes} minutes`);
    }
    if (modification.clearanceNeeded) add(`Needs ${modification.clearanceNeeded}`);
    for (const advice of modification.advice ?? []) add(advice);
  }
  return result;
}
