// Source: Institute for Work & Health, The DASH and QuickDASH Outcome Measure User's Manual —
// QuickDASH score = ((sum of n responses ÷ n) − 1) × 25; not computed if more than 1 item is
// missing. Beaton DE et al. J Bone Joint Surg Am 2005;87:1038-1046.
import { describe, expect, it } from 'vitest';
import { answersInOrder } from './answers.fixtures.ts';
import { QUICKDASH } from './quickdash.instrument.ts';
import { scoreResponse } from './score.ts';

describe('QuickDASH scoring (IWH manual)', () => {
  it.each([
    ['all eleven answered, sum 33: (3 − 1) × 25 = 50', [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3], 50],
    ['one missing, sum 30 of 10: (3 − 1) × 25 = 50', [3, 3, 3, 3, 3, null, 3, 3, 3, 3, 3], 50],
    ['mixed answers, sum 24 of 11: (24/11 − 1) × 25 = 29.5', [1, 2, 3, 4, 5, 1, 2, 2, 2, 1, 1], 29.5],
    ['minimum: all "no difficulty" → 0', [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 0],
    ['maximum: all "unable" → 100', [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5], 100],
  ])('%s', (_label, values, score) => {
    const result = scoreResponse(QUICKDASH, answersInOrder(QUICKDASH, values));
    expect(result.valid).toBe(true);
    expect(result.score).toBeCloseTo(score, 1);
  });

  it('refuses the score with two items missing (fewer than 10 of 11)', () => {
    const result = scoreResponse(
      QUICKDASH,
      answersInOrder(QUICKDASH, [3, 3, 3, 3, 3, null, null, 3, 3, 3, 3]),
    );
    expect(result.valid).toBe(false);
    expect(result.score).toBeNull();
    expect(result.reason).toMatch(/At least 10 of the 11/);
  });

  it('treats a double mark as unanswered rather than guessing', () => {
    const answers = { ...answersInOrder(QUICKDASH, [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3]), qd2: [2, 4] };
    const result = scoreResponse(QUICKDASH, answers);
    expect(result.missingItems).toEqual(['qd2']);
    expect(result.score).toBe(50);
  });
});
