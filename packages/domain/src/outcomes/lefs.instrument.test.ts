// Source: Binkley JM et al. Phys Ther 1999;79:371-383 — 20 items 0–4, total = sum (0–80), higher is
// better; MCID 9 scale points.
import { describe, expect, it } from 'vitest';
import { answersAll, answersInOrder } from './answers.fixtures.ts';
import { LEFS } from './lefs.instrument.ts';
import { scoreResponse } from './score.ts';

describe('LEFS scoring (Binkley 1999)', () => {
  it.each([
    ['minimum: extreme difficulty everywhere → 0', answersAll(LEFS, 0), 0],
    ['maximum: no difficulty anywhere → 80', answersAll(LEFS, 4), 80],
    ['moderate difficulty everywhere → 40', answersAll(LEFS, 2), 40],
    [
      'column totals 4×5 + 3×5 + 2×5 + 1×5 = 50',
      answersInOrder(LEFS, [4, 4, 4, 4, 4, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1]),
      50,
    ],
  ])('%s', (_label, answers, score) => {
    expect(scoreResponse(LEFS, answers)).toMatchObject({ valid: true, score, direction: 'higher_is_better' });
  });

  it('refuses the total with an unanswered activity', () => {
    const answers = { ...answersAll(LEFS, 3), lefs18: null };
    expect(scoreResponse(LEFS, answers)).toMatchObject({
      valid: false,
      score: null,
      missingItems: ['lefs18'],
    });
  });
});
