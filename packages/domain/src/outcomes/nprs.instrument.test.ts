// Source: 11-point NPRS, Farrar JT et al. Pain 2001;94:149-158 (MCID 2 points or 30 %); severity
// cut-points from Serlin RC et al. Pain 1995;61:277-284 (1–4 mild, 5–6 moderate, 7–10 severe).
import { describe, expect, it } from 'vitest';
import { NPRS } from './nprs.instrument.ts';
import { scoreResponse } from './score.ts';

describe('NPRS scoring', () => {
  it.each([
    [0, 'no pain'],
    [1, 'mild pain'],
    [4, 'mild pain'],
    [5, 'moderate pain'],
    [6, 'moderate pain'],
    [7, 'severe pain'],
    [10, 'severe pain'],
  ])('a rating of %i reads as %s', (pain, band) => {
    expect(scoreResponse(NPRS, { pain })).toMatchObject({ valid: true, score: pain, band });
  });

  it.each([
    ['unanswered', {}],
    ['above the scale', { pain: 11 }],
    ['not a whole number', { pain: 4.5 }],
  ])('refuses a rating that is %s', (_label, answers) => {
    expect(scoreResponse(NPRS, answers)).toMatchObject({ valid: false, score: null });
  });
});
