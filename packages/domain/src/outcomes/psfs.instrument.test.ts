// Source: Stratford P et al. Physiotherapy Canada 1995;47:258-263 — score = sum of the activity
// scores ÷ number of activities; each activity 0 (unable) to 10 (as before the problem).
import { describe, expect, it } from 'vitest';
import { answersInOrder } from './answers.fixtures.ts';
import { PSFS } from './psfs.instrument.ts';
import { scoreResponse } from './score.ts';

describe('PSFS scoring (Stratford 1995)', () => {
  it.each([
    ['three activities 4, 6, 5 → 5.0', [4, 6, 5], 5],
    ['two activities 3 and 4 → 3.5', [3, 4], 3.5],
    ['five activities 2, 3, 4, 5, 7 → 4.2', [2, 3, 4, 5, 7], 4.2],
    ['minimum: unable on every activity → 0', [0, 0, 0], 0],
    ['maximum: every activity as before → 10', [10, 10, 10], 10],
  ])('%s', (_label, values, score) => {
    const result = scoreResponse(PSFS, answersInOrder(PSFS, values));
    expect(result).toMatchObject({ valid: true, score, direction: 'higher_is_better' });
  });

  it('refuses a form with no activity rated', () => {
    const result = scoreResponse(PSFS, {});
    expect(result).toMatchObject({ valid: false, score: null });
    expect(result.reason).toMatch(/5 of 5 items unanswered/);
  });

  it('refuses a rating above 10', () => {
    expect(scoreResponse(PSFS, { activity1: 11 }).valid).toBe(false);
  });
});
