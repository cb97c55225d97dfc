import { describe, expect, it } from 'vitest';
import { classAfterNameChange, medicationSuggestions } from './medication-name.ts';

describe('medication name field', () => {
  it('offers catalogue names as the therapist types, brands included', () => {
    expect(medicationSuggestions('sert')).toEqual([{ value: 'sertraline', label: 'sertraline (Zoloft)' }]);
    expect(medicationSuggestions('advil').map((s) => s.value)).toEqual(['ibuprofen']);
  });

  it('fills the class from the name, follows a changed name, and keeps a class chosen by hand', () => {
    expect(classAfterNameChange('', 'sertraline', '')).toBe('ssri');
    expect(classAfterNameChange('sertraline', 'ibuprofen', 'ssri')).toBe('nsaid');
    expect(classAfterNameChange('sertraline', 'levothyroxine', 'ssri')).toBe('');
    expect(classAfterNameChange('sertraline', 'sertraline 50 mg', 'antidepressant')).toBe('antidepressant');
    expect(classAfterNameChange('', 'levothyroxine', 'hormone')).toBe('hormone');
  });
});
