import { describe, expect, it } from 'vitest';
import { isRegionId } from '../body/regions.ts';
import { HOME_CARE_LIBRARY } from '../plans/home-care.ts';
import { isTechniqueId } from '../plans/techniques.ts';
import { applyTemplate, NOTE_TEMPLATES, templatesForProblems } from './note-templates.ts';
import { draftNoteSchema } from './session-note.schema.ts';

// Sources: ICD-10-CM FY2026 tabular list (CDC/CMS) for the code families each template covers
// (M54.3–M54.5 sciatica and low back pain, M54.2 cervicalgia, G44.2 tension-type headache,
// G56.0 carpal tunnel, M79.1 myalgia, M62.83 muscle spasm), as listed in clinical-reference.md.

const blank = () =>
  draftNoteSchema.parse({
    patientId: 'pat-1',
    visitDate: '2026-11-23',
    subjective: { screeningId: 'scr-1' },
  });

describe('note templates per condition', () => {
  it.each<[string[], string[]]>([
    [['M54.50'], ['low_back_sciatica']],
    [['m54.41'], ['low_back_sciatica']],
    [['M54.2', 'G44.209'], ['neck_tension_headache']],
    [['G56.01'], ['carpal_tunnel']],
    [
      ['M79.18', 'M54.30'],
      ['low_back_sciatica', 'myofascial_pain'],
    ],
    [['M62.830'], ['myofascial_pain']],
    [['F43.10'], []],
  ])('%j → %j', (codes, ids) => {
    expect(templatesForProblems(codes).map((template) => template.id)).toEqual(ids);
  });

  it.each(NOTE_TEMPLATES.map((template) => [template.id, template] as const))(
    '%s names known things',
    (_id, template) => {
      for (const line of template.techniques) {
        expect(isTechniqueId(line.techniqueId ?? '')).toBe(true);
        if (line.regionId !== undefined) expect(isRegionId(line.regionId)).toBe(true);
        expect(line.minutes).toBeUndefined();
      }
      for (const itemId of template.homeCare)
        expect(HOME_CARE_LIBRARY.some((item) => item.id === itemId)).toBe(true);
    },
  );

  it('fills an empty draft and marks what it filled', () => {
    const template = NOTE_TEMPLATES[0]!;
    const draft = applyTemplate(blank(), template);
    expect(draftNoteSchema.safeParse(draft).success).toBe(true);
    expect(draft.templateId).toBe('low_back_sciatica');
    expect(draft.objective.techniques).toHaveLength(3);
    expect(draft.carriedOver).toEqual([
      'objective.techniques.0',
      'objective.techniques.1',
      'objective.techniques.2',
      'objective.positions',
      'plan.homeCareGiven',
    ]);
  });

  it('keeps what the therapist already wrote', () => {
    const started = { ...blank(), objective: { techniques: [{ techniqueId: 'cold_pack' }] } };
    const draft = applyTemplate(started, NOTE_TEMPLATES[0]!);
    expect(draft.objective.techniques).toEqual([{ techniqueId: 'cold_pack' }]);
    expect(draft.objective.positions).toEqual(['prone', 'supine']);
    expect(draft.carriedOver).toEqual(['objective.positions', 'plan.homeCareGiven']);
  });
});
