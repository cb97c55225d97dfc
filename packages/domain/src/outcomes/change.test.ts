// Sources for the MCIDs used below: NDI 7.5 points (Young BA et al. Spine J 2009;9:802-808);
// ODI 10 points or 30 % and RMDQ 5 points or 30 % (Ostelo RWJG et al. Spine 2008;33:90-94);
// LEFS 9 points (Binkley JM et al. Phys Ther 1999;79:371-383); HIT-6 5 points (HIT-6 Scoring
// Interpretation, QualityMetric); FIQ 14 % (Bennett RM et al. J Rheumatol 2009;36:1304-1311);
// NPRS 2 points or 30 % (Farrar JT et al. Pain 2001;94:149-158).
import { describe, expect, it } from 'vitest';
import { answersAll, answersInOrder } from './answers.fixtures.ts';
import { changeFromBaseline, compareScores, compareValues } from './change.ts';
import { FIQR } from './fiqr.instrument.ts';
import { HIT6 } from './hit6.instrument.ts';
import type { Instrument } from './instrument.types.ts';
import { LEFS } from './lefs.instrument.ts';
import { NDI } from './ndi.instrument.ts';
import { NPRS } from './nprs.instrument.ts';
import { ODI } from './odi.instrument.ts';
import { scoreResponse } from './score.ts';

const primary = (instrument: Instrument) => {
  const scale = instrument.scoring.scales.find((s) => s.id === instrument.scoring.primaryScale);
  if (!scale) throw new Error('no primary scale');
  return scale;
};

describe('change against the MCID, direction-aware', () => {
  it.each([
    ['NDI 24 → 14: 10 points better ≥ 7.5', NDI, 24, 14, 'improved_beyond_mcid'],
    ['NDI 24 → 16.5: exactly 7.5 better reaches the MCID', NDI, 24, 16.5, 'improved_beyond_mcid'],
    ['NDI 24 → 18: 6 points better < 7.5', NDI, 24, 18, 'changed_less_than_mcid'],
    ['NDI 14 → 24: 10 points worse', NDI, 14, 24, 'worsened_beyond_mcid'],
    ['ODI 40 → 32: 8 points and 20 %, neither reached', ODI, 40, 32, 'changed_less_than_mcid'],
    ['ODI 20 → 13: 7 points but 35 % of baseline', ODI, 20, 13, 'improved_beyond_mcid'],
    ['ODI 50 → 40: 10 points', ODI, 50, 40, 'improved_beyond_mcid'],
    ['LEFS 40 → 50: higher is better, 10 ≥ 9', LEFS, 40, 50, 'improved_beyond_mcid'],
    ['LEFS 50 → 40: 10 points worse', LEFS, 50, 40, 'worsened_beyond_mcid'],
    ['LEFS 40 → 47: 7 points better < 9', LEFS, 40, 47, 'changed_less_than_mcid'],
    ['HIT-6 66 → 60: 6 ≥ 5', HIT6, 66, 60, 'improved_beyond_mcid'],
    ['HIT-6 60 → 63: 3 worse < 5', HIT6, 60, 63, 'changed_less_than_mcid'],
    ['FIQR 50 → 42: 16 % ≥ 14 %', FIQR, 50, 42, 'improved_beyond_mcid'],
    ['FIQR 50 → 45: 10 % < 14 %', FIQR, 50, 45, 'changed_less_than_mcid'],
    ['NPRS 3 → 2: 1 point but 33 %', NPRS, 3, 2, 'improved_beyond_mcid'],
    ['NPRS 7 → 6: 1 point and 14 %', NPRS, 7, 6, 'changed_less_than_mcid'],
    ['NPRS 0 → 1: no relative change from 0; 1 point < 2', NPRS, 0, 1, 'changed_less_than_mcid'],
  ])('%s', (_label, instrument, before, after, outcome) => {
    expect(compareValues(primary(instrument), before, after).outcome).toBe(outcome);
  });

  it('states the change in words a physician can check', () => {
    const change = compareValues(primary(NDI), 24, 14);
    expect(change).toMatchObject({ change: -10, improvement: 10 });
    expect(change.summary).toBe(
      'Neck Disability Index: 24.0 points → 14.0 points, 10.0 better (MCID 7.5 points): improved beyond the MCID.',
    );
  });

  it('carries the bands of both administrations', () => {
    const before = scoreResponse(NDI, answersAll(NDI, 3));
    const after = scoreResponse(NDI, answersAll(NDI, 1));
    expect(compareScores(NDI, before, after).primary).toMatchObject({
      bandBefore: 'severe disability',
      bandAfter: 'mild disability',
      outcome: 'improved_beyond_mcid',
    });
  });

  it('does not compare a form that could not be scored', () => {
    const before = scoreResponse(NDI, answersAll(NDI, 3));
    const after = scoreResponse(NDI, answersInOrder(NDI, [1, 1, null, null, 1, 1, 1, 1, 1, 1]));
    const { primary: change } = compareScores(NDI, before, after);
    expect(change).toMatchObject({ outcome: 'not_comparable', change: null, after: null });
    expect(change.summary).toMatch(/later: 2 of 10 items unanswered/);
  });

  it('refuses to compare scores of another instrument', () => {
    const ndi = scoreResponse(NDI, answersAll(NDI, 1));
    expect(() => compareScores(ODI, ndi, ndi)).toThrow();
  });
});

describe('series of administrations', () => {
  it('compares each later administration with the first scorable one, in date order', () => {
    const unscorable = scoreResponse(HIT6, answersInOrder(HIT6, [13, 13, null, 13, 13, 13]));
    const series = changeFromBaseline(HIT6, [
      { administeredOn: '2025-03-29', result: scoreResponse(HIT6, answersAll(HIT6, 10)) },
      { administeredOn: '2025-03-01', result: unscorable },
      { administeredOn: '2025-03-02', result: scoreResponse(HIT6, answersAll(HIT6, 11)) },
      {
        administeredOn: '2025-03-15',
        result: scoreResponse(HIT6, answersInOrder(HIT6, [11, 11, 11, 11, 11, 10])),
      },
    ]);
    expect(series.baseline?.administeredOn).toBe('2025-03-02');
    expect(
      series.points.map((p) => [p.administeredOn, p.score, p.fromBaseline?.primary.outcome ?? null]),
    ).toEqual([
      ['2025-03-01', null, null],
      ['2025-03-02', 66, null],
      ['2025-03-15', 65, 'changed_less_than_mcid'],
      ['2025-03-29', 60, 'improved_beyond_mcid'],
    ]);
    expect(series.latest?.primary.improvement).toBe(6);
  });

  it('has no baseline when nothing could be scored', () => {
    const series = changeFromBaseline(NDI, [
      { administeredOn: '2025-01-01', result: scoreResponse(NDI, {}) },
    ]);
    expect(series).toMatchObject({ baseline: null, latest: null });
  });
});
