/**
 * Billable units for timed codes. Medicare counts the minutes of all timed services of a visit
 * together (the "8-minute rule", Medicare Claims Processing Manual, Pub. 100-04, ch. 5 §20.2);
 * many commercial payers count each code on its own (the CPT "midpoint" rule). Which one applies
 * is a payer setting, so both are here and the caller chooses.
 */
import { findBillingCode } from './billing-codes.ts';

export type UnitRule = 'cms_total_time' | 'per_code_midpoint';

export interface CodeMinutes {
  code: string;
  minutes: number;
  /** Needed only for a code the catalogue does not know; a known code's own setting wins. */
  timed?: boolean;
}

export interface CodeUnits {
  code: string;
  minutes: number;
  units: number;
  timed: boolean;
  bundled: boolean;
}

export interface UnitAllocation {
  rule: UnitRule;
  totalTimedMinutes: number;
  totalTimedUnits: number;
  /** One line per distinct code, in the order the codes first appear. */
  lines: CodeUnits[];
  /**
   * Groups of codes that had equal leftover minutes when a last unit went to only some of them.
   * CMS lets the therapist choose among them, so the UI offers the choice; the allocation
   * itself is deterministic (more total minutes first, then the order given).
   */
  ties: string[][];
}

const UNIT_MINUTES = 15;
/** A unit is earned once more than half of it (8 of 15 minutes) has been provided. */
const MIDPOINT = 7;

/** Units for a number of timed minutes: 0–7 → 0, 8–22 → 1, 23–37 → 2, 38–52 → 3 … */
export function unitsForMinutes(minutes: number): number {
  assertMinutes(minutes);
  return Math.floor((minutes + MIDPOINT) / UNIT_MINUTES);
}

export function allocateUnits(
  entries: readonly CodeMinutes[],
  rule: UnitRule = 'cms_total_time',
): UnitAllocation {
  const merged = mergeByCode(entries);
  const timed = merged.filter((line) => line.timed);
  const totalTimedMinutes = timed.reduce((sum, line) => sum + line.minutes, 0);

  const ties = rule === 'cms_total_time' ? allocateTotalTime(timed, totalTimedMinutes) : [];
  if (rule === 'per_code_midpoint') {
    for (const line of timed) line.units = unitsForMinutes(line.minutes);
  }
  // Untimed services are billed once per visit whatever their length.
  for (const line of merged) if (!line.timed) line.units = 1;

  return {
    rule,
    totalTimedMinutes,
    totalTimedUnits: timed.reduce((sum, line) => sum + line.units, 0),
    lines: merged,
    ties,
  };
}

/**
 * CMS: the visit's total timed minutes fix the number of units; each code first gets its whole
 * 15-minute blocks, and the units left over go one at a time to the codes with the most minutes
 * left over. At most one extra unit can fall to a code, since leftovers are under 15 minutes.
 */
function allocateTotalTime(timed: CodeUnits[], totalMinutes: number): string[][] {
  let remaining = unitsForMinutes(totalMinutes);
  for (const line of timed) {
    line.units = Math.floor(line.minutes / UNIT_MINUTES);
    remaining -= line.units;
  }
  const leftover = (line: CodeUnits) => line.minutes - line.units * UNIT_MINUTES;
  const candidates = timed
    .map((line, order) => ({ line, order, left: leftover(line) }))
    .filter((candidate) => candidate.left > 0)
    .sort((a, b) => b.left - a.left || b.line.minutes - a.line.minutes || a.order - b.order);

  const awarded = candidates.slice(0, Math.max(remaining, 0));
  for (const { line } of awarded) line.units += 1;

  const last = awarded.at(-1);
  if (last === undefined) return [];
  const tied = candidates.filter((candidate) => candidate.left === last.left);
  const allTiedAwarded = tied.every((candidate) => awarded.includes(candidate));
  return allTiedAwarded ? [] : [tied.map((candidate) => candidate.line.code)];
}

function mergeByCode(entries: readonly CodeMinutes[]): CodeUnits[] {
  const lines = new Map<string, CodeUnits>();
  for (const entry of entries) {
    assertMinutes(entry.minutes);
    const existing = lines.get(entry.code);
    if (existing) {
      existing.minutes += entry.minutes;
      continue;
    }
    const known = findBillingCode(entry.code);
    const timed = known?.timed ?? entry.timed;
    if (timed === undefined) {
      throw new RangeError(`Billing code ${entry.code} is not in the catalogue; say whether it is timed`);
    }
    lines.set(entry.code, {
      code: entry.code,
      minutes: entry.minutes,
      units: 0,
      timed,
      bundled: known?.bundled ?? false,
    });
  }
  return [...lines.values()];
}

function assertMinutes(minutes: number): void {
  if (!Number.isInteger(minutes) || minutes < 0) {
    throw new RangeError(`Minutes must be a whole number of zero or more, got ${minutes}`);
  }
}
