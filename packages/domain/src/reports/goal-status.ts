/**
 * Where a plan goal stands on a report, from the record rather than from the plan's first draft:
 * the latest word on the goal (a signed note's goal progress or a re-assessment's plan update),
 * and, for a goal set on an outcome measure, the latest measure — when it meets the target the
 * goal is met whatever the last note said, because the number is the evidence the physician reads.
 */
import type { Goal, GoalStatus } from '../plans/plan-of-care.schema.ts';

export interface GoalStatusRecord {
  goalId: string;
  status: GoalStatus;
  /** Calendar date of the visit or re-assessment. */
  on: string;
  /** Breaks ties between records of one day (e.g. the signing time); later wins. */
  sequence: number;
}

export interface MeasureReading {
  /** Instrument id (`nprs`) or name (`NPRS`); compared without case. */
  instrument: string;
  on: string;
  sequence: number;
  score: number;
}

export interface GoalStanding {
  status: GoalStatus;
  /** Why the status is what it is, in words for the report. */
  basis: string;
  latestMeasure?: { on: string; score: number };
}

const later = (a: { on: string; sequence: number }, b: { on: string; sequence: number }) =>
  a.on === b.on ? a.sequence - b.sequence : a.on.localeCompare(b.on);

function latestOf<T extends { on: string; sequence: number }>(list: readonly T[]): T | undefined {
  return [...list].sort(later).at(-1);
}

/** Whether a series of readings meets an outcome-measure target; undefined when it cannot tell. */
export function measureMeetsTarget(
  measure: Extract<Goal['measure'], { kind: 'outcome_measure' }>,
  readings: readonly MeasureReading[],
): boolean | undefined {
  const sorted = [...readings].sort(later);
  const latest = sorted.at(-1);
  const baseline = sorted[0];
  if (!latest || !baseline) return undefined;
  switch (measure.comparator) {
    case 'at_most':
      return latest.score <= measure.value;
    case 'at_least':
      return latest.score >= measure.value;
    case 'reduce_by':
      return sorted.length > 1 ? baseline.score - latest.score >= measure.value : undefined;
    case 'increase_by':
      return sorted.length > 1 ? latest.score - baseline.score >= measure.value : undefined;
  }
}

export function goalStanding(
  goal: Pick<Goal, 'id' | 'status' | 'measure'>,
  records: readonly GoalStatusRecord[],
  readings: readonly MeasureReading[],
): GoalStanding {
  const latest = latestOf(records.filter((r) => r.goalId === goal.id));
  let status: GoalStatus = latest?.status ?? goal.status;
  let basis = latest ? `recorded ${latest.on}` : 'as planned';
  if (goal.measure.kind !== 'outcome_measure') return { status, basis };
  const wanted = goal.measure.instrument.toLowerCase();
  const own = readings.filter((r) => r.instrument.toLowerCase() === wanted);
  const reading = latestOf(own);
  if (!reading) return { status, basis };
  // A discontinued goal stays discontinued: the therapist stopped working on it on purpose.
  if (status !== 'discontinued' && status !== 'met' && measureMeetsTarget(goal.measure, own)) {
    status = 'met';
    basis = `${goal.measure.instrument} ${reading.score} on ${reading.on}`;
  }
  return { status, basis, latestMeasure: { on: reading.on, score: reading.score } };
}
