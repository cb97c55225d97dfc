// Source: Levine DW et al. J Bone Joint Surg Am 1993;75:1585-1592 — each scale is the mean of its
// items (1–5): Symptom Severity Scale 11 items, Functional Status Scale 8 items, no combined total.
import { describe, expect, it } from 'vitest';
import { answersInOrder } from './answers.fixtures.ts';
import { BCTQ } from './bctq.instrument.ts';
import { scoreResponse } from './score.ts';

const both = (symptom: (number | null)[], fn: (number | null)[]) =>
  scoreResponse(BCTQ, answersInOrder(BCTQ, [...symptom, ...fn]));

describe('BCTQ scoring (Levine 1993)', () => {
  it.each([
    [
      'symptom mean 33/11 = 3.00, function mean 20/8 = 2.50',
      [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3],
      [2, 3, 2, 3, 2, 3, 2, 3],
      3,
      2.5,
    ],
    [
      'symptom mean 25/11 = 2.27, function mean 12/8 = 1.50',
      [4, 3, 2, 2, 2, 3, 2, 3, 2, 1, 1],
      [1, 2, 1, 2, 1, 2, 1, 2],
      2.27,
      1.5,
    ],
    ['minimum 1 on each scale', [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1, 1, 1], 1, 1],
    ['maximum 5 on each scale', [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5], [5, 5, 5, 5, 5, 5, 5, 5], 5, 5],
  ])('%s', (_label, symptom, fn, symptomScore, functionScore) => {
    const result = both(symptom, fn);
    expect(result.scales.map((s) => s.score)).toEqual([symptomScore, functionScore]);
    expect(result.score).toBe(symptomScore);
  });

  it('refuses a scale with an unanswered item but keeps the other scale', () => {
    const result = both([3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3], [2, 2, 2, null, 2, 2, 2, 2]);
    expect(result.valid).toBe(true);
    expect(result.scales[1]).toMatchObject({ status: 'invalid', score: null, missingItems: ['fss4'] });
  });

  it('refuses the symptom scale (the primary score) with an unanswered item', () => {
    const result = both([3, 3, 3, null, 3, 3, 3, 3, 3, 3, 3], [2, 2, 2, 2, 2, 2, 2, 2]);
    expect(result).toMatchObject({ valid: false, score: null });
    expect(result.scales[1]?.score).toBe(2);
  });
});
