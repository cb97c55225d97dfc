/**
 * A signed note holds codes (goal ids, home-care item ids, technique, region and position ids,
 * screening rule ids); the printed record a physician reads holds their clinical labels. This maps
 * every coded value of a note to its words, from the plan and the clinic's home-care library of the
 * visit, and prints vitals with their units. A code that no catalogue knows any longer is printed
 * as "unlisted …" rather than as the bare code.
 */
import { findRegion } from '../body/regions.ts';
import type { HomeCareItem } from '../plans/home-care.ts';
import type { Goal } from '../plans/plan-of-care.schema.ts';
import { describeGoalMeasure } from '../plans/plan-versions.ts';
import { isTechniqueId, techniqueLabel } from '../plans/techniques.ts';
import { positionLabel } from '../plans/treatment-conflicts.ts';
import type { TreatmentPosition } from '../screening/types.ts';
import type { SignedNote } from '../sessions/session-note.schema.ts';

const GOAL_STATUS_WORDS: Record<Goal['status'], string> = {
  not_started: 'not started',
  progressing: 'progressing',
  met: 'met',
  not_met: 'not met',
  discontinued: 'discontinued',
};

const DECISION_WORDS: Record<string, string> = {
  proceed: 'Proceed',
  proceed_with_care: 'Proceed with care',
  stop: 'Stop - postpone the visit',
};

const SEVERITY_WORDS: Record<string, string> = {
  stop: 'Stop',
  avoid: 'Avoid the area',
  modify: 'Modify',
};

export const goalStatusWords = (status: Goal['status']) => GOAL_STATUS_WORDS[status];
export const screeningDecisionWords = (decision: string) => DECISION_WORDS[decision] ?? 'Recorded';
export const findingSeverityWords = (severity: string) => SEVERITY_WORDS[severity] ?? 'Finding';

export function regionWords(regionId: string, side?: 'left' | 'right'): string {
  const label = findRegion(regionId)?.label ?? 'unlisted region';
  return side ? `${label} (${side})` : label;
}

export function positionWords(position: string): string {
  return positionLabel(position as TreatmentPosition) ?? 'unlisted position';
}

export interface NoteGoalLine {
  goal: string;
  status: string;
  comment?: string;
}

export function goalProgressLines(
  progress: ReadonlyArray<{ goalId: string; status: Goal['status']; comment?: string | undefined }>,
  goals: ReadonlyArray<Pick<Goal, 'id' | 'measure' | 'term'>>,
): NoteGoalLine[] {
  return progress.map((p) => {
    const goal = goals.find((g) => g.id === p.goalId);
    return {
      goal: goal ? `${describeGoalMeasure(goal.measure)} (${goal.term}-term)` : 'Goal no longer in the plan',
      status: goalStatusWords(p.status),
      ...(p.comment ? { comment: p.comment } : {}),
    };
  });
}

export function homeCareLabels(ids: readonly string[], library: readonly HomeCareItem[]): string[] {
  return ids.map((id) => library.find((item) => item.id === id)?.label ?? 'Unlisted home-care item');
}

type Vitals = NonNullable<Extract<SignedNote, { outcome: 'treated' }>['objective']['vitals']>;

/** Vitals as the record prints them; temperature in both scales since clinics and physicians differ. */
export function vitalsLines(
  vitals: Vitals | undefined,
  units: 'metric' | 'us' = 'metric',
): Array<[string, string]> {
  if (!vitals) return [];
  const lines: Array<[string, string]> = [];
  if (vitals.systolic !== undefined || vitals.diastolic !== undefined)
    lines.push(['Blood pressure', `${vitals.systolic ?? '?'}/${vitals.diastolic ?? '?'} mmHg`]);
  if (vitals.heartRate !== undefined) lines.push(['Heart rate', `${vitals.heartRate} beats/min`]);
  if (vitals.respiratoryRate !== undefined)
    lines.push(['Respiratory rate', `${vitals.respiratoryRate} breaths/min`]);
  if (vitals.temperatureC !== undefined) {
    const c = `${vitals.temperatureC.toFixed(1)} °C`;
    const f = `${((vitals.temperatureC * 9) / 5 + 32).toFixed(1)} °F`;
    lines.push(['Temperature', units === 'us' ? `${f} (${c})` : `${c} (${f})`]);
  }
  return lines;
}

export function techniqueWords(techniqueId: string): string {
  return isTechniqueId(techniqueId) ? techniqueLabel(techniqueId) : 'Unlisted technique';
}
