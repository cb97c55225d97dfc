import { describe, expect, it } from 'vitest';
import { findInstrument } from '../outcomes/instruments.catalogue.ts';
import { scoreResponse } from '../outcomes/score.ts';
import { examplePlan } from '../plans/example-patient.fixture.ts';
import { signedVisit } from '../sessions/example-note.fixture.ts';
import { progressSummary } from './progress-summary.ts';

// HIT-6 scoring (each of 6 items: 6, 8, 10, 11 or 13 points; total 36–78) — Kosinski et al. 2003;
// MCID of 6 points for individuals — Smelt et al. 2014 (as in the outcomes catalogue).
const hit6 = findInstrument('hit6');
const hitAnswers = (v: number) => Object.fromEntries([1, 2, 3, 4, 5, 6].map((i) => [`hit${i}`, v]));

describe('progress summary for the referring physician', () => {
  const visits = [
    { visitDate: '2026-11-23', note: signedVisit },
    { visitDate: '2026-11-26', note: { ...signedVisit, visitDate: '2026-11-26' } },
    {
      visitDate: '2026-11-30',
      note: {
        ...signedVisit,
        outcome: 'postponed' as const,
        postponedReason: 'Fever',
        objective: { techniques: [] },
        plan: { nextVisit: { date: '2026-12-03' } },
      },
    },
  ];
  const outcomes = hit6
    ? [
        { instrumentId: 'hit6', administeredOn: '2026-11-23', result: scoreResponse(hit6, hitAnswers(11)) },
        { instrumentId: 'hit6', administeredOn: '2026-12-21', result: scoreResponse(hit6, hitAnswers(8)) },
      ]
    : [];
  const summary = progressSummary({
    visits: visits as never,
    outcomes,
    plan: examplePlan,
    visitsAuthorized: 12,
  });

  it('counts visits done against visits authorised, and attendance', () => {
    expect(summary).toMatchObject({
      visitsAuthorized: 12,
      visitsTreated: 2,
      visitsPostponed: 1,
      firstVisit: '2026-11-23',
      lastVisit: '2026-11-30',
    });
  });

  it('summarises techniques by region with minutes over all visits', () => {
    expect(summary.regions[0]).toMatchObject({ region: 'Buttock (gluteal) (left)', minutes: 50, visits: 2 });
    expect(summary.regions[0]?.techniques).toEqual(['Myofascial release', 'Trigger point therapy']);
  });

  it('reports each measure against its baseline and MCID', () => {
    const h = summary.outcomes[0];
    expect(h?.points.map((p) => p.score)).toEqual([66, 48]);
    expect(h?.mcid?.text).toMatch(/^Minimal clinically important difference \(MCID\)/);
    expect(h?.series.latest?.primary.outcome).toBe('improved_beyond_mcid');
  });

  it('takes each goal’s latest progress from the notes', () => {
    expect(summary.goals.map((g) => [g.id, g.status])).toEqual([
      ['g-pain', 'progressing'],
      ['g-odi', 'not_started'],
    ]);
  });
});
