/**
 * Builders for screening inputs in tests and examples: dated, attributed history items with the
 * defaults a test does not care about, so that each test row shows only what matters to its rule.
 */
import { addDays, type IsoDate } from '../patients/calendar-date.ts';
import type { HealthHistory } from '../patients/health-history.schema.ts';
import { TERM_DAYS } from '../patients/pregnancy.ts';
import type { Precaution } from '../referrals/referral.schema.ts';
import type { DayOfAnswers, ScreeningInput } from './screening-input.schema.ts';

export const AS_OF: IsoDate = '2026-11-23';
export const daysAgo = (days: number): IsoDate => addDays(AS_OF, -days);

const recorded = { recordedAt: `${AS_OF}T08:00:00Z`, recordedBy: 'therapist-1' };

type Item<K extends keyof HealthHistory> = NonNullable<HealthHistory[K]> extends (infer T)[] ? T : never;
type Extra<T> = Partial<Omit<T, 'recordedAt' | 'recordedBy'>>;

export const condition = (code: string, extra: Extra<Item<'conditions'>> = {}): Item<'conditions'> => ({
  ...recorded,
  code,
  status: 'active',
  ...extra,
});

export const medication = (
  name: string,
  cls: Item<'medications'>['class'],
  extra: Extra<Item<'medications'>> = {},
) => ({
  ...recorded,
  name,
  class: cls,
  ...extra,
});

export const allergy = (
  substance: string,
  category: Item<'allergies'>['category'],
  extra: Extra<Item<'allergies'>> = {},
): Item<'allergies'> => ({
  ...recorded,
  substance,
  category,
  severity: 'moderate',
  ...extra,
});

export const surgery = (
  days: number,
  regionId: string,
  extra: Extra<Item<'surgeries'>> = {},
): Item<'surgeries'> => ({
  ...recorded,
  date: daysAgo(days),
  description: 'Surgery',
  regions: [{ regionId }],
  ...extra,
});

export const injury = (
  kind: Item<'injuries'>['kind'],
  days: number,
  extra: Extra<Item<'injuries'>> = {},
): Item<'injuries'> => ({
  ...recorded,
  kind,
  date: daysAgo(days),
  regions: [{ regionId: 'wrist', side: 'right' }],
  ...extra,
});

/** A pregnancy that is `weeks` + `days` along on AS_OF. */
export const pregnantFor = (
  weeks: number,
  days = 0,
  highRisk = false,
): NonNullable<HealthHistory['pregnancy']> => ({
  ...recorded,
  edd: addDays(AS_OF, TERM_DAYS - (weeks * 7 + days)),
  highRisk,
});

export const platelets = (perMicroliter: number, days = 3): Item<'labs'> => ({
  ...recorded,
  test: 'platelets',
  perMicroliter,
  takenOn: daysAgo(days),
});

export const radiation = (endedDaysAgo: number | undefined): Item<'radiation'> => ({
  ...recorded,
  regions: [{ regionId: 'breast', side: 'left' }],
  startedOn: daysAgo(120),
  ...(endedDaysAgo === undefined ? {} : { endedOn: daysAgo(endedDaysAgo) }),
});

export function screeningInput(
  history: HealthHistory = {},
  dayOf: DayOfAnswers = {},
  precautions: Precaution[] = [],
): ScreeningInput {
  return { asOf: AS_OF, history, dayOf, precautions };
}
