/**
 * The plan of care (plans/plan-of-care.schema.ts, its current version) as a CarePlan with one Goal
 * per plan goal. The referral the plan answers is a supporting reference: CarePlan.basedOn only
 * points at other CarePlans in R4.
 */
import type { CarePlan, CarePlanActivity, Goal as FhirGoal, GoalTarget } from '@medplum/fhirtypes';
import { findRegion } from '../body/regions.ts';
import type { Goal, GoalStatus, Intervention, PlanOfCare } from '../plans/plan-of-care.schema.ts';
import { findTechnique } from '../plans/techniques.ts';
import { addWeeks, coding, compact, concept, fasciaSystem, meta, ref, SYSTEM } from './common.ts';
import { instrumentCode } from './observations.ts';

export interface PlanRow {
  id: string;
  patientId: string;
  referralId: string;
  createdBy: string;
  createdAt: Date | string;
  updatedAt: Date | string;
  version: number;
  versionReason: string;
  content: PlanOfCare;
  /** The plan is the patient's current one (not superseded by a later plan). */
  current: boolean;
}

const SAFE_GOAL_ID = /^[A-Za-z0-9]{1,20}$/;

/** `gl-<plan id>-<goal id>` when the goal's own id is short and plain; its position otherwise. */
export function goalResourceId(planId: string, goal: Goal, index: number): string {
  const compactId = goal.id.replaceAll('-', '');
  return `gl-${planId}-${SAFE_GOAL_ID.test(compactId) ? compactId : `n${index}`}`;
}

export function describeGoal(goal: Goal): string {
  const m = goal.measure;
  switch (m.kind) {
    case 'outcome_measure':
      return `${m.instrument} ${m.comparator.replaceAll('_', ' ')} ${m.value}`;
    case 'rom':
      return `${m.joint} ${m.movement}${m.side ? ` (${m.side})` : ''} to ${m.targetDegrees}°`;
    case 'functional':
      return m.text;
  }
}

function target(goal: Goal): GoalTarget {
  const m = goal.measure;
  const due = { dueDate: goal.targetDate };
  if (m.kind === 'outcome_measure') {
    const measure = instrumentCode(m.instrument.toLowerCase());
    if (m.comparator === 'at_most') return { ...due, measure, detailRange: { high: { value: m.value } } };
    if (m.comparator === 'at_least') return { ...due, measure, detailRange: { low: { value: m.value } } };
    return { ...due, measure, detailString: describeGoal(goal) };
  }
  if (m.kind === 'rom') {
    return {
      ...due,
      measure: concept(
        [coding(fasciaSystem('rom-motion'), `${m.joint}.${m.movement}`)],
        `${m.joint} ${m.movement}`,
      ),
      detailRange: { low: { value: m.targetDegrees, unit: 'deg', system: SYSTEM.ucum, code: 'deg' } },
    };
  }
  return due;
}

const LIFECYCLE: Record<GoalStatus, FhirGoal['lifecycleStatus']> = {
  not_started: 'accepted',
  progressing: 'active',
  met: 'completed',
  not_met: 'completed',
  discontinued: 'cancelled',
};
const ACHIEVEMENT: Partial<Record<GoalStatus, string>> = {
  progressing: 'improving',
  met: 'achieved',
  not_met: 'not-achieved',
};

export function toFhirGoal(plan: PlanRow, goal: Goal, index: number): FhirGoal {
  const achievement = ACHIEVEMENT[goal.status];
  return compact<FhirGoal>({
    resourceType: 'Goal',
    id: goalResourceId(plan.id, goal, index),
    meta: meta(plan.updatedAt, plan.version),
    lifecycleStatus: LIFECYCLE[goal.status],
    achievementStatus: achievement ? concept([coding(SYSTEM.goalAchievement, achievement)]) : undefined,
    category: [concept([coding(fasciaSystem('goal-term'), goal.term)], `${goal.term}-term goal`)],
    description: { text: describeGoal(goal) },
    subject: ref('Patient', plan.patientId),
    target: [target(goal)],
    expressedBy: ref('Practitioner', plan.createdBy),
  });
}

function activity(i: Intervention, plan: PlanOfCare): CarePlanActivity {
  const technique = findTechnique(i.techniqueId);
  const where = i.regions
    .map((r) => `${findRegion(r.regionId)?.label ?? r.regionId}${r.side ? `, ${r.side}` : ''}`)
    .join('; ');
  return {
    detail: {
      kind: 'ServiceRequest',
      code: concept(
        [
          coding(fasciaSystem('technique'), i.techniqueId, technique?.label),
          ...(technique ? [coding(SYSTEM.cpt, technique.billingCode)] : []),
        ],
        technique?.label ?? i.techniqueId,
      ),
      status: 'in-progress',
      scheduledTiming: {
        repeat: { frequency: plan.frequencyPerWeek, period: 1, periodUnit: 'wk' },
      },
      description: `${where}; pressure up to ${i.pressure}/5; ${i.position.replaceAll('_', '-')}${
        i.muscles?.length ? `; ${i.muscles.join(', ')}` : ''
      }`,
    },
  };
}

export function toFhirCarePlan(row: PlanRow): CarePlan {
  const p = row.content;
  const start = new Date(row.createdAt).toISOString().slice(0, 10);
  return compact<CarePlan>({
    resourceType: 'CarePlan',
    id: row.id,
    meta: meta(row.updatedAt, row.version),
    status: row.current ? 'active' : 'revoked',
    intent: 'plan',
    title: 'Plan of care: medical massage therapy',
    description: `Problems: ${p.problems.map((x) => x.icd10 + (x.label ? ` ${x.label}` : '')).join(', ')}. ${
      p.frequencyPerWeek
    }×/week for ${p.durationWeeks} weeks. Version ${row.version}: ${row.versionReason}.`,
    subject: ref('Patient', row.patientId),
    period: { start, end: addWeeks(start, p.durationWeeks) },
    created: new Date(row.createdAt).toISOString(),
    author: ref('Practitioner', row.createdBy),
    supportingInfo: [ref('ServiceRequest', row.referralId)],
    goal: p.goals.map((g, i) => ref('Goal', goalResourceId(row.id, g, i))),
    activity: p.interventions.map((i) => activity(i, p)),
    note: p.requestedFromPhysician
      ? [{ text: `Frequency or duration requested from the physician. ${p.requestNote ?? ''}`.trim() }]
      : undefined,
  });
}
