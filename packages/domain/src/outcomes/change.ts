/**
 * Change over time, direction-aware: "better" means lower on a disability index and higher on a
 * function scale, so every change is first turned into an improvement (positive = better) before
 * it is held against the instrument's MCID. The progress report to the physician quotes these
 * results, so each carries a sentence a reader can check against the numbers.
 */
import type { Instrument, Mcid, ScaleDefinition } from './instrument.types.ts';
import { formatScore, type ScaleScore, type ScoreResult } from './score.ts';

export type ChangeOutcome =
  | 'improved_beyond_mcid'
  | 'changed_less_than_mcid'
  | 'worsened_beyond_mcid'
  | 'not_comparable';

export interface ScaleChange {
  scaleId: string;
  label: string;
  before: number | null;
  after: number | null;
  /** after − before, in the scale's units. */
  change: number | null;
  /** Positive when the patient is better, whichever way the scale runs. */
  improvement: number | null;
  /** Improvement relative to the baseline score, in percent; null when the baseline is 0. */
  percentImprovement: number | null;
  mcid?: Mcid;
  outcome: ChangeOutcome;
  bandBefore?: string;
  bandAfter?: string;
  summary: string;
}

export interface InstrumentChange {
  instrumentId: string;
  primary: ScaleChange;
  scales: ScaleChange[];
}

// Scores are rounded for display; a tiny tolerance keeps 7.5 − 0.0000001 from missing an MCID of 7.5.
const EPSILON = 1e-9;

function outcomeLabel(outcome: ChangeOutcome): string {
  return {
    improved_beyond_mcid: 'improved beyond the MCID',
    changed_less_than_mcid: 'changed less than the MCID',
    worsened_beyond_mcid: 'worsened beyond the MCID',
    not_comparable: 'not comparable',
  }[outcome];
}

function mcidText(scale: ScaleDefinition, mcid: Mcid): string {
  const parts = [
    mcid.points !== undefined
      ? `${mcid.points} ${scale.unit === 'percent' ? 'percentage points' : 'points'}`
      : '',
    mcid.percent !== undefined ? `${mcid.percent} % of baseline` : '',
  ].filter(Boolean);
  return parts.join(' or ');
}

function reaches(mcid: Mcid, amount: number, percent: number | null): boolean {
  if (mcid.points !== undefined && amount + EPSILON >= mcid.points) return true;
  return mcid.percent !== undefined && percent !== null && percent + EPSILON >= mcid.percent;
}

/** Compares two computed values of one scale against the scale's MCID. */
export function compareValues(scale: ScaleDefinition, before: number, after: number): ScaleChange {
  const change = after - before;
  const improvement = scale.direction === 'higher_is_worse' ? -change : change;
  const percentImprovement = before === 0 ? null : (improvement / Math.abs(before)) * 100;
  const mcid = scale.mcid;
  let outcome: ChangeOutcome = 'changed_less_than_mcid';
  if (mcid && improvement > 0 && reaches(mcid, improvement, percentImprovement))
    outcome = 'improved_beyond_mcid';
  const worsening = -improvement;
  const percentWorse = percentImprovement === null ? null : -percentImprovement;
  if (mcid && worsening > 0 && reaches(mcid, worsening, percentWorse)) outcome = 'worsened_beyond_mcid';
  const way = improvement > 0 ? 'better' : improvement < 0 ? 'worse' : 'no change';
  const amount = Math.abs(change).toFixed(scale.decimals);
  const threshold = mcid ? `MCID ${mcidText(scale, mcid)}` : 'no published MCID';
  const summary = `${scale.label}: ${formatScore(scale, before)} → ${formatScore(scale, after)}, ${
    way === 'no change' ? way : `${amount} ${way}`
  } (${threshold}): ${mcid ? outcomeLabel(outcome) : 'change shown without an MCID judgement'}.`;
  return {
    scaleId: scale.id,
    label: scale.label,
    before,
    after,
    change,
    improvement,
    percentImprovement,
    ...(mcid ? { mcid } : {}),
    outcome,
    summary,
  };
}

function notComparable(
  scale: ScaleDefinition,
  before: ScaleScore | undefined,
  after: ScaleScore | undefined,
) {
  const why = [before, after]
    .map((s, index) => (s?.status === 'invalid' ? `${index === 0 ? 'earlier' : 'later'}: ${s.reason}` : ''))
    .filter(Boolean)
    .join(' ');
  return {
    scaleId: scale.id,
    label: scale.label,
    before: before?.score ?? null,
    after: after?.score ?? null,
    change: null,
    improvement: null,
    percentImprovement: null,
    ...(scale.mcid ? { mcid: scale.mcid } : {}),
    outcome: 'not_comparable' as const,
    summary: `${scale.label}: not comparable. ${why || 'A score is missing.'}`.trim(),
  };
}

function selfRated(
  instrument: Instrument,
  scale: ScaleDefinition,
  after: ScaleScore | undefined,
): ScaleChange {
  const rule = instrument.scoring.change;
  if (rule === 'difference' || !after || after.status === 'invalid')
    return notComparable(scale, undefined, after);
  const outcome: ChangeOutcome =
    after.score <= rule.improvedAtMost
      ? 'improved_beyond_mcid'
      : after.score >= rule.worsenedAtLeast
        ? 'worsened_beyond_mcid'
        : 'changed_less_than_mcid';
  return {
    scaleId: scale.id,
    label: scale.label,
    before: null,
    after: after.score,
    change: null,
    improvement: null,
    percentImprovement: null,
    ...(scale.mcid ? { mcid: scale.mcid } : {}),
    outcome,
    ...(after.band ? { bandAfter: after.band } : {}),
    summary: `${scale.label}: the patient rated the change as "${after.band ?? after.score}": ${outcomeLabel(outcome)}.`,
  };
}

/** Change between two administrations of the same instrument, for every scale it reports. */
export function compareScores(
  instrument: Instrument,
  before: ScoreResult,
  after: ScoreResult,
): InstrumentChange {
  if (before.instrumentId !== instrument.id || after.instrumentId !== instrument.id) {
    throw new Error(
      `Scores of ${before.instrumentId} and ${after.instrumentId} cannot be compared as ${instrument.id}`,
    );
  }
  const scales = instrument.scoring.scales.map((scale) => {
    const earlier = before.scales.find((s) => s.scaleId === scale.id);
    const later = after.scales.find((s) => s.scaleId === scale.id);
    if (instrument.scoring.change !== 'difference') return selfRated(instrument, scale, later);
    if (earlier?.status !== 'valid' || later?.status !== 'valid') return notComparable(scale, earlier, later);
    return {
      ...compareValues(scale, earlier.score, later.score),
      ...(earlier.band ? { bandBefore: earlier.band } : {}),
      ...(later.band ? { bandAfter: later.band } : {}),
    };
  });
  const primary = scales.find((s) => s.scaleId === instrument.scoring.primaryScale) ?? scales[0];
  if (!primary) throw new Error(`${instrument.id} has no scales`);
  return { instrumentId: instrument.id, primary, scales };
}

export interface Administration {
  /** ISO date (YYYY-MM-DD) the questionnaire was completed; passed in, never read from a clock. */
  administeredOn: string;
  result: ScoreResult;
}

export interface SeriesPoint {
  administeredOn: string;
  score: number | null;
  band?: string;
  /** Null for the baseline itself and for administrations that could not be scored. */
  fromBaseline: InstrumentChange | null;
}

export interface ChangeSeries {
  instrumentId: string;
  baseline: Administration | null;
  points: SeriesPoint[];
  /** The latest scored administration compared with the baseline. */
  latest: InstrumentChange | null;
}

/**
 * A series of administrations in date order, each compared with the baseline: the first one that
 * could be scored, because an unscorable first form must not become the reference.
 */
export function changeFromBaseline(
  instrument: Instrument,
  administrations: readonly Administration[],
): ChangeSeries {
  const ordered = [...administrations].sort((a, b) => a.administeredOn.localeCompare(b.administeredOn));
  const selfRatedInstrument = instrument.scoring.change !== 'difference';
  const baseline = selfRatedInstrument ? null : (ordered.find((a) => a.result.valid) ?? null);
  let latest: InstrumentChange | null = null;
  const points = ordered.map((administration) => {
    const { result } = administration;
    let fromBaseline: InstrumentChange | null = null;
    if (result.valid && (selfRatedInstrument || (baseline && administration !== baseline))) {
      fromBaseline = compareScores(instrument, baseline?.result ?? result, result);
      latest = fromBaseline;
    }
    return {
      administeredOn: administration.administeredOn,
      score: result.score,
      ...(result.band ? { band: result.band } : {}),
      fromBaseline,
    };
  });
  return { instrumentId: instrument.id, baseline, points, latest };
}
