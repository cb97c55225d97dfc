import { describe, expect, it } from 'vitest';
import { allocateUnits, type CodeMinutes, unitsForMinutes } from './timed-units.ts';

// Source: CMS, Medicare Claims Processing Manual (Pub. 100-04), chapter 5, §20.2 "Reporting of
// Service Units With HCPCS", part C "Counting Minutes for Timed Codes in 15 Minute Units": the
// unit table and the worked examples given there. 97116 and 97035 appear in CMS's examples but
// are not in our catalogue, so those rows say they are timed.

const unitsByCode = (entries: CodeMinutes[]) =>
  Object.fromEntries(allocateUnits(entries).lines.map((line) => [line.code, line.units]));

describe('units for total timed minutes (CMS unit table)', () => {
  it.each([
    [0, 0],
    [7, 0],
    [8, 1],
    [22, 1],
    [23, 2],
    [37, 2],
    [38, 3],
    [52, 3],
    [53, 4],
    [67, 4],
    [68, 5],
    [82, 5],
    [83, 6],
    [97, 6],
    [98, 7],
    [112, 7],
    [113, 8],
    [127, 8],
    [128, 9],
  ])('%i minutes → %i units', (minutes, units) => {
    expect(unitsForMinutes(minutes)).toBe(units);
  });

  it.each([[-1], [7.5], [Number.NaN]])('refuses %s minutes', (minutes) => {
    expect(() => unitsForMinutes(minutes)).toThrow(RangeError);
  });
});

describe('allocating units to codes under the total-time rule (CMS examples)', () => {
  it.each<[string, CodeMinutes[], Record<string, number>, number]>([
    [
      '24 min neuromuscular re-education + 23 min exercise: the longer service takes 2 of 3 units',
      [
        { code: '97112', minutes: 24 },
        { code: '97110', minutes: 23 },
      ],
      { '97112': 2, '97110': 1 },
      3,
    ],
    [
      '33 min exercise + 7 min manual therapy: 2 + 1, the 7 minutes beat the 3 left over',
      [
        { code: '97110', minutes: 33 },
        { code: '97140', minutes: 7 },
      ],
      { '97110': 2, '97140': 1 },
      3,
    ],
    [
      '18 exercise + 13 manual + 10 gait + 8 ultrasound (49 min): one unit each to the three largest',
      [
        { code: '97110', minutes: 18 },
        { code: '97140', minutes: 13 },
        { code: '97116', minutes: 10, timed: true },
        { code: '97035', minutes: 8, timed: true },
      ],
      { '97110': 1, '97140': 1, '97116': 1, '97035': 0 },
      3,
    ],
    [
      '7 + 7 + 7 min of three services (21 min): one unit in all',
      [
        { code: '97112', minutes: 7 },
        { code: '97110', minutes: 7 },
        { code: '97140', minutes: 7 },
      ],
      { '97112': 1, '97110': 0, '97140': 0 },
      1,
    ],
    ['a single service under 8 minutes is not billed', [{ code: '97124', minutes: 7 }], { '97124': 0 }, 0],
    [
      'issue 5: 25 min manual therapy + 13 min massage → 2 × 97140 + 1 × 97124',
      [
        { code: '97140', minutes: 25 },
        { code: '97124', minutes: 13 },
      ],
      { '97140': 2, '97124': 1 },
      3,
    ],
    [
      'a service of 15 minutes or more keeps at least one unit',
      [
        { code: '97140', minutes: 15 },
        { code: '97124', minutes: 14 },
      ],
      { '97140': 1, '97124': 1 },
      2,
    ],
    [
      'minutes of the same code on two lines are added together',
      [
        { code: '97140', minutes: 10 },
        { code: '97124', minutes: 5 },
        { code: '97140', minutes: 10 },
      ],
      { '97140': 2, '97124': 0 },
      2,
    ],
  ])('%s', (_label, entries, expected, total) => {
    const allocation = allocateUnits(entries);
    expect(unitsByCode(entries)).toEqual(expected);
    expect(allocation.totalTimedUnits).toBe(total);
    expect(allocation.totalTimedUnits).toBe(unitsForMinutes(allocation.totalTimedMinutes));
  });

  it('reports a tie when equal leftovers compete for the last unit (CMS: either may be billed)', () => {
    const allocation = allocateUnits([
      { code: '97112', minutes: 20 },
      { code: '97110', minutes: 20 },
    ]);
    expect(allocation.totalTimedUnits).toBe(3);
    expect(allocation.ties).toEqual([['97112', '97110']]);
  });

  it('reports no tie when every code with equal leftovers got its unit', () => {
    expect(allocateUnits([{ code: '97140', minutes: 25 }]).ties).toEqual([]);
  });

  it('33 min exercise + 7 manual + 7 ultrasound: 2 + 1, the last unit tied between the 7-minute codes', () => {
    const allocation = allocateUnits([
      { code: '97110', minutes: 33 },
      { code: '97140', minutes: 7 },
      { code: '97035', minutes: 7, timed: true },
    ]);
    expect(allocation.totalTimedUnits).toBe(3);
    expect(allocation.ties).toEqual([['97140', '97035']]);
  });
});

describe('untimed codes and the per-code payer rule', () => {
  it('bills an untimed code once, outside the timed total, and marks it bundled', () => {
    const allocation = allocateUnits([
      { code: '97010', minutes: 10 },
      { code: '97140', minutes: 20 },
    ]);
    expect(allocation.totalTimedMinutes).toBe(20);
    expect(allocation.lines).toContainEqual({
      code: '97010',
      minutes: 10,
      units: 1,
      timed: false,
      bundled: true,
    });
  });

  it.each<[string, CodeMinutes[], Record<string, number>]>([
    [
      'each code under 8 minutes earns nothing on its own',
      [
        { code: '97140', minutes: 7 },
        { code: '97124', minutes: 7 },
      ],
      { '97140': 0, '97124': 0 },
    ],
    [
      '25 + 13 is still 2 + 1',
      [
        { code: '97140', minutes: 25 },
        { code: '97124', minutes: 13 },
      ],
      { '97140': 2, '97124': 1 },
    ],
    [
      '8 + 8 earns a unit each (total time would give 1)',
      [
        { code: '97140', minutes: 8 },
        { code: '97124', minutes: 8 },
      ],
      { '97140': 1, '97124': 1 },
    ],
  ])('midpoint rule: %s', (_label, entries, expected) => {
    const lines = allocateUnits(entries, 'per_code_midpoint').lines;
    expect(Object.fromEntries(lines.map((line) => [line.code, line.units]))).toEqual(expected);
  });

  it('asks whether an unknown code is timed', () => {
    expect(() => allocateUnits([{ code: '99999', minutes: 10 }])).toThrow(/not in the catalogue/);
  });
});
