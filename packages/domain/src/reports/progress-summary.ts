/**
 * What a progress report tells the referring physician, computed from the signed record: visits
 * done against visits authorised and attendance, the techniques used summarised by body region,
 * each outcome measure's series against its baseline and MCID, and where each plan goal stands.
 */
import { findRegion } from '../body/regions.ts';
import { type ChangeSeries, changeFromBaseline } from '../outcomes/change.ts';
import { findInstrument } from '../outcomes/instruments.catalogue.ts';
import type { ScoreResult } from '../outcomes/score.ts';
import type { Goal, PlanOfCare } from '../plans/plan-of-care.schema.ts';
import { describeGoalMeasure } from '../plans/plan-versions.ts';
import { techniqueLabel } from '../plans/techniques.ts';
import type { SignedNote } from '../sessions/session-note.schema.ts';
import { type GoalStatusRecord, goalStanding, type MeasureReading } from './goal-status.ts';

export interface SignedVisit {
  visitDate: string;
  note: SignedNote;
  /** Signing order (e.g. the signing time in ms): orders two visits of one day. */
  sequence?: number;
}

export interface OutcomeAdministration {
  instrumentId: string;
  administeredOn: string;
  result: ScoreResult;
}

export interface RegionSummary {
  region: string;
  minutes: number;
  visits: number;
  techniques: string[];
}

export interface OutcomeSummary {
  instrumentId: string;
  name: string;
  unit: string;
  /** The instrument's MCID (points and/or percent of baseline), when published, and its wording. */
  mcid?: { points?: number; percent?: number; text: string };
  higherIsBetter: boolean;
  points: Array<{ administeredOn: string; score: number | null; band?: string }>;
  series: ChangeSeries;
  /** One sentence: baseline → latest and whether the change passed the MCID. */
  summary: string;
}

export interface GoalSummary {
  id: string;
  term: 'short' | 'long';
  description: string;
  targetDate: string;
  status: Goal['status'];
  /** Why: the record the status comes from, or the measure that meets the target. */
  basis: string;
}

export interface ProgressSummary {
  visitsAuthorized?: number;
  visitsTreated: number;
  visitsPostponed: number;
  firstVisit?: string;
  lastVisit?: string;
  regions: RegionSummary[];
  outcomes: OutcomeSummary[];
  goals: GoalSummary[];
  painBeforeAfter: Array<{ visitDate: string; before?: number; after?: number }>;
}

export function progressSummary(input: {
  visits: readonly SignedVisit[];
  outcomes: readonly OutcomeAdministration[];
  plan?: Pick<PlanOfCare, 'goals'>;
  visitsAuthorized?: number;
  /** Goal statuses set outside a note, e.g. at a re-assessment. */
  goalRecords?: readonly GoalStatusRecord[];
}): ProgressSummary {
  const visits = [...input.visits].sort(
    (a, b) => a.visitDate.localeCompare(b.visitDate) || (a.sequence ?? 0) - (b.sequence ?? 0),
  );
  const treated = visits.filter((v) => v.note.outcome === 'treated');
  // Each signed note is one visit: two visits on one day are two visits, so count notes, not dates.
  const regions = new Map<string, RegionSummary & { visitDates: Set<number>; techniqueIds: Set<string> }>();
  for (const [visitIndex, v] of treated.entries()) {
    if (v.note.outcome !== 'treated') continue;
    for (const line of v.note.objective.techniques) {
      const label = `${findRegion(line.regionId)?.label ?? line.regionId}${line.side ? ` (${line.side})` : ''}`;
      const entry = regions.get(label) ?? {
        region: label,
        minutes: 0,
        visits: 0,
        techniques: [],
        visitDates: new Set(),
        techniqueIds: new Set(),
      };
      entry.minutes += line.minutes;
      entry.visitDates.add(visitIndex);
      entry.techniqueIds.add(line.techniqueId);
      regions.set(label, entry);
    }
  }

  const goalRecords: GoalStatusRecord[] = [...(input.goalRecords ?? [])];
  const readings: MeasureReading[] = [];
  for (const [index, v] of visits.entries()) {
    if (v.note.outcome !== 'treated') continue;
    const sequence = v.sequence ?? index;
    for (const p of v.note.assessment.goalProgress)
      goalRecords.push({ goalId: p.goalId, status: p.status, on: v.visitDate, sequence });
    // The pain the patient reports at the start of a visit is an NPRS reading; the rating just
    // after treatment is not, since relief straight after massage says little about the goal.
    readings.push({ instrument: 'nprs', on: v.visitDate, sequence, score: v.note.subjective.painBefore });
  }
  for (const [index, o] of input.outcomes.entries()) {
    if (o.result.score === null) continue;
    const name = findInstrument(o.instrumentId)?.name ?? o.instrumentId;
    for (const instrument of new Set([o.instrumentId, name]))
      readings.push({ instrument, on: o.administeredOn, sequence: index, score: o.result.score });
  }

  return {
    ...(input.visitsAuthorized === undefined ? {} : { visitsAuthorized: input.visitsAuthorized }),
    visitsTreated: treated.length,
    visitsPostponed: visits.length - treated.length,
    ...(visits[0] ? { firstVisit: visits[0].visitDate } : {}),
    ...(visits.length ? { lastVisit: visits[visits.length - 1]?.visitDate } : {}),
    regions: [...regions.values()]
      .map(({ visitDates, techniqueIds, ...r }) => ({
        ...r,
        visits: visitDates.size,
        techniques: [...techniqueIds].map(techniqueLabel),
      }))
      .sort((a, b) => b.minutes - a.minutes || a.region.localeCompare(b.region)),
    outcomes: outcomeSummaries(input.outcomes),
    goals: (input.plan?.goals ?? []).map((g) => {
      const standing = goalStanding(g, goalRecords, readings);
      return {
        id: g.id,
        term: g.term,
        description: describeGoalMeasure(g.measure),
        targetDate: g.targetDate,
        status: standing.status,
        basis: standing.basis,
      };
    }),
    painBeforeAfter: treated.flatMap((v) =>
      v.note.outcome === 'treated'
        ? [
            {
              visitDate: v.visitDate,
              before: v.note.subjective.painBefore,
              after: v.note.assessment.painAfter,
            },
          ]
        : [],
    ),
  };
}

function outcomeSummaries(outcomes: readonly OutcomeAdministration[]): OutcomeSummary[] {
  const byInstrument = new Map<string, OutcomeAdministration[]>();
  for (const o of outcomes)
    byInstrument.set(o.instrumentId, [...(byInstrument.get(o.instrumentId) ?? []), o]);
  return [...byInstrument.entries()].flatMap(([id, list]) => {
    const instrument = findInstrument(id);
    if (!instrument) return [];
    const series = changeFromBaseline(instrument, list);
    const scale =
      instrument.scoring.scales.find((s) => s.id === instrument.scoring.primaryScale) ??
      instrument.scoring.scales[0];
    const m = scale?.mcid;
    const mcid = m
      ? {
          ...(m.points === undefined ? {} : { points: m.points }),
          ...(m.percent === undefined ? {} : { percent: m.percent }),
          text: `Minimal clinically important difference (MCID): ${[m.points === undefined ? '' : `${m.points} ${scale?.unit === 'percent' ? 'percentage points' : 'points'}`, m.percent === undefined ? '' : `${m.percent} % of baseline`].filter(Boolean).join(' or ')}`,
        }
      : undefined;
    const summary =
      series.latest?.primary.summary ??
      (series.points.length === 1
        ? 'Baseline recorded; no follow-up yet.'
        : 'Not enough scored administrations to compare.');
    return [
      {
        instrumentId: id,
        name: instrument.name,
        unit: scale?.unit ?? 'points',
        ...(mcid ? { mcid } : {}),
        higherIsBetter: scale?.direction === 'higher_is_better',
        points: series.points.map((p) => ({
          administeredOn: p.administeredOn,
          score: p.score,
          ...(p.band ? { band: p.band } : {}),
        })),
        series,
        summary,
      },
    ];
  });
}
