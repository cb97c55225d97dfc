import type { Side } from '@fascia/domain/body/regions';
import { findRegion } from '@fascia/domain/body/regions';
import type { RegionTarget } from '@fascia/domain/screening/types';

/**
 * A set of treated regions as the plan stores it: a paired region either once without a side
 * (both sides) or once per side; never both forms at the same time.
 */

const same = (a: RegionTarget, b: RegionTarget) => a.regionId === b.regionId && a.side === b.side;

/** Adds a region; left and right together become "both sides", and both sides absorbs a side. */
export function addRegion(current: readonly RegionTarget[], target: RegionTarget): RegionTarget[] {
  const lateral = findRegion(target.regionId)?.lateral ?? false;
  const t: RegionTarget = lateral && target.side ? target : { regionId: target.regionId };
  const others = current.filter((r) => r.regionId !== t.regionId);
  const existing = current.filter((r) => r.regionId === t.regionId);
  if (!t.side || existing.some((r) => !r.side)) return [...others, { regionId: t.regionId }];
  const sides = new Set<Side>([...existing.flatMap((r) => (r.side ? [r.side] : [])), t.side]);
  if (sides.size === 2) return [...others, { regionId: t.regionId }];
  return existing.some((r) => same(r, t)) ? [...current] : [...current, t];
}

/** Removes one side of a region; removing one side of "both sides" leaves the other side. */
export function removeRegion(current: readonly RegionTarget[], target: RegionTarget): RegionTarget[] {
  if (!target.side) return current.filter((r) => r.regionId !== target.regionId);
  if (current.some((r) => r.regionId === target.regionId && !r.side)) {
    const other: Side = target.side === 'left' ? 'right' : 'left';
    return current.map((r) => (r.regionId === target.regionId && !r.side ? { ...r, side: other } : r));
  }
  return current.filter((r) => !same(r, target));
}

/** Whether a tapped shape (a region, on one side where paired) is among the chosen regions. */
export function coversRegion(current: readonly RegionTarget[], target: RegionTarget): boolean {
  return current.some(
    (r) => r.regionId === target.regionId && (!r.side || !target.side || r.side === target.side),
  );
}

/** A tap on the body chart toggles the shape tapped. */
export function toggleRegion(current: readonly RegionTarget[], target: RegionTarget): RegionTarget[] {
  return coversRegion(current, target) ? removeRegion(current, target) : addRegion(current, target);
}

export function regionTargetWords(r: RegionTarget): string {
  const label = findRegion(r.regionId)?.label ?? r.regionId;
  if (r.side) return `${label} (${r.side})`;
  return findRegion(r.regionId)?.lateral ? `${label} (both sides)` : label;
}
