import { describe, expect, it } from 'vitest';
import {
  cleanContent,
  comparableContent,
  describeField,
  fieldError,
  problemsUnder,
} from './assessment-content.ts';

describe('assessment draft content', () => {
  it('drops empty text and the keys the server owns before saving', () => {
    const cleaned = cleanContent({
      subjective: { chiefComplaint: 'Headache', history: '  ' },
      problemList: [{ description: 'Tension-type headache', icd10Code: '' }],
      ...({ kind: 'initial', patientId: 'p1' } as object),
    });
    expect(cleaned).toEqual({
      subjective: { chiefComplaint: 'Headache' },
      problemList: [{ description: 'Tension-type headache' }],
    });
  });

  it('names a problem field in the form’s words', () => {
    expect(describeField('content.rom.0.side')).toBe('Range of motion, row 1, side');
    expect(describeField('content.subjective.chiefComplaint')).toBe('Subjective, chief complaint');
  });

  it('finds the problems of one section or row', () => {
    const problems = [
      { field: 'content.rom.0.side', message: 'This motion needs a side' },
      { field: 'content.rom.10.side', message: 'Other row' },
      { field: 'content.subjective.chiefComplaint', message: 'Required' },
    ];
    expect(problemsUnder(problems, 'rom.0').map((p) => p.message)).toEqual(['This motion needs a side']);
    expect(problemsUnder(problems, 'rom')).toHaveLength(2);
    expect(fieldError(problems, 'subjective.chiefComplaint')).toBe('Required');
  });

  it('compares only what a draft has complete', () => {
    const c = comparableContent(
      {
        rom: [
          { joint: 'cervical', motion: 'rotation', side: 'left', mode: 'active', degrees: 50 },
          { joint: 'cervical', motion: 'rotation', side: 'right', mode: 'active' },
        ],
        outcomes: [{ instrumentId: 'nope', administeredOn: '2025-01-01', answers: {} }],
      },
      '2025-01-01',
    );
    expect(c.rom).toHaveLength(1);
    expect(c.outcomes).toHaveLength(0);
    expect(c.painDrawing.marks).toEqual([]);
  });
});
