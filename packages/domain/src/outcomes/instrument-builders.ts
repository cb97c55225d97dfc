/**
 * Small constructors so each instrument file reads as the published form does (items and their
 * options) rather than as repeated object literals.
 */
import type { AnswerOption, InstrumentItem, ItemScale, MissingRule, Scoring } from './instrument.types.ts';

/** Options from labels, valued from `first` upwards in the order given. */
export function ordinalOptions(labels: readonly string[], first = 0): AnswerOption[] {
  return labels.map((display, index) => ({ code: String(first + index), display, value: first + index }));
}

/** Options with explicit values (HIT-6 weights its answers 6, 8, 10, 11, 13). */
export function weightedOptions(pairs: readonly (readonly [string, number])[]): AnswerOption[] {
  return pairs.map(([display, value]) => ({ code: String(value), display, value }));
}

export function choiceItems(
  prefix: string,
  labels: readonly string[],
  options: readonly AnswerOption[],
): InstrumentItem[] {
  return labels.map((text, index) => ({
    linkId: `${prefix}${index + 1}`,
    text,
    type: 'choice',
    answerOption: options,
  }));
}

export function integerItems(
  prefix: string,
  labels: readonly string[],
  minValue: number,
  maxValue: number,
): InstrumentItem[] {
  return labels.map((text, index) => ({
    linkId: `${prefix}${index + 1}`,
    text,
    type: 'integer',
    minValue,
    maxValue,
  }));
}

export function linkIds(items: readonly InstrumentItem[]): string[] {
  return items.map((item) => item.linkId);
}

/**
 * Options for instruments whose statements are copyrighted: the product shows the position of the
 * statement on the form, not its words, until a licensed clinic loads the official text.
 */
export function statementOptions(count: number, first = 0): AnswerOption[] {
  return Array.from({ length: count }, (_, index) => {
    const value = first + index;
    const end = index === 0 ? ' (least)' : index === count - 1 ? ' (most)' : '';
    return { code: String(value), display: `Statement ${index + 1} of ${count}${end}`, value };
  });
}

/** Scoring for the common case: one scale, reported as the instrument's total. */
export function totalScoring(
  scale: Omit<ItemScale, 'kind' | 'id'>,
  options: Partial<Pick<Scoring, 'multipleMarks' | 'change'>> = {},
): Scoring {
  return {
    primaryScale: 'total',
    multipleMarks: options.multipleMarks ?? 'treat_as_missing',
    change: options.change ?? 'difference',
    scales: [{ kind: 'items', id: 'total', ...scale }],
  };
}

/** For instruments whose published scoring has no allowance for unanswered items. */
export function everyItemRequired(statement: string): MissingRule {
  return { maxMissing: 0, unanswered: 'prorate', statement };
}
