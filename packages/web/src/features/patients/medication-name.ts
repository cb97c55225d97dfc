import {
  classOfMedication,
  medicationLabel,
  searchMedications,
} from '@fascia/domain/patients/medication-catalogue';

/** Names offered while typing: the catalogue's generic names (brands in the label's search too). */
export function medicationSuggestions(typed: string): { value: string; label: string }[] {
  return searchMedications(typed, 8).map((entry) => ({
    value: entry.generic,
    label: medicationLabel(entry),
  }));
}

/**
 * The class to show after the name changes: the catalogue's class when the new name is catalogued
 * and the class was empty or had been filled from the previous name; a class the therapist chose
 * by hand stays.
 */
export function classAfterNameChange(previousName: string, nextName: string, currentClass: string): string {
  const before = classOfMedication(previousName) ?? '';
  const after = classOfMedication(nextName);
  const filledByUs = currentClass === '' || currentClass === before;
  if (!filledByUs) return currentClass;
  return after ?? '';
}
