/**
 * Sources: Naegele's rule as used in obstetric dating (EDD = 280 days of gestation; ACOG Committee
 * Opinion No. 700, "Methods for Estimating the Due Date", 2017); trimester boundaries from the
 * ICD-10-CM FY2026 Tabular List, chapter 15 (first < 14 weeks 0 days; second 14 weeks 0 days to
 * < 28 weeks 0 days; third from 28 weeks 0 days).
 */
import { describe, expect, it } from 'vitest';
import { eddProblem, gestationalAge, isOngoingPregnancy, trimesterOf } from './pregnancy.ts';

describe('gestationalAge', () => {
  it.each([
    // EDD, as of, weeks, days, trimester
    ['2026-03-01', '2026-03-01', 40, 0, 3],
    ['2026-03-01', '2026-02-28', 39, 6, 3],
    ['2027-02-15', '2026-11-23', 28, 0, 3],
    ['2027-02-16', '2026-11-23', 27, 6, 2],
    ['2027-05-11', '2026-11-23', 15, 6, 2],
    ['2027-05-25', '2026-11-23', 13, 6, 1],
    ['2027-05-24', '2026-11-23', 14, 0, 2],
    ['2027-03-12', '2026-11-23', 24, 3, 2],
    ['2026-03-15', '2026-03-01', 38, 0, 3],
  ])('EDD %s as of %s → %i weeks %i days, trimester %i', (edd, asOf, weeks, days, trimester) => {
    const age = gestationalAge(edd, asOf);
    expect([age.weeks, age.days, age.trimester]).toEqual([weeks, days, trimester]);
    expect(age.totalDays).toBe(weeks * 7 + days);
  });

  it('labels the age the way a chart says it', () => {
    expect(gestationalAge('2027-03-12', '2026-11-23').label).toBe('24 weeks 3 days');
    expect(gestationalAge('2027-03-08', '2026-11-23').label).toBe('25 weeks 0 days');
    expect(gestationalAge('2027-08-21', '2026-11-22').label).toBe('1 week 1 day');
  });

  it.each([
    [97, 1],
    [98, 2],
    [195, 2],
    [196, 3],
  ])('day %i of gestation is trimester %i', (days, trimester) => expect(trimesterOf(days)).toBe(trimester));
});

describe('eddProblem', () => {
  it.each([
    ['2027-03-12', '2026-11-23', false],
    ['2027-08-30', '2026-11-23', false], // exactly 280 days ahead
    ['2027-08-31', '2026-11-23', true], // 281 days ahead
    ['2027-11-08', '2026-11-23', true], // 50 weeks away
    ['2026-10-26', '2026-11-23', false], // 28 days past: 44 weeks of gestation
    ['2026-10-25', '2026-11-23', true],
    ['2026-02-30', '2026-11-23', true],
  ])('EDD %s as of %s refused: %s', (edd, asOf, refused) => {
    expect(eddProblem(edd, asOf) !== undefined).toBe(refused);
    expect(isOngoingPregnancy(edd, asOf)).toBe(!refused);
  });
});
