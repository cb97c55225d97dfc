import { Autocomplete, type AutocompleteProps } from '@mantine/core';
import { useMemo } from 'react';
import { medicationSuggestions } from './medication-name.ts';

/** A medication's name, with the bundled catalogue offered as the therapist types (brands too). */
export function MedicationNameInput({
  value,
  ...props
}: Omit<AutocompleteProps, 'data' | 'value' | 'filter' | 'renderOption'> & { value?: string }) {
  const suggestions = useMemo(() => medicationSuggestions(value ?? ''), [value]);
  const labels = new Map(suggestions.map((s) => [s.value, s.label]));
  return (
    <Autocomplete
      {...props}
      value={value ?? ''}
      data={suggestions.map((s) => s.value)}
      // The catalogue has already matched generic and brand names; the default filter would drop
      // "sertraline" when "Zoloft" was typed.
      filter={({ options }) => options}
      renderOption={({ option }) => labels.get(option.value) ?? option.value}
    />
  );
}
