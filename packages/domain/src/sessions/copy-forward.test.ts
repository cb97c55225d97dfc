import { describe, expect, it } from 'vitest';
import { copyForward, markEdited, removeTechniqueLine } from './copy-forward.ts';
import { signedVisit } from './example-note.fixture.ts';
import { type DraftNote, draftNoteSchema, signedNoteSchema } from './session-note.schema.ts';

// Source: CMS Medicare Program Integrity Manual (Pub. 100-08), chapter 3, §3.3.2.1.1 on cloned
// documentation (copied entries must be made specific to the visit), which is why carried content
// stays marked and today's report, findings and assessment are never copied; issue 5 for the visit.

const previous = signedNoteSchema.parse({
  ...signedVisit,
  overrides: [{ ruleId: 'anticoagulant', techniqueLine: 0, reason: 'Physician cleared' }],
  objective: { ...signedVisit.objective, vitals: { systolic: 120 } },
});
const context = { visitDate: '2026-11-26', screeningId: 'scr-2' };

describe('copy forward from the previous signed note', () => {
  const draft = copyForward(previous, context);

  it('is a valid draft for today with today’s screening', () => {
    expect(draftNoteSchema.safeParse(draft).success).toBe(true);
    expect(draft).toMatchObject({
      patientId: 'pat-1',
      planId: 'plan-1',
      visitDate: '2026-11-26',
      outcome: 'treated',
    });
    expect(draft.subjective).toEqual({ screeningId: 'scr-2' });
  });

  it.each<[string, (note: DraftNote) => unknown, unknown]>([
    ['technique lines', (note) => note.objective.techniques, signedVisit.objective.techniques],
    ['positions', (note) => note.objective.positions, ['side_lying']],
    ['home care', (note) => note.plan.homeCareGiven, ['piriformis_stretch']],
    [
      'the goals to report on, without their status',
      (note) => note.assessment.goalProgress,
      [{ goalId: 'g-pain' }, { goalId: 'g-odi' }],
    ],
  ])('carries %s', (_label, pick, expected) => {
    expect(pick(draft)).toEqual(expected);
  });

  it.each<[string, (note: DraftNote) => unknown]>([
    ['the patient report', (note) => note.subjective.report],
    ['pain before', (note) => note.subjective.painBefore],
    ['findings', (note) => note.objective.findings],
    ['vitals', (note) => note.objective.vitals],
    ['the response', (note) => note.assessment.response],
    ['pain after', (note) => note.assessment.painAfter],
    ['adverse reactions', (note) => note.assessment.adverseReactions],
    ['the next visit', (note) => note.plan.nextVisit],
  ])('writes %s fresh', (_label, pick) => {
    expect(pick(draft)).toBeUndefined();
  });

  it('never carries safety overrides', () => {
    expect(draft.overrides).toEqual([]);
  });

  it('marks what was carried', () => {
    expect(draft.carriedOver).toEqual([
      'objective.techniques.0',
      'objective.techniques.1',
      'objective.techniques.2',
      'objective.positions',
      'plan.homeCareGiven',
    ]);
  });

  it('does not share lines with the previous note', () => {
    const copy = copyForward(previous, context);
    copy.objective.techniques![0]!.minutes = 99;
    expect(previous.outcome === 'treated' && previous.objective.techniques[0]?.minutes).toBe(15);
  });

  it('carries nothing from a postponed visit', () => {
    const postponed = signedNoteSchema.parse({
      patientId: 'pat-1',
      visitDate: '2026-11-23',
      outcome: 'postponed',
      postponedReason: 'Fever',
      subjective: { screeningId: 'scr-1' },
    });
    const fresh = copyForward(postponed, { ...context, planId: 'plan-2' });
    expect(fresh).toMatchObject({ planId: 'plan-2', carriedOver: [], objective: {} });
  });
});

describe('editing carried content', () => {
  const carried = [
    'objective.techniques.0',
    'objective.techniques.1',
    'objective.positions',
    'plan.homeCareGiven',
  ];

  it.each<[string, string[]]>([
    [
      'objective.techniques.0.minutes',
      ['objective.techniques.1', 'objective.positions', 'plan.homeCareGiven'],
    ],
    ['objective.positions', ['objective.techniques.0', 'objective.techniques.1', 'plan.homeCareGiven']],
    ['objective.techniques', ['objective.positions', 'plan.homeCareGiven']],
    ['subjective.report', carried],
  ])('editing %s removes its mark only', (path, remaining) => {
    expect(markEdited(carried, path)).toEqual(remaining);
  });

  it('renumbers marks and overrides when a line is removed', () => {
    const draft = copyForward(previous, context);
    draft.overrides = [
      { ruleId: 'a', techniqueLine: 0, reason: 'x' },
      { ruleId: 'b', techniqueLine: 2, reason: 'y' },
      { ruleId: 'c', techniqueLine: null, reason: 'z' },
    ];
    const after = removeTechniqueLine(draft, 0);
    expect(after.objective.techniques?.map((line) => line.techniqueId)).toEqual([
      'trigger_point_therapy',
      'swedish_effleurage',
    ]);
    expect(after.carriedOver).toEqual([
      'objective.techniques.0',
      'objective.techniques.1',
      'objective.positions',
      'plan.homeCareGiven',
    ]);
    expect(after.overrides.map((override) => [override.ruleId, override.techniqueLine])).toEqual([
      ['b', 1],
      ['c', null],
    ]);
    expect(() => removeTechniqueLine(draft, 3)).toThrow(RangeError);
  });
});
