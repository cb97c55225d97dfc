import { describe, expect, it } from 'vitest';
import { findInstrument } from '../outcomes/instruments.catalogue.ts';
import { scoreResponse } from '../outcomes/score.ts';
import type { PlanOfCare } from '../plans/plan-of-care.schema.ts';
import { signedVisit } from '../sessions/example-note.fixture.ts';
import type { SignedNote } from '../sessions/session-note.schema.ts';
import { goalStanding, measureMeetsTarget } from './goal-status.ts';
import { progressSummary } from './progress-summary.ts';

/*
 * A chart worked by hand.
 *
 * Goals: G1 "NPRS at most 4" (short), G2 "ODI down by 10" (long), G3 functional "sit 30 minutes".
 *
 * | visit | date       | signed | gluteal (left)          | thigh posterior (left) | pain before | goal progress             |
 * |-------|------------|--------|-------------------------|------------------------|-------------|---------------------------|
 * | A     | 2026-11-02 | 09:00  | MFR 15 + TrP 10 = 25    | effleurage 13          | 7           | G1 progressing, G3 progr. |
 * | B     | 2026-11-09 | 09:00  | MFR 20                  | -                      | 6           | G1 progressing            |
 * | C     | 2026-11-09 | 16:00  | TrP 10                  | effleurage 10          | 5           | G1 met                    |
 * | D     | 2026-11-16 | 09:00  | MFR 15                  | -                      | 4           | G1 progressing            |
 *
 * B and C are two visits on one day (morning and afternoon), each its own signed note.
 * ODI administrations: 40 % on 2026-11-02, 32 % on 2026-11-16 (down 8: not 10).
 * Re-assessment on 2026-11-16 after visit D: G3 met.
 *
 * Expected rows:
 *   Buttock (gluteal) (left):   25 + 20 + 10 + 15 = 70 minutes over 4 visits (A, B, C, D)
 *   Thigh, back (left):         13 + 10          = 23 minutes over 2 visits (A, C)
 *   G1: the last note (D) says "progressing", but D's NPRS of 4 meets "at most 4" → met.
 *   G2: no note speaks of it; ODI down 8 of 10 → stays as planned (not started).
 *   G3: the re-assessment after D is the latest word → met.
 */
const line = (techniqueId: string, regionId: string, minutes: number) => ({
  techniqueId,
  regionId,
  side: 'left' as const,
  minutes,
  pressure: 2 as const,
  position: 'side_lying' as const,
});

function visit(
  date: string,
  signedAt: string,
  lines: ReturnType<typeof line>[],
  painBefore: number,
  goalProgress: Array<{ goalId: string; status: 'progressing' | 'met' }>,
) {
  const note = {
    ...signedVisit,
    visitDate: date,
    subjective: { ...signedVisit.subjective, painBefore },
    objective: { ...signedVisit.objective, techniques: lines },
    assessment: { ...signedVisit.assessment, goalProgress },
  } satisfies SignedNote;
  return { visitDate: date, sequence: Date.parse(`${date}T${signedAt}:00Z`), note };
}

const chart = [
  // Given out of order, as rows may come back from the database.
  visit(
    '2026-11-09',
    '16:00',
    [line('trigger_point_therapy', 'gluteal', 10), line('swedish_effleurage', 'thigh_posterior', 10)],
    5,
    [{ goalId: 'g1', status: 'met' }],
  ),
  visit(
    '2026-11-02',
    '09:00',
    [
      line('myofascial_release', 'gluteal', 15),
      line('trigger_point_therapy', 'gluteal', 10),
      line('swedish_effleurage', 'thigh_posterior', 13),
    ],
    7,
    [
      { goalId: 'g1', status: 'progressing' },
      { goalId: 'g3', status: 'progressing' },
    ],
  ),
  visit('2026-11-09', '09:00', [line('myofascial_release', 'gluteal', 20)], 6, [
    { goalId: 'g1', status: 'progressing' },
  ]),
  visit('2026-11-16', '09:00', [line('myofascial_release', 'gluteal', 15)], 4, [
    { goalId: 'g1', status: 'progressing' },
  ]),
];

const goals: PlanOfCare['goals'] = [
  {
    id: 'g1',
    term: 'short',
    measure: { kind: 'outcome_measure', instrument: 'NPRS', comparator: 'at_most', value: 4 },
    targetDate: '2026-12-14',
    status: 'not_started',
  },
  {
    id: 'g2',
    term: 'long',
    measure: { kind: 'outcome_measure', instrument: 'ODI', comparator: 'reduce_by', value: 10 },
    targetDate: '2027-01-11',
    status: 'not_started',
  },
  {
    id: 'g3',
    term: 'long',
    measure: { kind: 'functional', text: 'Sit for 30 minutes without pain' },
    targetDate: '2027-01-11',
    status: 'not_started',
  },
];

// ODI: 10 sections 0–5, score = sum ÷ (5 × answered) × 100 (Fairbank & Pynsent 2000).
const odi = findInstrument('odi');
const odiAt = (on: string, sectionsOf5: number[]) => {
  if (!odi) throw new Error('ODI missing from the catalogue');
  const answers = Object.fromEntries(odi.item.map((item, i) => [item.linkId, sectionsOf5[i] ?? 0]));
  return { instrumentId: 'odi', administeredOn: on, result: scoreResponse(odi, answers) };
};

describe('progress report from a hand-worked chart', () => {
  const summary = progressSummary({
    visits: chart,
    outcomes: [
      odiAt('2026-11-02', [2, 2, 2, 2, 2, 2, 2, 2, 2, 2]),
      odiAt('2026-11-16', [2, 2, 2, 2, 2, 2, 1, 1, 1, 1]),
    ],
    plan: { goals },
    goalRecords: [
      { goalId: 'g3', status: 'met', on: '2026-11-16', sequence: Date.parse('2026-11-16T10:00:00Z') },
    ],
  });

  it('finding 2: treatment by region counts every signed visit, two on one day as two', () => {
    expect(summary.regions.map(({ region, minutes, visits }) => ({ region, minutes, visits }))).toEqual([
      { region: 'Buttock (gluteal) (left)', minutes: 70, visits: 4 },
      { region: 'Thigh, back (hamstrings) (left)', minutes: 23, visits: 2 },
    ]);
  });

  it('finding 2: goal status comes from the latest record and the measure that meets its target', () => {
    expect(summary.goals.map((g) => [g.id, g.status])).toEqual([
      ['g1', 'met'],
      ['g2', 'not_started'],
      ['g3', 'met'],
    ]);
    expect(summary.goals[0]?.basis).toBe('NPRS 4 on 2026-11-16');
    expect(summary.outcomes.find((o) => o.instrumentId === 'odi')?.points.map((p) => p.score)).toEqual([
      40, 32,
    ]);
  });

  it('the latest of two same-day notes wins by signing order', () => {
    const twoSameDay = chart.filter((v) => v.visitDate !== '2026-11-16');
    const s = progressSummary({
      visits: [...twoSameDay].reverse(),
      outcomes: [],
      plan: {
        goals: [
          goals[2] as PlanOfCare['goals'][number],
          {
            ...(goals[0] as PlanOfCare['goals'][number]),
            measure: { kind: 'functional', text: 'Sleep through' },
          },
        ],
      },
    });
    expect(s.goals.find((g) => g.id === 'g1')?.status).toBe('met');
  });
});

describe('goal measures', () => {
  const nprsAtMost4 = {
    kind: 'outcome_measure',
    instrument: 'NPRS',
    comparator: 'at_most',
    value: 4,
  } as const;
  const r = (on: string, score: number) => ({ instrument: 'nprs', on, sequence: 0, score });
  it.each([
    [[r('2026-11-01', 6), r('2026-11-08', 4)], true],
    [[r('2026-11-01', 6), r('2026-11-08', 5)], false],
    [[r('2026-11-08', 3), r('2026-11-01', 6)], true],
    [[], undefined],
  ])('NPRS at most 4 over %j → %s', (readings, expected) => {
    expect(measureMeetsTarget(nprsAtMost4, readings)).toBe(expected);
  });

  it('reduce_by needs a baseline and a follow-up', () => {
    const odiDown10 = {
      kind: 'outcome_measure',
      instrument: 'ODI',
      comparator: 'reduce_by',
      value: 10,
    } as const;
    expect(measureMeetsTarget(odiDown10, [r('2026-11-01', 40)])).toBeUndefined();
    expect(measureMeetsTarget(odiDown10, [r('2026-11-01', 40), r('2026-11-20', 30)])).toBe(true);
  });

  it('a discontinued goal stays discontinued even when the measure meets the target', () => {
    const standing = goalStanding(
      { id: 'g', status: 'progressing', measure: nprsAtMost4 },
      [{ goalId: 'g', status: 'discontinued', on: '2026-11-08', sequence: 0 }],
      [{ ...r('2026-11-09', 2), instrument: 'NPRS' }],
    );
    expect(standing.status).toBe('discontinued');
  });
});
