// Source: Guy W. ECDEU Assessment Manual, 1976 (seven CGI-I levels, 1 = very much improved);
// Farrar JT et al. Pain 2001;94:149-158 ("much" or "very much improved" = clinically important).
import { describe, expect, it } from 'vitest';
import { compareScores } from './change.ts';
import { PGIC } from './pgic.instrument.ts';
import { scoreResponse } from './score.ts';

describe('PGIC rating and self-rated change', () => {
  it.each([
    [1, 'very much improved', 'improved_beyond_mcid'],
    [2, 'much improved', 'improved_beyond_mcid'],
    [3, 'minimally improved', 'changed_less_than_mcid'],
    [4, 'no change', 'changed_less_than_mcid'],
    [5, 'minimally worse', 'changed_less_than_mcid'],
    [6, 'much worse', 'worsened_beyond_mcid'],
    [7, 'very much worse', 'worsened_beyond_mcid'],
  ])('level %i (%s) → %s', (level, band, outcome) => {
    const result = scoreResponse(PGIC, { change: level });
    expect(result).toMatchObject({ valid: true, score: level, band });
    expect(compareScores(PGIC, result, result).primary.outcome).toBe(outcome);
  });

  it('refuses an unanswered or out-of-range rating', () => {
    expect(scoreResponse(PGIC, {}).valid).toBe(false);
    expect(scoreResponse(PGIC, { change: 0 }).valid).toBe(false);
  });
});
