import { describe, expect, it } from 'vitest';
import { EMPTY_DAY_OF, parseDayOf } from './day-of-values.ts';
import { describeModification } from './finding-words.ts';

describe('modifications in plain words', () => {
  it('says the pressure ceiling, the position and the techniques to leave out, with where', () => {
    expect(describeModification({ maxPressure: 2 })).toEqual(['Pressure at most 2 of 5']);
    expect(
      describeModification({ excludedPositions: ['supine', 'prone'], preferredPosition: 'side_lying' }),
    ).toEqual(['Side-lying, not supine or prone']);
    expect(
      describeModification({
        excludedTechniqueTags: ['deep_pressure', 'sustained_compression'],
        regions: [{ regionId: 'calf', side: 'left' }],
      }),
    ).toEqual(['No deep pressure or sustained compression on: Calf (left)']);
  });
});

describe('day-of answers', () => {
  it('keeps complete answers and names unfinished ones without blocking the rest', () => {
    const { dayOf, errors } = parseDayOf(
      {
        ...EMPTY_DAY_OF,
        temperature: 38.2,
        medications: [{ name: 'Levothyroxine', medicationClass: '' }],
      },
      '2026-03-01',
    );
    expect(dayOf).toEqual({ temperature: { value: 38.2, unit: 'C' } });
    expect(errors['medications.0']).toMatch(/^Medication 1: Choose the medication class/);
  });

  it('a new medication told by name takes its class from the catalogue', () => {
    const { dayOf, errors } = parseDayOf(
      { ...EMPTY_DAY_OF, medications: [{ name: 'ibuprofen', medicationClass: '' }] },
      '2026-03-01',
    );
    expect(dayOf.newMedications).toEqual([{ name: 'ibuprofen', class: 'nsaid' }]);
    expect(errors).toEqual({});
  });

  it('refuses a temperature no thermometer reads on a person, naming the unit', () => {
    const { dayOf, errors } = parseDayOf({ ...EMPTY_DAY_OF, temperature: 101, unit: 'C' }, '2026-03-01');
    expect(dayOf.temperature).toBeUndefined();
    expect(errors.temperature).toMatch(/unit/);
  });
});
