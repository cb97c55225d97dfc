import { describe, expect, it } from 'vitest';
import { mcidThreshold, trendLayout } from './trend-chart-layout.ts';

describe('outcome trend chart', () => {
  it('puts the MCID threshold below the baseline when higher is worse, above when higher is better', () => {
    expect(mcidThreshold(66, 'higher_is_worse', { points: 5, source: 's' })).toBe(61);
    expect(mcidThreshold(40, 'higher_is_better', { points: 9, source: 's' })).toBe(49);
  });

  it('takes the easier of points and percent, as the change rule does', () => {
    expect(mcidThreshold(20, 'higher_is_worse', { points: 10, percent: 30, source: 's' })).toBe(14);
    expect(mcidThreshold(20, 'higher_is_worse', undefined)).toBeNull();
  });

  it('spreads administrations over time and skips unscored ones', () => {
    const layout = trendLayout(
      [
        { date: '2025-03-03', score: 66 },
        { date: '2025-03-17', score: null },
        { date: '2025-03-31', score: 58 },
      ],
      { min: 36, max: 78 },
      61,
    );
    expect(layout.dots).toHaveLength(2);
    const [a, b] = layout.dots;
    expect(a!.x).toBeLessThan(b!.x);
    // Lower score is drawn lower on the chart (larger y).
    expect(b!.y).toBeGreaterThan(a!.y);
    expect(layout.threshold!.y).toBeGreaterThan(a!.y);
    expect(layout.path.startsWith('M')).toBe(true);
  });
});
