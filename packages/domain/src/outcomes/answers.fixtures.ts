/**
 * Builders for test answers, so each instrument test states its worked example as the list of
 * item values printed in the source rather than as a hand-written map.
 */
import type { Answers, Instrument } from './instrument.types.ts';

/** Answers in item order; null leaves an item unanswered. */
export function answersInOrder(instrument: Instrument, values: readonly (number | null)[]): Answers {
  const answers: Record<string, number | null> = {};
  instrument.item.forEach((item, index) => {
    const value = values[index];
    if (value !== undefined) answers[item.linkId] = value;
  });
  return answers;
}

/** The same value for every item. */
export function answersAll(instrument: Instrument, value: number): Answers {
  return answersInOrder(
    instrument,
    instrument.item.map(() => value),
  );
}
