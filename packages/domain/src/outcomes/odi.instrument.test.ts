// Source: Fairbank JCT, Pynsent PB. The Oswestry Disability Index. Spine 2000;25(22):2940-2953 —
// worked examples "16 (total scored) / 50 × 100 = 32 %" and, with one section missed,
// "16 / 45 × 100 = 35.5 %" (the source truncates 35.56); bands 0–20, 21–40, 41–60, 61–80, 81–100.
import { describe, expect, it } from 'vitest';
import { answersAll, answersInOrder } from './answers.fixtures.ts';
import { ODI } from './odi.instrument.ts';
import { scoreResponse } from './score.ts';

describe('ODI scoring (Fairbank & Pynsent 2000)', () => {
  it.each([
    [
      'worked example, all ten sections: 16/50 = 32 %',
      [2, 2, 2, 2, 2, 2, 1, 1, 1, 1],
      32,
      'moderate disability',
    ],
    [
      'worked example, one section missed: 16/45 = 35.6 %',
      [2, 2, 2, 2, 2, 2, 1, null, 2, 1],
      35.6,
      'moderate disability',
    ],
    ['minimum: all first statements', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0, 'minimal disability'],
    [
      'maximum: all last statements',
      [5, 5, 5, 5, 5, 5, 5, 5, 5, 5],
      100,
      'bed-bound, or symptoms exaggerated',
    ],
    ['20 % is still minimal', [1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 20, 'minimal disability'],
    ['60 % is severe', [3, 3, 3, 3, 3, 3, 3, 3, 3, 3], 60, 'severe disability'],
    ['62 % is the crippling band', [3, 3, 3, 3, 3, 3, 3, 3, 3, 4], 62, 'crippling back pain'],
  ])('%s', (_label, values, score, band) => {
    const result = scoreResponse(ODI, answersInOrder(ODI, values));
    expect(result.valid).toBe(true);
    expect(result.score).toBeCloseTo(score, 1);
    expect(result.band).toBe(band);
  });

  it('marks a one-section-missing score as prorated and names the section', () => {
    const result = scoreResponse(ODI, answersInOrder(ODI, [2, 2, 2, 2, 2, 2, 1, null, 2, 1]));
    expect(result.missingItems).toEqual(['odi8']);
    expect(result.scales[0]).toMatchObject({ status: 'valid', prorated: true, answered: 9 });
  });

  it('refuses the index with two sections missing, and reports null rather than 0', () => {
    const result = scoreResponse(ODI, answersInOrder(ODI, [2, 2, 2, 2, 2, 2, 1, null, null, 1]));
    expect(result.valid).toBe(false);
    expect(result.score).toBeNull();
    expect(result.reason).toMatch(/2 of 10 items unanswered/);
    expect(result.missingItems).toEqual(['odi8', 'odi9']);
  });

  it('takes the higher statement when two are marked in one section', () => {
    const answers = { ...answersAll(ODI, 1), odi1: [2, 4] };
    expect(scoreResponse(ODI, answers).score).toBe(26);
  });

  it('refuses a value outside the six statements', () => {
    const result = scoreResponse(ODI, { ...answersAll(ODI, 1), odi3: 6 });
    expect(result.valid).toBe(false);
    expect(result.reason).toMatch(/odi3: 6 is not an allowed answer/);
  });
});
