/** Source: ISO 8601 calendar dates (YYYY-MM-DD) and the proleptic Gregorian leap-year rule. */
import { describe, expect, it } from 'vitest';
import { addDays, datePart, daysBetween, isIsoDate } from './calendar-date.ts';

describe('calendar dates', () => {
  it.each([
    ['2026-11-23', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['23/11/2026', false],
  ])('%s is a date: %s', (value, ok) => expect(isIsoDate(value)).toBe(ok));

  it.each([
    ['2026-11-02', '2026-11-23', 21],
    ['2026-11-23', '2026-11-02', -21],
    ['2024-02-28', '2024-03-01', 2],
    ['2026-03-28', '2026-03-30', 2],
  ])('%s → %s is %i days', (from, to, days) => expect(daysBetween(from, to)).toBe(days));

  it('adds days across months and years', () => {
    expect(addDays('2026-12-25', 10)).toBe('2027-01-04');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('refuses a non-date rather than guessing', () =>
    expect(() => daysBetween('2026-02-30', '2026-03-01')).toThrow(RangeError));

  it('takes the date part of a timestamp', () => expect(datePart('2026-11-23T09:15:00Z')).toBe('2026-11-23'));
});
