import { describe, expect, it } from 'vitest';
import { signedVisit } from './example-note.fixture.ts';
import { checkSignReady, draftNoteSchema, signedNoteSchema } from './session-note.schema.ts';

// Sources: SOAP structure and the NPRS 0–10 scale as in clinical-reference.md (NPRS row);
// required parts of a treatment note follow CMS Medicare Benefit Policy Manual (Pub. 100-02),
// chapter 15 §220.3 E "Treatment Note" (date, interventions with total timed minutes, signature);
// the note contents and the screening requirement are those of issue 5.

const visit = signedVisit;
const line = visit.objective.techniques[0];
const edit = (patch: Record<string, unknown>) => ({ ...visit, ...patch });
const editPart = (part: 'subjective' | 'objective' | 'assessment' | 'plan', patch: Record<string, unknown>) =>
  edit({ [part]: { ...visit[part], ...patch } });

describe('draft notes accept partial content', () => {
  it.each<[string, unknown, boolean]>([
    [
      'only the screening',
      { patientId: 'pat-1', visitDate: '2026-11-23', subjective: { screeningId: 'scr-1' } },
      true,
    ],
    ['no screening', { patientId: 'pat-1', visitDate: '2026-11-23', subjective: {} }, false],
    [
      'an empty screening id',
      { patientId: 'pat-1', visitDate: '2026-11-23', subjective: { screeningId: '' } },
      false,
    ],
    [
      'a half-typed technique line',
      {
        patientId: 'pat-1',
        visitDate: '2026-11-23',
        subjective: { screeningId: 'scr-1', report: 'Bet' },
        objective: { techniques: [{ techniqueId: 'deep_tissue' }] },
      },
      true,
    ],
    [
      'a half-typed line with an impossible pressure',
      {
        patientId: 'pat-1',
        visitDate: '2026-11-23',
        subjective: { screeningId: 'scr-1' },
        objective: { techniques: [{ pressure: 7 }] },
      },
      false,
    ],
    [
      'pain before of 11',
      { patientId: 'pat-1', visitDate: '2026-11-23', subjective: { screeningId: 'scr-1', painBefore: 11 } },
      false,
    ],
    ['the complete signed visit', visit, true],
  ])('%s → valid: %s', (_label, input, valid) => {
    expect(draftNoteSchema.safeParse(input).success).toBe(valid);
  });

  it('fills empty sections and defaults so the form can bind to them', () => {
    const draft = draftNoteSchema.parse({
      patientId: 'pat-1',
      visitDate: '2026-11-23',
      subjective: { screeningId: 'scr-1' },
    });
    expect(draft).toMatchObject({
      outcome: 'treated',
      overrides: [],
      carriedOver: [],
      objective: {},
      assessment: {},
      plan: {},
    });
  });
});

describe('signing requires the required parts', () => {
  it.each<[string, unknown, boolean]>([
    ['the complete visit', visit, true],
    ['no patient report', editPart('subjective', { report: ' ' }), false],
    ['no pain before', editPart('subjective', { painBefore: undefined }), false],
    ['no screening', editPart('subjective', { screeningId: undefined }), false],
    ['no technique', editPart('objective', { techniques: [] }), false],
    [
      'a line without minutes',
      editPart('objective', { techniques: [{ ...line, minutes: undefined }] }),
      false,
    ],
    ['a line of 0 minutes', editPart('objective', { techniques: [{ ...line, minutes: 0 }] }), false],
    [
      'a side on a midline region',
      editPart('objective', { techniques: [{ ...line, regionId: 'lumbar' }] }),
      false,
    ],
    ['a line position not among positions used', editPart('objective', { positions: ['seated'] }), false],
    ['no findings', editPart('objective', { findings: '' }), false],
    [
      'vitals taken',
      editPart('objective', { vitals: { systolic: 118, diastolic: 76, temperatureC: 36.8 } }),
      true,
    ],
    ['a temperature of 50 °C', editPart('objective', { vitals: { temperatureC: 50 } }), false],
    ['no response', editPart('assessment', { response: '' }), false],
    ['no pain after', editPart('assessment', { painAfter: undefined }), false],
    ['adverse reactions not stated', editPart('assessment', { adverseReactions: undefined }), false],
    [
      'an adverse reaction without description',
      editPart('assessment', { adverseReactions: { occurred: true } }),
      false,
    ],
    [
      'an adverse reaction described',
      editPart('assessment', {
        adverseReactions: { occurred: true, description: 'Light-headed on sitting up' },
      }),
      true,
    ],
    ['no next visit', editPart('plan', { nextVisit: {} }), false],
    [
      'discharged: next visit in words',
      editPart('plan', { nextVisit: { note: 'Discharged, goals met' } }),
      true,
    ],
    [
      'an override without a reason',
      edit({ overrides: [{ ruleId: 'anticoagulant', techniqueLine: 0, reason: '' }] }),
      false,
    ],
    [
      'postponed with a reason',
      {
        patientId: 'pat-1',
        visitDate: '2026-11-23',
        outcome: 'postponed',
        postponedReason: 'Temperature 38.4 °C',
        subjective: { screeningId: 'scr-1' },
        objective: { vitals: { temperatureC: 38.4 } },
      },
      true,
    ],
    [
      'postponed without a reason',
      {
        patientId: 'pat-1',
        visitDate: '2026-11-23',
        outcome: 'postponed',
        subjective: { screeningId: 'scr-1' },
      },
      false,
    ],
    [
      'postponed yet documenting treatment',
      {
        patientId: 'pat-1',
        visitDate: '2026-11-23',
        outcome: 'postponed',
        postponedReason: 'Fever',
        subjective: { screeningId: 'scr-1' },
        objective: { techniques: [line] },
      },
      false,
    ],
  ])('%s → signable: %s', (_label, input, valid) => {
    expect(signedNoteSchema.safeParse(input).success).toBe(valid);
  });

  it('lists every missing part at once, by path', () => {
    const result = checkSignReady(edit({ subjective: { screeningId: 'scr-1' }, assessment: undefined }));
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.issues.map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining(['subjective.report', 'subjective.painBefore', 'assessment']),
    );
  });

  it.each<[string, string[], boolean]>([
    ['every plan goal reported', ['g-pain', 'g-odi'], true],
    ['a plan goal without progress', ['g-pain', 'g-odi', 'g-sit'], false],
    ['no plan known', [], true],
  ])('progress per plan goal: %s', (_label, planGoalIds, ok) => {
    const result = checkSignReady(visit, { planGoalIds });
    expect(result.ok).toBe(ok);
    if (!result.ok)
      expect(result.issues).toEqual([
        { path: 'assessment.goalProgress', message: 'Record progress toward goal g-sit' },
      ]);
  });
});
