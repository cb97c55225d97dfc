import { type Patient, patientSchema } from '@fascia/domain/patients/patient.schema';
import type { z } from 'zod';

/**
 * The registration form keeps its values flat (one key per input) because Mantine form errors and
 * the shared problem mapper address top-level keys; these functions translate to and from the
 * nested patient record the API and the domain schema use.
 */
export interface PatientFormValues {
  [key: string]: unknown;
  given: string;
  middle: string;
  family: string;
  preferredName: string;
  pronouns: string;
  dateOfBirth: string;
  sex: string;
  phone: string;
  email: string;
  addressLine1: string;
  addressLine2: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  emergencyName: string;
  emergencyRelationship: string;
  emergencyPhone: string;
  preferredLanguage: string;
  treatmentConsent: boolean;
  treatmentConsentDate: string;
  communicationConsent: boolean;
  communicationConsentDate: string;
  channels: string[];
  careTeam: string[];
}

export const EMPTY_PATIENT_FORM: PatientFormValues = {
  given: '',
  middle: '',
  family: '',
  preferredName: '',
  pronouns: '',
  dateOfBirth: '',
  sex: '',
  phone: '',
  email: '',
  addressLine1: '',
  addressLine2: '',
  city: '',
  region: '',
  postalCode: '',
  country: 'US',
  emergencyName: '',
  emergencyRelationship: '',
  emergencyPhone: '',
  preferredLanguage: 'en',
  treatmentConsent: false,
  treatmentConsentDate: '',
  communicationConsent: false,
  communicationConsentDate: '',
  channels: [],
  careTeam: [],
};

/** Server field paths (and the schema's issue paths under `record.`) → the form's inputs. */
export const PATIENT_FIELD_ALIASES: Record<string, string> = {
  'record.legalName.given': 'given',
  'record.legalName.middle': 'middle',
  'record.legalName.family': 'family',
  'record.preferredName': 'preferredName',
  'record.pronouns': 'pronouns',
  'record.dateOfBirth': 'dateOfBirth',
  'record.sex': 'sex',
  'record.phone': 'phone',
  'record.email': 'email',
  'record.address': 'addressLine1',
  'record.address.line1': 'addressLine1',
  'record.address.line2': 'addressLine2',
  'record.address.city': 'city',
  'record.address.region': 'region',
  'record.address.postalCode': 'postalCode',
  'record.address.country': 'country',
  'record.emergencyContact': 'emergencyName',
  'record.emergencyContact.name': 'emergencyName',
  'record.emergencyContact.relationship': 'emergencyRelationship',
  'record.emergencyContact.phone': 'emergencyPhone',
  'record.preferredLanguage': 'preferredLanguage',
  'record.consents.treatment.date': 'treatmentConsentDate',
  'record.consents.communication.date': 'communicationConsentDate',
  'record.consents.communication.channels': 'channels',
  careTeam: 'careTeam',
};

const text = (v: string) => (v.trim() === '' ? undefined : v.trim());

/** Drops keys whose values are undefined, so an empty optional group is left out entirely. */
function compact<T extends Record<string, unknown>>(obj: T): T | undefined {
  const entries = Object.entries(obj).filter(([, v]) => v !== undefined);
  return entries.length === 0 ? undefined : (Object.fromEntries(entries) as T);
}

export function toPatientRecord(v: PatientFormValues): z.input<typeof patientSchema> {
  const address = compact({
    line1: text(v.addressLine1),
    line2: text(v.addressLine2),
    city: text(v.city),
    region: text(v.region),
    postalCode: text(v.postalCode),
  });
  const emergency = compact({
    name: text(v.emergencyName),
    relationship: text(v.emergencyRelationship),
    phone: text(v.emergencyPhone),
  });
  return {
    legalName: { given: v.given, middle: text(v.middle), family: v.family },
    preferredName: text(v.preferredName),
    pronouns: text(v.pronouns),
    dateOfBirth: v.dateOfBirth,
    sex: v.sex as Patient['sex'],
    phone: text(v.phone),
    email: text(v.email),
    address: address && ({ ...address, country: text(v.country) ?? 'US' } as Patient['address']),
    emergencyContact: emergency as Patient['emergencyContact'],
    preferredLanguage: text(v.preferredLanguage) ?? 'en',
    consents: {
      treatment: { given: v.treatmentConsent, date: text(v.treatmentConsentDate) },
      communication: {
        given: v.communicationConsent,
        date: text(v.communicationConsentDate),
        channels: v.communicationConsent
          ? (v.channels as Patient['consents']['communication']['channels'])
          : [],
      },
    },
  };
}

export function fromPatientRecord(r: Patient, careTeam: string[] = []): PatientFormValues {
  return {
    given: r.legalName.given,
    middle: r.legalName.middle ?? '',
    family: r.legalName.family,
    preferredName: r.preferredName ?? '',
    pronouns: r.pronouns ?? '',
    dateOfBirth: r.dateOfBirth,
    sex: r.sex,
    phone: r.phone ?? '',
    email: r.email ?? '',
    addressLine1: r.address?.line1 ?? '',
    addressLine2: r.address?.line2 ?? '',
    city: r.address?.city ?? '',
    region: r.address?.region ?? '',
    postalCode: r.address?.postalCode ?? '',
    country: r.address?.country ?? 'US',
    emergencyName: r.emergencyContact?.name ?? '',
    emergencyRelationship: r.emergencyContact?.relationship ?? '',
    emergencyPhone: r.emergencyContact?.phone ?? '',
    preferredLanguage: r.preferredLanguage,
    treatmentConsent: r.consents.treatment.given,
    treatmentConsentDate: r.consents.treatment.date ?? '',
    communicationConsent: r.consents.communication.given,
    communicationConsentDate: r.consents.communication.date ?? '',
    channels: r.consents.communication.channels,
    careTeam,
  };
}

/** Checks the values with the domain schema; errors keyed by the form's inputs, as the server would. */
export function validatePatientForm(v: PatientFormValues): Record<string, string> {
  const parsed = patientSchema.safeParse(toPatientRecord(v));
  const errors: Record<string, string> = {};
  if (parsed.success) return errors;
  for (const issue of parsed.error.issues) {
    const path = ['record', ...issue.path.map(String)].join('.');
    const field = PATIENT_FIELD_ALIASES[path];
    if (field && !errors[field]) errors[field] = plainMessage(issue.message);
  }
  if (!v.sex) errors.sex = 'Choose the sex recorded for billing.';
  return errors;
}

/** Zod's built-in wording ("Invalid input: expected string…") means, for a form, that the box is empty. */
export function plainMessage(message: string): string {
  return /^(Invalid input|Too small: expected string)/.test(message) ? 'Fill this in.' : message;
}
