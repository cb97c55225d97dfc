import type { Direction, Mcid } from '@fascia/domain/outcomes/instrument.types';

export interface TrendPoint {
  date: string;
  score: number | null;
}

export interface TrendLayout {
  width: number;
  height: number;
  dots: { x: number; y: number; date: string; score: number }[];
  path: string;
  /** The score a later administration must reach to count as a meaningful improvement. */
  threshold: { score: number; y: number } | null;
  yTicks: { score: number; y: number }[];
}

const PAD = { left: 36, right: 12, top: 10, bottom: 22 };

/**
 * The score a follow-up must reach to pass the MCID from this baseline, whichever way the scale
 * runs; with both points and percent published, the easier of the two counts (as the change
 * rule does).
 */
export function mcidThreshold(baseline: number, direction: Direction, mcid: Mcid | undefined): number | null {
  if (!mcid) return null;
  const amounts = [
    mcid.points,
    mcid.percent !== undefined && baseline !== 0 ? (Math.abs(baseline) * mcid.percent) / 100 : undefined,
  ].filter((a): a is number => a !== undefined);
  if (amounts.length === 0) return null;
  const amount = Math.min(...amounts);
  return direction === 'higher_is_worse' ? baseline - amount : baseline + amount;
}

/** Points over time on the instrument's full range, so two patients' charts read alike. */
export function trendLayout(
  points: readonly TrendPoint[],
  range: { min: number; max: number },
  threshold: number | null,
  size = { width: 320, height: 140 },
): TrendLayout {
  const scored = points.filter((p): p is TrendPoint & { score: number } => p.score !== null);
  const times = scored.map((p) => Date.parse(`${p.date}T00:00:00Z`));
  const first = Math.min(...times);
  const last = Math.max(...times);
  const innerW = size.width - PAD.left - PAD.right;
  const innerH = size.height - PAD.top - PAD.bottom;
  const x = (t: number) => PAD.left + (last === first ? innerW / 2 : ((t - first) / (last - first)) * innerW);
  const y = (score: number) => {
    const clamped = Math.min(range.max, Math.max(range.min, score));
    return PAD.top + innerH - ((clamped - range.min) / (range.max - range.min || 1)) * innerH;
  };
  const dots = scored.map((p, i) => ({
    x: x(times[i] ?? first),
    y: y(p.score),
    date: p.date,
    score: p.score,
  }));
  const path = dots.map((d, i) => `${i === 0 ? 'M' : 'L'}${d.x.toFixed(1)},${d.y.toFixed(1)}`).join(' ');
  const mid = (range.min + range.max) / 2;
  return {
    ...size,
    dots,
    path,
    threshold: threshold === null ? null : { score: threshold, y: y(threshold) },
    yTicks: [range.min, mid, range.max].map((score) => ({ score, y: y(score) })),
  };
}
