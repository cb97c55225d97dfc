// Source: Kosinski M et al. Qual Life Res 2003;12:963-974 and the HIT-6 Scoring Interpretation
// (QualityMetric): Never 6, Rarely 8, Sometimes 10, Very often 11, Always 13; total 36–78;
// ≤49 little or no impact, 50–55 some, 56–59 substantial, ≥60 severe.
import { describe, expect, it } from 'vitest';
import { answersInOrder } from './answers.fixtures.ts';
import { HIT6 } from './hit6.instrument.ts';
import { scoreResponse } from './score.ts';

describe('HIT-6 scoring (QualityMetric)', () => {
  it.each([
    ['minimum: all Never = 36', [6, 6, 6, 6, 6, 6], 36, 'little or no impact'],
    ['maximum: all Always = 78', [13, 13, 13, 13, 13, 13], 78, 'severe impact'],
    ['49 is the top of little or no impact', [13, 8, 8, 8, 6, 6], 49, 'little or no impact'],
    ['50 starts some impact', [10, 8, 8, 8, 8, 8], 50, 'some impact'],
    ['55 is still some impact', [11, 11, 11, 8, 8, 6], 55, 'some impact'],
    ['56 starts substantial impact', [10, 10, 10, 10, 8, 8], 56, 'substantial impact'],
    ['59 is still substantial', [11, 11, 11, 10, 8, 8], 59, 'substantial impact'],
    ['60 starts severe impact', [10, 10, 10, 10, 10, 10], 60, 'severe impact'],
    ['three Sometimes and three Very often = 63', [10, 10, 10, 11, 11, 11], 63, 'severe impact'],
  ])('%s', (_label, values, score, band) => {
    const result = scoreResponse(HIT6, answersInOrder(HIT6, values));
    expect(result).toMatchObject({ valid: true, score, band });
  });

  it('refuses the total when an item is unanswered', () => {
    const result = scoreResponse(HIT6, answersInOrder(HIT6, [10, 10, null, 10, 10, 10]));
    expect(result).toMatchObject({ valid: false, score: null, missingItems: ['hit3'] });
  });

  it('refuses a value that is not one of the five weights', () => {
    expect(scoreResponse(HIT6, answersInOrder(HIT6, [9, 10, 10, 10, 10, 10])).valid).toBe(false);
  });
});
