// The assessment issue's worked case, end to end in the domain: HIT-6 (MCID 5, HIT-6 Scoring
// Interpretation, QualityMetric), NDI (MCID 7.5, Young BA et al. Spine J 2009;9:802-808), PGIC
// (Farrar JT et al. Pain 2001), cervical rotation against the AAOS normal of 60°, and the
// trigger-point ranking from Travell & Simons' referral patterns.
import { describe, expect, it } from 'vitest';
import { FOUR_WEEK_REEVALUATION, INITIAL_HEADACHE_ASSESSMENT } from './assessment.fixtures.ts';
import { assessmentSchema } from './assessment.schema.ts';
import { compareAssessments } from './assessment-compare.ts';
import { percentOfNormal } from './rom.ts';
import { positiveFindings } from './special-tests.ts';
import { rankMusclesForPainDrawing } from './trigger-points.ts';

const initial = assessmentSchema.parse(INITIAL_HEADACHE_ASSESSMENT);
const later = assessmentSchema.parse(FOUR_WEEK_REEVALUATION);

describe('tension-type headache: initial assessment', () => {
  it('ranks upper trapezius, suboccipitals, SCM and temporalis as the muscles to palpate first', () => {
    const top = rankMusclesForPainDrawing(initial.painDrawing.marks, { limit: 4 }).map((r) => r.muscleId);
    expect(top.sort()).toEqual(['scm_sternal', 'suboccipitals', 'temporalis', 'upper_trapezius']);
  });

  it('reads cervical rotation 50° left as 83 % of normal, limited', () => {
    expect(percentOfNormal(initial.rom[0] ?? initial.rom[1]!)).toMatchObject({ percent: 83, limited: true });
  });

  it('reports the positive Spurling on the right', () => {
    expect(positiveFindings(initial.specialTests).map((f) => f.text)).toEqual([
      'Positive Spurling test on the right: suggests cervical radiculopathy (nerve root compression at the foramen).',
    ]);
  });
});

describe('tension-type headache: four weeks later', () => {
  const comparison = compareAssessments(initial, later);

  it('counts the days between the visits', () => {
    expect(comparison.days).toBe(28);
  });

  it.each([
    ['hit6', 66, 58, 'improved_beyond_mcid'],
    ['ndi', 24, 13, 'improved_beyond_mcid'],
    ['pgic', null, 2, 'improved_beyond_mcid'],
  ])('%s: %s → %s, %s', (instrumentId, before, after, outcome) => {
    const change = comparison.outcomes.find((o) => o.instrumentId === instrumentId)?.primary;
    expect(change).toMatchObject({ before, after, outcome });
  });

  it('shows the bands moving', () => {
    const hit = comparison.outcomes.find((o) => o.instrumentId === 'hit6')?.primary;
    expect([hit?.bandBefore, hit?.bandAfter]).toEqual(['severe impact', 'substantial impact']);
  });

  it('lists the instrument given only at the re-evaluation as self-rated, not missing', () => {
    expect(comparison.outcomesNotRepeated).toEqual([]);
  });

  it('shows pain resolved behind the eyes and lower burden', () => {
    expect(comparison.pain.resolved.map((m) => `${m.regionId}:${m.side}`)).toEqual([
      'temple:right',
      'eye_region:left',
      'eye_region:right',
    ]);
    expect(comparison.pain.burden).toMatchObject({ before: 28, after: 5 });
  });

  it('shows range of motion against normal', () => {
    expect(comparison.rom.map((r) => r.summary)).toEqual([
      'cervical rotation left (active): 50° → 58°, 83 % → 97 % of normal (AAOS).',
      'cervical rotation right (active): 58° → 60°, 97 % → 100 % of normal (AAOS).',
    ]);
  });

  it('names an instrument given only at the baseline', () => {
    const withoutNdi = { ...later, outcomes: later.outcomes.filter((o) => o.instrumentId !== 'ndi') };
    expect(compareAssessments(initial, withoutNdi).outcomesNotRepeated).toEqual(['ndi']);
  });
});
