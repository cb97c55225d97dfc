import type { ReferralOrder } from '@fascia/domain/plans/plan-checks';
import type { Goal, GoalStatus, Intervention, PlanOfCare } from '@fascia/domain/plans/plan-of-care.schema';
import type { Pressure, RegionTarget, TreatmentPosition } from '@fascia/domain/screening/types';
import type { LinkedReferral } from './plans-api.ts';

/**
 * The plan editor's values: what the inputs hold while the therapist types (numbers may be
 * empty, a goal keeps the fields of every measure kind so switching kinds loses nothing), and
 * the conversions to and from the plan-of-care content the server validates.
 */

export type MeasureKind = Goal['measure']['kind'];
type Comparator = 'at_most' | 'at_least' | 'reduce_by' | 'increase_by';

export interface GoalRow {
  id: string;
  term: 'short' | 'long';
  kind: MeasureKind;
  instrument: string;
  comparator: Comparator;
  value: number | string;
  joint: string;
  movement: string;
  side: '' | 'left' | 'right';
  targetDegrees: number | string;
  text: string;
  targetDate: string;
  status: GoalStatus;
}

export interface InterventionRow {
  id: string;
  techniqueId: string;
  regions: RegionTarget[];
  muscles: string;
  pressure: Pressure;
  position: TreatmentPosition;
  overrides: { ruleId: string; reason: string }[];
}

export interface PlanValues {
  referralId: string;
  assessmentId: string;
  problems: PlanOfCare['problems'];
  goals: GoalRow[];
  interventions: InterventionRow[];
  frequencyPerWeek: number | string;
  durationWeeks: number | string;
  requestedFromPhysician: boolean;
  requestNote: string;
  reKind: 'date' | 'visits';
  reDate: string;
  reVisits: number | string;
  homeCare: string[];
  homeCareNotes: Record<string, string>;
  certification?: PlanOfCare['certification'];
}

/** Row ids only need to be unique within the plan; a short random suffix is enough. */
export const newRowId = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 8)}`;

export function newGoal(term: 'short' | 'long' = 'short'): GoalRow {
  return {
    id: newRowId('g'),
    term,
    kind: 'outcome_measure',
    instrument: 'NPRS',
    comparator: 'at_most',
    value: '',
    joint: '',
    movement: '',
    side: '',
    targetDegrees: '',
    text: '',
    targetDate: '',
    status: 'not_started',
  };
}

export function newIntervention(): InterventionRow {
  return {
    id: newRowId('i'),
    techniqueId: '',
    regions: [],
    muscles: '',
    pressure: 2,
    position: 'prone',
    overrides: [],
  };
}

export const EMPTY_PLAN: PlanValues = {
  referralId: '',
  assessmentId: '',
  problems: [],
  goals: [],
  interventions: [],
  frequencyPerWeek: '',
  durationWeeks: '',
  requestedFromPhysician: false,
  requestNote: '',
  reKind: 'visits',
  reDate: '',
  reVisits: 6,
  homeCare: [],
  homeCareNotes: {},
};

const num = (v: number | string): number | undefined => {
  if (v === '' || v === null || v === undefined) return undefined;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : undefined;
};

function goalMeasure(row: GoalRow): Goal['measure'] {
  switch (row.kind) {
    case 'outcome_measure':
      return {
        kind: 'outcome_measure',
        instrument: row.instrument,
        comparator: row.comparator,
        value: num(row.value) as number,
      };
    case 'rom':
      return {
        kind: 'rom',
        joint: row.joint,
        movement: row.movement,
        ...(row.side ? { side: row.side } : {}),
        targetDegrees: num(row.targetDegrees) as number,
      };
    case 'functional':
      return { kind: 'functional', text: row.text };
  }
}

function toIntervention(row: InterventionRow): Intervention {
  const muscles = row.muscles
    .split(',')
    .map((m) => m.trim())
    .filter(Boolean);
  // An override with no words yet is a justification still being written, not one given.
  const overrides = row.overrides.filter((o) => o.reason.trim() !== '');
  return {
    id: row.id,
    techniqueId: row.techniqueId,
    regions: row.regions,
    ...(muscles.length ? { muscles } : {}),
    pressure: row.pressure,
    position: row.position,
    ...(overrides.length ? { overrides } : {}),
  };
}

/** The content sent to the server; incomplete numbers stay undefined so the server names them. */
export function toPlanContent(v: PlanValues): PlanOfCare {
  return {
    referralId: v.referralId,
    assessmentId: v.assessmentId,
    problems: v.problems,
    goals: v.goals.map((g) => ({
      id: g.id,
      term: g.term,
      measure: goalMeasure(g),
      targetDate: g.targetDate,
      status: g.status,
    })),
    interventions: v.interventions.map(toIntervention),
    frequencyPerWeek: num(v.frequencyPerWeek) as number,
    durationWeeks: num(v.durationWeeks) as number,
    requestedFromPhysician: v.requestedFromPhysician,
    ...(v.requestedFromPhysician && v.requestNote.trim() ? { requestNote: v.requestNote.trim() } : {}),
    reEvaluation:
      v.reKind === 'date'
        ? { kind: 'date', date: v.reDate }
        : { kind: 'visits', visits: num(v.reVisits) as number },
    homeCare: v.homeCare.map((itemId) => {
      const note = v.homeCareNotes[itemId]?.trim();
      return note ? { itemId, note } : { itemId };
    }),
    ...(v.certification ? { certification: v.certification } : {}),
  };
}

export function fromPlanContent(plan: PlanOfCare): PlanValues {
  return {
    referralId: plan.referralId,
    assessmentId: plan.assessmentId,
    problems: plan.problems,
    goals: plan.goals.map((g) => {
      const row: GoalRow = { ...newGoal(g.term), id: g.id, targetDate: g.targetDate, status: g.status };
      const m = g.measure;
      if (m.kind === 'outcome_measure') {
        return { ...row, kind: m.kind, instrument: m.instrument, comparator: m.comparator, value: m.value };
      }
      if (m.kind === 'rom') {
        return {
          ...row,
          kind: m.kind,
          joint: m.joint,
          movement: m.movement,
          side: m.side ?? '',
          targetDegrees: m.targetDegrees,
        };
      }
      return { ...row, kind: m.kind, text: m.text };
    }),
    interventions: plan.interventions.map((i) => ({
      id: i.id,
      techniqueId: i.techniqueId,
      regions: i.regions,
      muscles: (i.muscles ?? []).join(', '),
      pressure: i.pressure,
      position: i.position,
      overrides: i.overrides ?? [],
    })),
    frequencyPerWeek: plan.frequencyPerWeek,
    durationWeeks: plan.durationWeeks,
    requestedFromPhysician: plan.requestedFromPhysician,
    requestNote: plan.requestNote ?? '',
    reKind: plan.reEvaluation.kind,
    reDate: plan.reEvaluation.kind === 'date' ? plan.reEvaluation.date : '',
    reVisits: plan.reEvaluation.kind === 'visits' ? plan.reEvaluation.visits : 6,
    homeCare: plan.homeCare.map((h) => h.itemId),
    homeCareNotes: Object.fromEntries(
      plan.homeCare.filter((h) => h.note).map((h) => [h.itemId, h.note ?? '']),
    ),
    ...(plan.certification ? { certification: plan.certification } : {}),
  };
}

export function referralOrder(referral: LinkedReferral | undefined): ReferralOrder {
  if (!referral) return {};
  const r = referral.referral;
  return {
    frequencyPerWeek: r.frequency.timesPerWeek,
    durationWeeks: r.durationWeeks,
    ...(r.visitsAuthorized ? { totalVisits: r.visitsAuthorized } : {}),
  };
}

/** The referral's diagnoses as problems, keeping problems the therapist added from the assessment. */
export function problemsFromReferral(
  current: PlanOfCare['problems'],
  referral: LinkedReferral | undefined,
): PlanOfCare['problems'] {
  const fromAssessment = current.filter((p) => p.from === 'assessment');
  const fromReferral = (referral?.referral.diagnoses ?? []).map((icd10) => ({
    icd10,
    from: 'referral' as const,
  }));
  return [...fromReferral, ...fromAssessment.filter((p) => !fromReferral.some((r) => r.icd10 === p.icd10))];
}

/** Server field paths (`content.goals.0.targetDate`) as the editor's keys (`goals.0.targetDate`). */
export function fieldErrors(errors: readonly { field: string; message: string }[] | undefined) {
  const out: Record<string, string> = {};
  for (const e of errors ?? []) {
    const key = e.field.replace(/^(body\.)?content\./, '');
    out[key] = out[key] ? `${out[key]}; ${e.message}` : e.message;
  }
  return out;
}
