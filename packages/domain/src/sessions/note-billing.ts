/**
 * Minutes per billing code from a note's technique lines, and the units they yield. Shown live on
 * the note while it is written and stored with the signed note for the biller, so the numbers a
 * therapist saw are the numbers billed.
 */
import { DISTINCT_BLOCK_PAIRS } from '../billing/billing-codes.ts';
import {
  allocateUnits,
  type CodeMinutes,
  type UnitAllocation,
  type UnitRule,
} from '../billing/timed-units.ts';
import { findTechnique } from '../plans/techniques.ts';
import type { DraftTechniqueLine } from './session-note.schema.ts';

export interface NoteBilling extends UnitAllocation {
  /** Timed and untimed minutes together; a treatment note states both totals. */
  totalTreatmentMinutes: number;
  /** Lines left out because they have no minutes or no technique yet (a draft in progress). */
  incompleteLines: number[];
  /** Code pairs a payer bundles unless done in distinct time blocks (modifier 59 or XS). */
  distinctBlockWarnings: string[];
}

export function billingCodeForLine(
  line: Pick<DraftTechniqueLine, 'techniqueId' | 'billingCode'>,
): string | undefined {
  if (line.billingCode) return line.billingCode;
  return line.techniqueId === undefined ? undefined : findTechnique(line.techniqueId)?.billingCode;
}

export function noteBilling(
  lines: readonly Pick<DraftTechniqueLine, 'techniqueId' | 'billingCode' | 'minutes'>[],
  rule: UnitRule = 'cms_total_time',
): NoteBilling {
  const entries: CodeMinutes[] = [];
  const incompleteLines: number[] = [];
  lines.forEach((line, index) => {
    const code = billingCodeForLine(line);
    if (code === undefined || line.minutes === undefined) incompleteLines.push(index);
    // A clinic may bill a code we do not list; like every therapy code it is counted in time.
    else entries.push({ code, minutes: line.minutes, timed: true });
  });
  const allocation = allocateUnits(entries, rule);

  const billed = new Set(allocation.lines.filter((line) => line.units > 0).map((line) => line.code));
  const distinctBlockWarnings = DISTINCT_BLOCK_PAIRS.filter(([a, b]) => billed.has(a) && billed.has(b)).map(
    ([a, b]) => `${a} with ${b}: bill both only for distinct 15-minute blocks, with modifier 59 or XS`,
  );
  const totalTreatmentMinutes = allocation.lines.reduce((sum, line) => sum + line.minutes, 0);
  return { ...allocation, totalTreatmentMinutes, incompleteLines, distinctBlockWarnings };
}
