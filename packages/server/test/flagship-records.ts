import { INITIAL_HEADACHE_ASSESSMENT } from '@fascia/domain/assessment/assessment.fixtures';

/**
 * The request bodies that make the flagship patient: on warfarin, due in 16 weeks (24 weeks
 * pregnant), lumbar surgery 21 days ago; referred for sciatica (M54.31) at 2×/week for 6 weeks
 * (12 visits), with an initial assessment. Shared by the API tests and the browser tests, so both
 * lanes walk through the same picture. `day(n)` is the calendar date n days from today.
 */
type Day = (n: number) => string;

export const FLAGSHIP_NPI = '1234567893';

export const flagshipProvider = {
  name: { given: 'Ana', family: 'Reyes' },
  credentials: ['MD'],
  npi: FLAGSHIP_NPI,
};

export const flagshipHistory = (day: Day) => [
  { kind: 'medications', item: { name: 'Warfarin', class: 'anticoagulant' } },
  { kind: 'pregnancy', item: { edd: day(16 * 7) } },
  {
    kind: 'surgeries',
    item: { date: day(-21), description: 'Lumbar microdiscectomy', regions: [{ regionId: 'lumbar' }] },
  },
];

export const flagshipReferral = (providerId: string, day: Day) => ({
  providerId,
  dateWritten: day(0),
  diagnoses: ['M54.31'],
  frequency: { timesPerWeek: 2 },
  durationWeeks: 6,
  visitsAuthorized: 12,
  validFrom: day(0),
  validUntil: day(60),
});

/** The initial assessment's draft, complete enough to sign at version 1. */
export function flagshipAssessment(day: Day) {
  const {
    kind,
    performedOn: _d,
    patientId: _p,
    therapistId: _t,
    referralId: _r,
    ...content
  } = INITIAL_HEADACHE_ASSESSMENT;
  return { kind, performedOn: day(0), content: { ...content, outcomes: [] } };
}
