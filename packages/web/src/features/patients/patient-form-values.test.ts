import { describe, expect, it } from 'vitest';
import {
  EMPTY_PATIENT_FORM,
  fromPatientRecord,
  toPatientRecord,
  validatePatientForm,
} from './patient-form-values.ts';

describe('registration form values', () => {
  const filled = {
    ...EMPTY_PATIENT_FORM,
    given: 'Given',
    family: 'Family',
    dateOfBirth: '1990-05-04',
    sex: 'female',
    treatmentConsent: true,
    treatmentConsentDate: '2026-03-01',
  };

  it('leaves empty optional groups out of the record and round-trips', () => {
    const record = toPatientRecord(filled);
    expect(record.address).toBeUndefined();
    expect(record.emergencyContact).toBeUndefined();
    expect(validatePatientForm(filled)).toEqual({});
    expect(fromPatientRecord(record as never)).toMatchObject({
      given: 'Given',
      treatmentConsentDate: '2026-03-01',
    });
  });

  it('puts schema errors under the inputs that caused them', () => {
    const errors = validatePatientForm({
      ...filled,
      given: '',
      treatmentConsentDate: '',
      emergencyName: 'Contact',
    });
    expect(errors.given).toBe('Enter the given name.');
    expect(errors.treatmentConsentDate).toBe('Enter the date consent was given.');
    expect(errors.emergencyRelationship).toBe('Fill this in.');
  });
});
