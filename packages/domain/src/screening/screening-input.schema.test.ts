/**
 * Sources: clinical thermometer range (ISO 80601-2-56 measuring range 34–43 °C, widened here to
 * 30–45 °C to accept any plausible reading); blood pressure as systolic over diastolic mmHg; EDD
 * limits from Naegele's 280-day convention (pregnancy.ts).
 */
import { describe, expect, it } from 'vitest';
import { toCelsius } from './screening-context.ts';
import { screeningInputSchema } from './screening-input.schema.ts';

const base = { asOf: '2026-11-23', history: {} };

const paths = (input: unknown) => {
  const result = screeningInputSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

describe('screeningInputSchema', () => {
  it.each([
    ['no day-of answers', {}, []],
    ['a Celsius fever', { temperature: { value: 38.2, unit: 'C' } }, []],
    ['a Fahrenheit reading', { temperature: { value: 100.4, unit: 'F' } }, []],
    [
      'Fahrenheit typed as Celsius',
      { temperature: { value: 100.4, unit: 'C' } },
      ['dayOf.temperature.value'],
    ],
    ['a blood pressure', { bloodPressure: { systolic: 128, diastolic: 82 } }, []],
    [
      'blood pressure numbers swapped',
      { bloodPressure: { systolic: 80, diastolic: 120 } },
      ['dayOf.bloodPressure.systolic'],
    ],
    ['an unknown symptom', { symptoms: ['sneezing'] }, ['dayOf.symptoms.0']],
    [
      'a new injury without a site',
      { newInjuries: [{ kind: 'bruise', date: '2026-11-22', regions: [] }] },
      ['dayOf.newInjuries.0.regions'],
    ],
    ['a pregnancy update', { pregnancyUpdate: { status: 'pregnant', edd: '2027-03-15' } }, []],
    [
      'a due date 50 weeks away',
      { pregnancyUpdate: { status: 'pregnant', edd: '2027-11-08' } },
      ['dayOf.pregnancyUpdate.edd'],
    ],
    ['no longer pregnant', { pregnancyUpdate: { status: 'not_pregnant' } }, []],
  ])('%s', (_, dayOf, expected) => expect(paths({ ...base, dayOf })).toEqual(expected));

  it('refuses an invalid visit date', () => expect(paths({ ...base, asOf: '2026-11-31' })).toEqual(['asOf']));
});

describe('toCelsius', () => {
  it.each([
    [100.4, 'F', 38],
    [100.3, 'F', 37.94],
    [98.6, 'F', 37],
    [37.9, 'C', 37.9],
  ] as const)('%d °%s → %d °C', (value, unit, celsius) => expect(toCelsius(value, unit)).toBe(celsius));
});
