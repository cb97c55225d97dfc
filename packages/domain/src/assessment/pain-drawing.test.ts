// Pain drawing regions come from the shared body-region model (body/regions.ts); intensity is the
// 11-point numeric rating (0–10) of Farrar JT et al. Pain 2001;94:149-158.
import { describe, expect, it } from 'vitest';
import {
  comparePainDrawings,
  markKey,
  painBurden,
  painDrawingSchema,
  painMarkSchema,
} from './pain-drawing.ts';

describe('pain mark schema', () => {
  it.each([
    [
      'a sided mark on a paired region',
      { regionId: 'temple', side: 'left', intensity: 6, qualities: ['aching'] },
      true,
    ],
    ['a midline region without side', { regionId: 'occiput', intensity: 4 }, true],
    ['a paired region without side', { regionId: 'temple', intensity: 6 }, false],
    ['a midline region with a side', { regionId: 'occiput', side: 'left', intensity: 4 }, false],
    ['an unknown region', { regionId: 'elbow_everywhere', side: 'left', intensity: 4 }, false],
    ['intensity 11', { regionId: 'occiput', intensity: 11 }, false],
    ['intensity 2.5', { regionId: 'occiput', intensity: 2.5 }, false],
    ['an unknown quality', { regionId: 'occiput', intensity: 2, qualities: ['itchy'] }, false],
    ['a quality listed twice', { regionId: 'occiput', intensity: 2, qualities: ['sharp', 'sharp'] }, false],
  ])('%s → %s', (_label, input, ok) => {
    expect(painMarkSchema.safeParse(input).success).toBe(ok);
  });

  it('refuses the same region and side marked twice', () => {
    const mark = { regionId: 'temple', side: 'left', intensity: 5 };
    expect(painDrawingSchema.safeParse({ marks: [mark, mark] }).success).toBe(false);
    expect(painDrawingSchema.safeParse({ marks: [mark, { ...mark, side: 'right' }] }).success).toBe(true);
  });

  it('keys marks by region and side', () => {
    expect(markKey({ regionId: 'temple', side: 'left' })).toBe('temple:left');
    expect(markKey({ regionId: 'occiput' })).toBe('occiput:midline');
  });
});

describe('comparing two pain drawings', () => {
  const before = painDrawingSchema.parse({
    marks: [
      { regionId: 'temple', side: 'left', intensity: 7, qualities: ['aching', 'throbbing'] },
      { regionId: 'temple', side: 'right', intensity: 6, qualities: ['aching'] },
      { regionId: 'occiput', intensity: 5 },
      { regionId: 'eye_region', side: 'left', intensity: 4 },
    ],
  });
  const after = painDrawingSchema.parse({
    marks: [
      { regionId: 'temple', side: 'left', intensity: 3, qualities: ['aching'] },
      { regionId: 'temple', side: 'right', intensity: 6, qualities: ['aching'] },
      { regionId: 'occiput', intensity: 2, qualities: ['stiffness'] },
      { regionId: 'upper_trapezius', side: 'left', intensity: 2 },
    ],
  });
  const comparison = comparePainDrawings(before, after);

  it.each([
    ['added', comparison.added.map(markKey), ['upper_trapezius:left']],
    ['resolved', comparison.resolved.map(markKey), ['eye_region:left']],
    [
      'changed',
      comparison.changed.map((c) => [c.key, c.before, c.after, c.delta]),
      [
        ['temple:left', 7, 3, -4],
        ['occiput:midline', 5, 2, -3],
      ],
    ],
    ['unchanged', comparison.unchanged.map(markKey), ['temple:right']],
  ])('%s regions', (_label, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  it('reports quality changes', () => {
    expect(comparison.changed[0]).toMatchObject({ qualitiesResolved: ['throbbing'], qualitiesAdded: [] });
    expect(comparison.changed[1]).toMatchObject({ qualitiesAdded: ['stiffness'] });
  });

  it('totals the burden and the worst pain', () => {
    expect(painBurden(before)).toBe(22);
    expect(comparison.burden).toEqual({ before: 22, after: 13, change: -9, percentChange: -40.9 });
    expect(comparison.maxIntensity).toEqual({ before: 7, after: 6 });
    expect(comparison.regionCount).toEqual({ before: 4, after: 4 });
    expect(comparison.summary).toMatch(
      /^Total pain burden 22 → 13 \(less\); resolved: Around and behind the eye \(left\)/,
    );
  });

  it('has no relative change from a pain-free drawing', () => {
    expect(comparePainDrawings({ marks: [] }, after).burden.percentChange).toBeNull();
  });
});
