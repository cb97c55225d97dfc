// Source: Roland M, Morris R. Spine 1983;8:141-144; Roland M, Fairbank J. Spine 2000;25:3115-3124
// — the score is the number of statements ticked (0–24); a statement not ticked scores 0.
import { describe, expect, it } from 'vitest';
import { answersAll, answersInOrder } from './answers.fixtures.ts';
import { RMDQ } from './rmdq.instrument.ts';
import { scoreResponse } from './score.ts';

describe('RMDQ scoring (Roland & Morris 1983)', () => {
  it.each([
    ['minimum: nothing ticked → 0', {}, 0],
    ['maximum: all 24 ticked → 24', answersAll(RMDQ, 1), 24],
    ['seven ticked, the rest not answered → 7', answersInOrder(RMDQ, [1, 1, 0, 1, 1, null, 1, 0, 1, 1]), 7],
    [
      'twelve ticked of a fully answered form → 12',
      answersInOrder(
        RMDQ,
        Array.from({ length: 24 }, (_, i) => i % 2),
      ),
      12,
    ],
  ])('%s', (_label, answers, score) => {
    expect(scoreResponse(RMDQ, answers)).toMatchObject({ valid: true, score });
  });

  it('reports unticked statements as unanswered without refusing the score', () => {
    const result = scoreResponse(RMDQ, answersInOrder(RMDQ, [1, 1]));
    expect(result.valid).toBe(true);
    expect(result.missingItems).toHaveLength(22);
  });

  it('refuses a value other than yes (1) or no (0)', () => {
    expect(scoreResponse(RMDQ, { rmdq1: 2 }).valid).toBe(false);
  });
});
