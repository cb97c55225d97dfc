import type { DraftNote } from '@fascia/domain/sessions/session-note.schema';
import { describe, expect, it } from 'vitest';
import { editor, fieldWords, numberOrNothing, setOverride } from './note-edit.ts';

const note = {
  carriedOver: ['objective.techniques.0', 'objective.positions'],
  overrides: [],
  objective: { techniques: [{ techniqueId: 'myofascial_release' }], positions: ['side_lying'] },
} as unknown as DraftNote;

describe('editing a draft note', () => {
  it('takes the carried-over mark off the part edited, and only that part', () => {
    let result = note;
    editor((update) => {
      result = update(note);
    })('objective.techniques.0', (c) => c);
    expect(result.carriedOver).toEqual(['objective.positions']);
  });

  it('stores an override only once it has words', () => {
    expect(setOverride(note, 'bleeding_risk', 0, '  ').overrides).toEqual([]);
    expect(setOverride(note, 'bleeding_risk', 0, 'INR in range').overrides).toEqual([
      { ruleId: 'bleeding_risk', techniqueLine: 0, reason: 'INR in range' },
    ]);
  });

  it('reads empty number inputs as nothing and names server fields in words', () => {
    expect(numberOrNothing('')).toBeUndefined();
    expect(numberOrNothing(13)).toBe(13);
    expect(fieldWords('content.objective.techniques.0.minutes')).toBe(
      'objective › techniques › line 1 › minutes',
    );
    expect(fieldWords('content.assessment.adverseReactions')).toBe('assessment › adverse reactions');
  });
});
