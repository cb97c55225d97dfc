// Source: Vernon H, Mior S. JMPT 1991;14:409-415 (raw score /50, bands 0–4 none, 5–14 mild, 15–24
// moderate, 25–34 severe, >34 complete) and the author's scoring note (one unanswered item: the
// average of the other items is added). MCID 7.5: Young BA et al. Spine J 2009;9:802-808.
import { describe, expect, it } from 'vitest';
import { answersInOrder } from './answers.fixtures.ts';
import { NDI } from './ndi.instrument.ts';
import { scoreResponse } from './score.ts';

describe('NDI scoring (Vernon & Mior 1991)', () => {
  it.each([
    ['raw 20 of 50 is moderate', [2, 2, 2, 2, 2, 2, 2, 2, 2, 2], 20, 'moderate disability'],
    [
      'one item missing: 18 over 9 items, average 2 added → 20',
      [2, 2, 2, 2, 2, 2, 2, null, 2, 2],
      20,
      'moderate disability',
    ],
    ['minimum 0: no disability', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0, 'no disability'],
    ['maximum 50: complete', [5, 5, 5, 5, 5, 5, 5, 5, 5, 5], 50, 'complete disability'],
    ['4 is the top of "none"', [1, 1, 1, 1, 0, 0, 0, 0, 0, 0], 4, 'no disability'],
    ['5 starts "mild"', [1, 1, 1, 1, 1, 0, 0, 0, 0, 0], 5, 'mild disability'],
    ['14 is still mild', [2, 2, 2, 2, 2, 2, 2, 0, 0, 0], 14, 'mild disability'],
    ['25 starts "severe"', [3, 3, 3, 3, 3, 3, 3, 2, 1, 1], 25, 'severe disability'],
    ['35 is "complete" (above 34)', [4, 4, 4, 4, 4, 3, 3, 3, 3, 3], 35, 'complete disability'],
  ])('%s', (_label, values, score, band) => {
    const result = scoreResponse(NDI, answersInOrder(NDI, values));
    expect(result.score).toBeCloseTo(score, 5);
    expect(result.band).toBe(band);
    expect(result.unit).toBe('points');
  });

  it('refuses the index with two items missing', () => {
    const result = scoreResponse(NDI, answersInOrder(NDI, [2, 2, 2, 2, 2, 2, 2, null, null, 2]));
    expect(result).toMatchObject({ valid: false, score: null, missingItems: ['ndi8', 'ndi9'] });
  });
});
