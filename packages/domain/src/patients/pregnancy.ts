/**
 * Gestational age from the estimated due date (EDD). Naegele's convention puts the EDD at 280 days
 * (40 weeks 0 days) of gestation, so the age on any date is 280 days minus the days left to the EDD.
 * Trimesters follow the ICD-10-CM chapter 15 definitions: first < 14 weeks 0 days, second 14 weeks
 * 0 days to < 28 weeks 0 days, third from 28 weeks 0 days.
 */
import { daysBetween, type IsoDate, isIsoDate } from './calendar-date.ts';

export const TERM_DAYS = 280;

export type Trimester = 1 | 2 | 3;

export interface GestationalAge {
  /** Days of gestation since the first day of the last menstrual period (may be negative). */
  totalDays: number;
  weeks: number;
  days: number;
  trimester: Trimester;
  /** "24 weeks 3 days", the way a chart says it. */
  label: string;
}

export function trimesterOf(totalDays: number): Trimester {
  if (totalDays < 14 * 7) return 1;
  if (totalDays < 28 * 7) return 2;
  return 3;
}

export function gestationalAge(edd: IsoDate, asOf: IsoDate): GestationalAge {
  const totalDays = TERM_DAYS - daysBetween(asOf, edd);
  const weeks = Math.floor(totalDays / 7);
  const days = totalDays - weeks * 7;
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  return {
    totalDays,
    weeks,
    days,
    trimester: trimesterOf(totalDays),
    label: `${plural(weeks, 'week')} ${plural(days, 'day')}`,
  };
}

export interface EddLimits {
  /** An EDD further ahead than a full term would mean a pregnancy that has not begun. */
  maxDaysAhead: number;
  /** Past this the pregnancy has ended (44 weeks of gestation is well beyond any post-term pregnancy). */
  maxDaysPast: number;
}

export const DEFAULT_EDD_LIMITS: EddLimits = { maxDaysAhead: TERM_DAYS, maxDaysPast: 28 };

/** Why an EDD cannot be right as of a date, or undefined when it is plausible. */
export function eddProblem(
  edd: IsoDate,
  asOf: IsoDate,
  limits: EddLimits = DEFAULT_EDD_LIMITS,
): string | undefined {
  if (!isIsoDate(edd)) return 'Enter the due date as a calendar date (YYYY-MM-DD).';
  const ahead = daysBetween(asOf, edd);
  if (ahead > limits.maxDaysAhead) {
    return `A due date more than ${Math.round(limits.maxDaysAhead / 7)} weeks away is not possible; check the year.`;
  }
  if (-ahead > limits.maxDaysPast) {
    return 'This due date has long passed; record the end of the pregnancy instead.';
  }
  return undefined;
}

/** The pregnancy is current on this date: begun and not beyond the EDD limits. */
export function isOngoingPregnancy(
  edd: IsoDate,
  asOf: IsoDate,
  limits: EddLimits = DEFAULT_EDD_LIMITS,
): boolean {
  return eddProblem(edd, asOf, limits) === undefined;
}
