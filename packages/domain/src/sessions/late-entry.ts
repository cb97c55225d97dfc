/**
 * Late entry: a note signed long after the visit is still valid, but the record must say so, as
 * memory fades and payers and auditors weigh a late note differently. The threshold is a clinic
 * setting; 24 hours is the default.
 */
export const DEFAULT_LATE_ENTRY_HOURS = 24;

export interface LateEntry {
  late: boolean;
  /** Whole and fractional hours from the end of the visit to the signature. */
  hoursAfterVisit: number;
  thresholdHours: number;
}

const HOUR_MS = 3_600_000;

function toTime(value: Date | string, name: string): number {
  const time = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(time)) throw new RangeError(`${name} is not a valid date and time`);
  return time;
}

/** Late when signed more than `thresholdHours` after the visit ended (exactly at the limit is on time). */
export function lateEntry(
  visitEndedAt: Date | string,
  signedAt: Date | string,
  thresholdHours: number = DEFAULT_LATE_ENTRY_HOURS,
): LateEntry {
  if (!(thresholdHours > 0))
    throw new RangeError('The late-entry threshold must be a positive number of hours');
  const hoursAfterVisit = (toTime(signedAt, 'signedAt') - toTime(visitEndedAt, 'visitEndedAt')) / HOUR_MS;
  return { late: hoursAfterVisit > thresholdHours, hoursAfterVisit, thresholdHours };
}
