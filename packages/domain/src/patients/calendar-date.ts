/**
 * Calendar dates (YYYY-MM-DD) without a time zone. Clinical day counts (days since surgery,
 * gestational age, referral validity) are counted in whole calendar days, so dates are handled as
 * UTC midnights and never read from a clock: callers pass the date they mean ("as of").
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a valid ISO date, or undefined for anything else (e.g. 2025-02-30). */
export function toEpochDay(date: IsoDate): number | undefined {
  const match = ISO_DATE.exec(date);
  if (!match) return undefined;
  const [, y, m, d] = match;
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
  const back = new Date(ms);
  if (
    back.getUTCFullYear() !== Number(y) ||
    back.getUTCMonth() !== Number(m) - 1 ||
    back.getUTCDate() !== Number(d)
  ) {
    return undefined;
  }
  return ms / DAY_MS;
}

export function isIsoDate(value: string): boolean {
  return toEpochDay(value) !== undefined;
}

function epochDayOrThrow(date: IsoDate): number {
  const day = toEpochDay(date);
  if (day === undefined) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  return day;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return epochDayOrThrow(to) - epochDayOrThrow(from);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date((epochDayOrThrow(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** The calendar date part of an ISO timestamp or date, so a recordedAt can be compared with a date. */
export function datePart(value: string): IsoDate {
  return value.slice(0, 10);
}
