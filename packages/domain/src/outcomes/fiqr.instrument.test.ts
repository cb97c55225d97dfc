// Source: FIQR scoring instructions (fiqr.info, "Scoring the FIQR and SIQR"): function sum (0–90)
// ÷ 3, overall sum (0–20), symptoms sum (0–100) ÷ 2, total = the three (0–100). Missing answers:
// weight a domain by items ÷ answered; invalid if 2 or more function items, or any overall or
// symptom item, are missing, or if 3 or more items carry multiple answers. Bennett RM et al.
// Arthritis Res Ther 2009;11:R120. Bands: Salaffi F et al. Clin Exp Rheumatol 2020.
import { describe, expect, it } from 'vitest';
import { answersAll, answersInOrder } from './answers.fixtures.ts';
import { FIQR } from './fiqr.instrument.ts';
import { scoreResponse } from './score.ts';

const form = (fn: (number | null)[], overall: (number | null)[], symptoms: (number | null)[]) =>
  answersInOrder(FIQR, [...fn, ...overall, ...symptoms]);

const FN_45 = [5, 5, 5, 5, 5, 5, 5, 5, 5];
const SY_60 = [6, 6, 6, 6, 6, 6, 6, 6, 6, 6];

describe('FIQR scoring (fiqr.info scoring instructions)', () => {
  it.each([
    [
      'function 45 ÷ 3 = 15, overall 10, symptoms 60 ÷ 2 = 30 → 55',
      form(FN_45, [5, 5], SY_60),
      [15, 10, 30, 55],
      'moderate',
    ],
    [
      'one function item missing: 40 × 9/8 = 45 → 15, total unchanged',
      form([5, 5, 5, 5, null, 5, 5, 5, 5], [5, 5], SY_60),
      [15, 10, 30, 55],
      'moderate',
    ],
    ['minimum 0: remission', answersAll(FIQR, 0), [0, 0, 0, 0], 'remission'],
    ['maximum 100: very severe', answersAll(FIQR, 10), [30, 20, 50, 100], 'very severe'],
    [
      'function 27 ÷ 3 = 9, overall 4, symptoms 20 ÷ 2 = 10 → 23: remission',
      form([3, 3, 3, 3, 3, 3, 3, 3, 3], [2, 2], [2, 2, 2, 2, 2, 2, 2, 2, 2, 2]),
      [9, 4, 10, 23],
      'remission',
    ],
  ])('%s', (_label, answers, scores, band) => {
    const result = scoreResponse(FIQR, answers);
    expect(result.scales.map((s) => s.score)).toEqual(scores);
    expect(result.band).toBe(band);
  });

  it.each([
    ['two function items missing', form([5, 5, 5, 5, null, null, 5, 5, 5], [5, 5], SY_60), 'function'],
    ['one overall item missing', form(FN_45, [5, null], SY_60), 'overall'],
    ['one symptom item missing', form(FN_45, [5, 5], [6, 6, 6, 6, 6, 6, 6, 6, 6, null]), 'symptoms'],
  ])('invalid with %s', (_label, answers, failedScale) => {
    const result = scoreResponse(FIQR, answers);
    expect(result).toMatchObject({ valid: false, score: null });
    expect(result.scales.find((s) => s.scaleId === failedScale)?.status).toBe('invalid');
    expect(result.reason).toMatch(/could not be scored/);
  });

  it('takes the higher of two marks on up to two items, refuses the form at three', () => {
    const base = form(FN_45, [5, 5], SY_60);
    const two = { ...base, fn1: [5, 8], fn2: [5, 8] };
    expect(scoreResponse(FIQR, two).score).toBe(57);
    const three = { ...two, fn3: [5, 8] };
    expect(scoreResponse(FIQR, three)).toMatchObject({ valid: false, score: null });
  });
});
