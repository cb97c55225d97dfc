/**
 * The one scoring engine for every instrument: it applies the scoring rule stored with the
 * instrument (sum or mean, offset and factor, the published missing-item rule, composite totals)
 * and reports why a score could not be computed. A refused score is null, never 0, because a 0
 * on a disability index would read as "no disability" in a progress report.
 */
import type {
  Answers,
  AnswerValue,
  Band,
  Direction,
  Instrument,
  InstrumentItem,
  ItemScale,
  ScaleDefinition,
} from './instrument.types.ts';

interface ScaleScoreBase {
  scaleId: string;
  label: string;
  range: { min: number; max: number };
  unit: 'points' | 'percent';
  direction: Direction;
  itemCount: number;
  answered: number;
  missingItems: string[];
}

export interface ValidScaleScore extends ScaleScoreBase {
  status: 'valid';
  score: number;
  band?: string;
  /** True when unanswered items were compensated by the instrument's proration rule. */
  prorated: boolean;
  interpretation: string;
}

export interface InvalidScaleScore extends ScaleScoreBase {
  status: 'invalid';
  score: null;
  reason: string;
}

export type ScaleScore = ValidScaleScore | InvalidScaleScore;

export interface ScoreResult {
  instrumentId: string;
  instrumentVersion: string;
  valid: boolean;
  /** The primary scale's score; null when it cannot be computed. */
  score: number | null;
  unit: 'points' | 'percent';
  range: { min: number; max: number };
  direction: Direction;
  band?: string;
  /** Plain-language reading of the result, or the reason there is none. */
  interpretation: string;
  reason?: string;
  missingItems: string[];
  scales: ScaleScore[];
}

interface ReadAnswers {
  values: Map<string, number>;
  multiplyMarked: string[];
  problems: string[];
}

function allowedValue(item: InstrumentItem, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  switch (item.type) {
    case 'choice':
      return (item.answerOption ?? []).some((option) => option.value === value);
    case 'boolean':
      return value === 0 || value === 1;
    case 'integer':
      return (
        Number.isInteger(value) &&
        (item.minValue === undefined || value >= item.minValue) &&
        (item.maxValue === undefined || value <= item.maxValue)
      );
  }
}

function readAnswers(instrument: Instrument, answers: Answers): ReadAnswers {
  const read: ReadAnswers = { values: new Map(), multiplyMarked: [], problems: [] };
  const known = new Set(instrument.item.map((item) => item.linkId));
  for (const linkId of Object.keys(answers)) {
    if (!known.has(linkId)) read.problems.push(`"${linkId}" is not an item of ${instrument.name}`);
  }
  for (const item of instrument.item) {
    const raw: AnswerValue = answers[item.linkId];
    if (raw === null || raw === undefined) continue;
    const marks = typeof raw === 'number' ? [raw] : [...raw];
    const bad = marks.filter((value) => !allowedValue(item, value));
    if (bad.length > 0) {
      read.problems.push(`${item.linkId}: ${bad.join(', ')} is not an allowed answer`);
      continue;
    }
    if (marks.length === 0) continue;
    if (marks.length > 1) {
      read.multiplyMarked.push(item.linkId);
      if (instrument.scoring.multipleMarks === 'treat_as_missing') continue;
    }
    read.values.set(item.linkId, Math.max(...marks));
  }
  return read;
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

export function bandFor(bands: readonly Band[] | undefined, score: number): string | undefined {
  let found: string | undefined;
  for (const band of bands ?? []) if (score >= band.from) found = band.label;
  return found;
}

export function formatScore(scale: Pick<ScaleDefinition, 'unit' | 'decimals'>, score: number): string {
  const text = score.toFixed(scale.decimals);
  return scale.unit === 'percent' ? `${text} %` : `${text} points`;
}

function describe(scale: ScaleDefinition, score: number, band: string | undefined): string {
  const better = scale.direction === 'higher_is_worse' ? 'lower is better' : 'higher is better';
  const where = `${formatScore(scale, score)} on ${scale.range.min}–${scale.range.max}, ${better}`;
  return band ? `${where}: ${band}` : where;
}

function base(scale: ScaleDefinition, itemCount: number, answered: number, missing: string[]) {
  return {
    scaleId: scale.id,
    label: scale.label,
    range: scale.range,
    unit: scale.unit,
    direction: scale.direction,
    itemCount,
    answered,
    missingItems: missing,
  };
}

function valid(
  scale: ScaleDefinition,
  exact: number,
  counts: { itemCount: number; answered: number; missing: string[]; prorated: boolean },
): ValidScaleScore {
  const score = round(exact, scale.decimals);
  const band = bandFor(scale.bands, score);
  return {
    ...base(scale, counts.itemCount, counts.answered, counts.missing),
    status: 'valid',
    score,
    ...(band ? { band } : {}),
    prorated: counts.prorated,
    interpretation: describe(scale, score, band),
  };
}

function scoreItemScale(
  scale: ItemScale,
  values: Map<string, number>,
): { result: ScaleScore; exact?: number } {
  const missing = scale.items.filter((linkId) => !values.has(linkId));
  const rule = scale.missing;
  const zeroFill = rule.unanswered === 'count_as_zero';
  const answered = zeroFill ? scale.items.length : scale.items.length - missing.length;
  const refuse = (reason: string) => ({
    result: {
      ...base(scale, scale.items.length, scale.items.length - missing.length, missing),
      status: 'invalid' as const,
      score: null,
      reason: `${reason} ${rule.statement}`,
    },
  });
  if (!zeroFill && missing.length > rule.maxMissing) {
    return refuse(`${missing.length} of ${scale.items.length} items unanswered.`);
  }
  if (answered < Math.max(1, rule.minAnswered ?? 1)) {
    return refuse(`${answered} of ${scale.items.length} items answered.`);
  }
  const sum = scale.items.reduce((total, linkId) => total + (values.get(linkId) ?? 0), 0);
  const aggregate = scale.aggregate === 'mean' ? sum / answered : (sum * scale.items.length) / answered;
  const exact = (aggregate - (scale.offset ?? 0)) * (scale.factor ?? 1);
  const prorated = !zeroFill && missing.length > 0 && scale.aggregate === 'sum';
  return {
    result: valid(scale, exact, { itemCount: scale.items.length, answered, missing, prorated }),
    exact,
  };
}

/** Scores one completed questionnaire with the instrument's own rules. */
export function scoreResponse(instrument: Instrument, answers: Answers): ScoreResult {
  const read = readAnswers(instrument, answers);
  const { scoring } = instrument;
  const formProblem =
    read.problems.length > 0
      ? `The answers contain errors: ${read.problems.join('; ')}.`
      : scoring.maxMultipleMarkedItems !== undefined &&
          read.multiplyMarked.length > scoring.maxMultipleMarkedItems
        ? `${read.multiplyMarked.length} items have more than one answer; the form is invalid beyond ${scoring.maxMultipleMarkedItems}.`
        : undefined;

  const exacts = new Map<string, number>();
  const scales: ScaleScore[] = [];
  for (const scale of scoring.scales) {
    if (scale.kind === 'items') {
      const { result, exact } = formProblem
        ? {
            result: {
              ...base(scale, scale.items.length, 0, []),
              status: 'invalid' as const,
              score: null,
              reason: formProblem,
            },
            exact: undefined,
          }
        : scoreItemScale(scale, read.values);
      if (exact !== undefined) exacts.set(scale.id, exact);
      scales.push(result);
      continue;
    }
    const parts = scale.scales.map((id) => exacts.get(id));
    const components = scales.filter((s) => scale.scales.includes(s.scaleId));
    const itemCount = components.reduce((n, s) => n + s.itemCount, 0);
    const answered = components.reduce((n, s) => n + s.answered, 0);
    const missing = components.flatMap((s) => s.missingItems);
    if (parts.some((part) => part === undefined)) {
      const failed = components.filter((s) => s.status === 'invalid').map((s) => s.label);
      scales.push({
        ...base(scale, itemCount, answered, missing),
        status: 'invalid',
        score: null,
        reason: formProblem ?? `Not computed because ${failed.join(', ')} could not be scored.`,
      });
      continue;
    }
    const exact = parts.reduce<number>((total, part) => total + (part ?? 0), 0);
    exacts.set(scale.id, exact);
    const prorated = components.some((s) => s.status === 'valid' && s.prorated);
    scales.push(valid(scale, exact, { itemCount, answered, missing, prorated }));
  }

  const primary = scales.find((s) => s.scaleId === scoring.primaryScale) ?? scales[0];
  const primaryDef = scoring.scales.find((s) => s.id === scoring.primaryScale) ?? scoring.scales[0];
  if (!primary || !primaryDef) throw new Error(`${instrument.id} has no scales`);
  const missingItems = instrument.item
    .map((item) => item.linkId)
    .filter((linkId) => scales.some((s) => s.missingItems.includes(linkId)));
  const common = {
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    unit: primaryDef.unit,
    range: primaryDef.range,
    direction: primaryDef.direction,
    missingItems,
    scales,
  };
  if (primary.status === 'invalid') {
    return { ...common, valid: false, score: null, interpretation: primary.reason, reason: primary.reason };
  }
  return {
    ...common,
    valid: true,
    score: primary.score,
    ...(primary.band ? { band: primary.band } : {}),
    interpretation: primary.interpretation,
  };
}
