/**
 * An outcome instrument is data: a definition shaped like a FHIR R4 Questionnaire (id, title,
 * version, items with linkId, answer options) plus the published scoring rule, range, direction,
 * MCID, interpretation bands, licence and source. One generic engine (score.ts) applies the rule,
 * so adding an instrument never means writing a new scoring function.
 */

/** Which way is better: most disability indexes rise with disability, function scales fall. */
export type Direction = 'higher_is_worse' | 'higher_is_better';

/** FHIR answerOption with the ordinal value the scoring uses (FHIR: ordinalValue extension). */
export interface AnswerOption {
  code: string;
  display: string;
  value: number;
}

export interface InstrumentItem {
  linkId: string;
  /** Neutral label in the product's own words; a licensed clinic may load the official wording. */
  text: string;
  type: 'choice' | 'integer' | 'boolean';
  answerOption?: readonly AnswerOption[];
  minValue?: number;
  maxValue?: number;
  /** The patient names this item (PSFS activities); the name is stored with the response. */
  patientDefinedLabel?: boolean;
}

/** A band applies from its `from` value up to the next band's `from`. */
export interface Band {
  from: number;
  label: string;
}

/**
 * Minimal clinically important difference. When both are given, reaching either counts, as the
 * consensus statements for pain and back-disability scales define it.
 */
export interface Mcid {
  points?: number;
  /** Relative change from baseline, in percent. */
  percent?: number;
  source: string;
  note?: string;
}

export interface MissingRule {
  /** Most unanswered items the scale tolerates; beyond this the scale is not computed. */
  maxMissing: number;
  /** Fewest answered items needed (for scales the patient fills only partly, e.g. PSFS). */
  minAnswered?: number;
  /**
   * prorate: the sum of answered items is weighted by items ÷ answered (for a mean this is the
   * mean of answered items). count_as_zero: an unanswered item counts as 0 (checklist forms
   * where an unticked statement means "no").
   */
  unanswered: 'prorate' | 'count_as_zero';
  /** The rule in words, with its source, shown when a score is refused. */
  statement: string;
}

interface ScaleCommon {
  id: string;
  label: string;
  range: { min: number; max: number };
  unit: 'points' | 'percent';
  decimals: number;
  direction: Direction;
  mcid?: Mcid;
  bands?: readonly Band[];
}

/** score = (sum or mean of items − offset) × factor */
export interface ItemScale extends ScaleCommon {
  kind: 'items';
  items: readonly string[];
  aggregate: 'sum' | 'mean';
  missing: MissingRule;
  offset?: number;
  factor?: number;
}

/** A total made of other scales (FIQR total = function + overall + symptoms). */
export interface CompositeScale extends ScaleCommon {
  kind: 'sum_of_scales';
  scales: readonly string[];
}

export type ScaleDefinition = ItemScale | CompositeScale;

export interface Scoring {
  scales: readonly ScaleDefinition[];
  /** The scale reported as "the" score of the instrument. */
  primaryScale: string;
  /** Two marks on one item on a paper form: take the higher mark, or treat the item as missing. */
  multipleMarks: 'take_highest' | 'treat_as_missing';
  /** Beyond this many multiply-marked items the whole form is invalid (FIQR: 3 or more). */
  maxMultipleMarkedItems?: number;
  /**
   * difference: change is the difference between two administrations. self_rated: the instrument
   * itself rates change (PGIC), so one administration says whether the patient improved.
   */
  change: 'difference' | { kind: 'self_rated'; improvedAtMost: number; worsenedAtLeast: number };
}

export interface Licence {
  kind: 'free' | 'free_with_attribution' | 'licensed';
  holder?: string;
  /** What the clinic may do and what the product ships. */
  note: string;
  /** True only when the official item wording is shipped (never for licensed instruments). */
  officialWordingShipped: boolean;
}

export interface Instrument {
  resourceType: 'Questionnaire';
  id: string;
  /** Short name used in lists and reports (ODI, NDI, …). */
  name: string;
  title: string;
  version: string;
  status: 'active';
  /** Body area or condition the instrument is meant for, to suggest it from a referral. */
  useFor: string;
  recallPeriod?: string;
  licence: Licence;
  source: string;
  item: readonly InstrumentItem[];
  scoring: Scoring;
}

/** One answer per linkId: the option value, several values for a double mark, or nothing. */
export type AnswerValue = number | readonly number[] | null | undefined;
export type Answers = Readonly<Record<string, AnswerValue>>;
