/**
 * What changed between two versions of a plan of care, in sentences for the version history a
 * therapist, a biller or the referring physician reads. Goals and interventions are matched by
 * their ids, so an edited goal reads as "changed" rather than "removed and added".
 */
import { canonicalJson } from '../sessions/canonical.ts';
import { interventionLabel } from './plan-checks.ts';
import type { Goal, GoalMeasure, Intervention, PlanOfCare, ReEvaluation } from './plan-of-care.schema.ts';
import { techniqueLabel } from './techniques.ts';
import { positionLabel, regionTargetLabel } from './treatment-conflicts.ts';

export type PlanChangeKind =
  | 'link_changed'
  | 'problem_added'
  | 'problem_removed'
  | 'goal_added'
  | 'goal_removed'
  | 'goal_changed'
  | 'intervention_added'
  | 'intervention_removed'
  | 'intervention_changed'
  | 'frequency_changed'
  | 'duration_changed'
  | 'physician_request_changed'
  | 're_evaluation_changed'
  | 'home_care_added'
  | 'home_care_removed'
  | 'home_care_changed'
  | 'certification_changed';

export interface PlanChange {
  kind: PlanChangeKind;
  /** Id of the goal, intervention, problem code or home-care item concerned, when there is one. */
  subject?: string;
  text: string;
}

const COMPARATOR_WORDS = {
  at_most: 'at most',
  at_least: 'at least',
  reduce_by: 'reduced by',
  increase_by: 'increased by',
} as const;

export function describeGoalMeasure(measure: GoalMeasure): string {
  switch (measure.kind) {
    case 'outcome_measure':
      return `${measure.instrument} ${COMPARATOR_WORDS[measure.comparator]} ${measure.value}`;
    case 'rom': {
      const side = measure.side ? ` (${measure.side})` : '';
      return `${measure.joint} ${measure.movement}${side} to ${measure.targetDegrees}°`;
    }
    case 'functional':
      return measure.text;
  }
}

const STATUS_WORDS: Record<Goal['status'], string> = {
  not_started: 'not started',
  progressing: 'progressing',
  met: 'met',
  not_met: 'not met',
  discontinued: 'discontinued',
};

function describeReEvaluation(reEvaluation: ReEvaluation): string {
  return reEvaluation.kind === 'date' ? `on ${reEvaluation.date}` : `after ${reEvaluation.visits} visits`;
}

const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

/** Field-by-field sentences for an item present in both versions. */
type FieldDiff<T> = (before: T, after: T) => string | undefined;

function fieldChanges<T>(before: T, after: T, fields: readonly FieldDiff<T>[]): string[] {
  return fields.map((field) => field(before, after)).filter((text): text is string => text !== undefined);
}

const when =
  <T, V>(pick: (item: T) => V, say: (before: V, after: V) => string): FieldDiff<T> =>
  (before, after) =>
    same(pick(before), pick(after)) ? undefined : say(pick(before), pick(after));

const GOAL_FIELDS: readonly FieldDiff<Goal>[] = [
  when(
    (goal) => goal.measure,
    (a, b) => `target ${describeGoalMeasure(a)} → ${describeGoalMeasure(b)}`,
  ),
  when(
    (goal) => goal.term,
    (a, b) => `${a}-term → ${b}-term`,
  ),
  when(
    (goal) => goal.targetDate,
    (a, b) => `target date ${a} → ${b}`,
  ),
  when(
    (goal) => goal.status,
    (a, b) => `status ${STATUS_WORDS[a]} → ${STATUS_WORDS[b]}`,
  ),
];

const INTERVENTION_FIELDS: readonly FieldDiff<Intervention>[] = [
  when(
    (item) => item.techniqueId,
    (a, b) => `technique ${techniqueLabel(a)} → ${techniqueLabel(b)}`,
  ),
  when(
    (item) => item.regions,
    (a, b) => `regions ${a.map(regionTargetLabel).join(', ')} → ${b.map(regionTargetLabel).join(', ')}`,
  ),
  when(
    (item) => item.muscles ?? [],
    (a, b) => `muscles ${a.join(', ') || 'none'} → ${b.join(', ') || 'none'}`,
  ),
  when(
    (item) => item.pressure,
    (a, b) => `pressure ${a} → ${b}`,
  ),
  when(
    (item) => item.position,
    (a, b) => `position ${positionLabel(a)} → ${positionLabel(b)}`,
  ),
  when(
    (item) => item.overrides ?? [],
    (a, b) => `justifications ${a.length} → ${b.length}`,
  ),
];

/** Changes of a list of items with ids: added, removed, and changed field by field. */
function listChanges<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
  describe: (item: T) => string,
  fields: readonly FieldDiff<T>[],
  kinds: { added: PlanChangeKind; removed: PlanChangeKind; changed: PlanChangeKind; noun: string },
): PlanChange[] {
  const changes: PlanChange[] = [];
  const beforeById = new Map(before.map((item) => [item.id, item]));
  const afterIds = new Set(after.map((item) => item.id));
  for (const item of before) {
    if (!afterIds.has(item.id)) {
      changes.push({
        kind: kinds.removed,
        subject: item.id,
        text: `${kinds.noun} removed: ${describe(item)}`,
      });
    }
  }
  for (const item of after) {
    const previous = beforeById.get(item.id);
    if (!previous) {
      changes.push({ kind: kinds.added, subject: item.id, text: `${kinds.noun} added: ${describe(item)}` });
      continue;
    }
    const details = fieldChanges(previous, item, fields);
    if (details.length > 0) {
      const text = `${kinds.noun} changed (${describe(previous)}): ${details.join('; ')}`;
      changes.push({ kind: kinds.changed, subject: item.id, text });
    }
  }
  return changes;
}

/** Home-care items live in a clinic's library, so their labels are looked up by the caller. */
export interface DiffLabels {
  homeCare?: (itemId: string) => string;
}

export function diffPlans(a: PlanOfCare, b: PlanOfCare, labels: DiffLabels = {}): PlanChange[] {
  const homeLabel = labels.homeCare ?? ((id: string) => id);
  const changes: PlanChange[] = [];
  const push = (kind: PlanChangeKind, text: string, subject?: string) =>
    changes.push(subject === undefined ? { kind, text } : { kind, subject, text });

  if (a.referralId !== b.referralId) push('link_changed', `Referral ${a.referralId} → ${b.referralId}`);
  if (a.assessmentId !== b.assessmentId)
    push('link_changed', `Assessment ${a.assessmentId} → ${b.assessmentId}`);

  const codesA = new Set(a.problems.map((problem) => problem.icd10));
  const codesB = new Set(b.problems.map((problem) => problem.icd10));
  for (const code of codesA) if (!codesB.has(code)) push('problem_removed', `Problem removed: ${code}`, code);
  for (const code of codesB) if (!codesA.has(code)) push('problem_added', `Problem added: ${code}`, code);

  changes.push(
    ...listChanges(a.goals, b.goals, (goal) => describeGoalMeasure(goal.measure), GOAL_FIELDS, {
      added: 'goal_added',
      removed: 'goal_removed',
      changed: 'goal_changed',
      noun: 'Goal',
    }),
    ...listChanges(a.interventions, b.interventions, interventionLabel, INTERVENTION_FIELDS, {
      added: 'intervention_added',
      removed: 'intervention_removed',
      changed: 'intervention_changed',
      noun: 'Intervention',
    }),
  );

  if (a.frequencyPerWeek !== b.frequencyPerWeek) {
    push('frequency_changed', `Frequency ${a.frequencyPerWeek} → ${b.frequencyPerWeek} visits a week`);
  }
  if (a.durationWeeks !== b.durationWeeks) {
    push('duration_changed', `Duration ${a.durationWeeks} → ${b.durationWeeks} weeks`);
  }
  if (a.requestedFromPhysician !== b.requestedFromPhysician) {
    push(
      'physician_request_changed',
      b.requestedFromPhysician
        ? 'Frequency or duration requested from the physician'
        : 'Request to the physician withdrawn',
    );
  }
  if (!same(a.reEvaluation, b.reEvaluation)) {
    push(
      're_evaluation_changed',
      `Re-evaluation ${describeReEvaluation(a.reEvaluation)} → ${describeReEvaluation(b.reEvaluation)}`,
    );
  }

  const homeA = new Map(a.homeCare.map((item) => [item.itemId, item]));
  const homeB = new Map(b.homeCare.map((item) => [item.itemId, item]));
  for (const id of homeA.keys())
    if (!homeB.has(id)) push('home_care_removed', `Home care removed: ${homeLabel(id)}`, id);
  for (const [id, item] of homeB) {
    const previous = homeA.get(id);
    if (!previous) push('home_care_added', `Home care added: ${homeLabel(id)}`, id);
    else if (!same(previous.note, item.note))
      push('home_care_changed', `Home care instructions changed: ${homeLabel(id)}`, id);
  }

  if (!same(a.certification, b.certification)) {
    const certified = b.certification?.certifiedAt;
    push(
      'certification_changed',
      certified ? `Certified by the physician at ${certified}` : 'Certification changed',
    );
  }
  return changes;
}
