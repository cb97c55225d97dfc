/**
 * Sources: HL7 FHIR R4 Patient (administrative gender) and Coverage (subscriber relationship,
 * order); BCP 47 language tags (RFC 5646); ISO 3166-1 alpha-2 country codes.
 */
import { describe, expect, it } from 'vitest';
import { coverageSchema, coveragesSchema, patientSchema } from './patient.schema.ts';

const patient = {
  legalName: { given: 'Maria', family: 'García' },
  preferredName: 'Mari',
  dateOfBirth: '1990-04-12',
  sex: 'female',
  pronouns: 'she/her',
  phone: '+1 (555) 010-2233',
  email: 'maria@example.org',
  address: { line1: '1 Main St', city: 'Springfield', region: 'IL', postalCode: '62701' },
  emergencyContact: { name: 'Luis García', relationship: 'spouse', phone: '555 010 4455' },
  preferredLanguage: 'es',
  consents: {
    treatment: { given: true, date: '2026-11-23' },
    communication: { given: true, date: '2026-11-23', channels: ['sms', 'email'] },
  },
};

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.success ? [] : (result.error?.issues.map((issue) => issue.path.join('.')) ?? []);

describe('patientSchema', () => {
  it('accepts a complete registration and fills defaults', () => {
    const parsed = patientSchema.parse(patient);
    expect(parsed.address?.country).toBe('US');
    expect(patientSchema.parse({ ...patient, preferredLanguage: undefined }).preferredLanguage).toBe('en');
  });

  it.each([
    ['no family name', { legalName: { given: 'Maria', family: ' ' } }, ['legalName.family']],
    ['an impossible birth date', { dateOfBirth: '1990-02-30' }, ['dateOfBirth']],
    ['a birth year before 1900', { dateOfBirth: '1890-01-01' }, ['dateOfBirth']],
    ['a short phone', { phone: '12345' }, ['phone']],
    ['a bad email', { email: 'maria-at-example' }, ['email']],
    ['a bad language tag', { preferredLanguage: 'Spanish!' }, ['preferredLanguage']],
    [
      'treatment consent without a date',
      { consents: { ...patient.consents, treatment: { given: true } } },
      ['consents.treatment.date'],
    ],
    [
      'email consent without an address',
      {
        email: undefined,
        consents: {
          ...patient.consents,
          communication: { given: true, date: '2026-11-23', channels: ['email'] },
        },
      },
      ['email'],
    ],
  ])('refuses %s', (_, change, expected) =>
    expect(paths(patientSchema.safeParse({ ...patient, ...change }))).toEqual(expected),
  );
});

describe('coverageSchema', () => {
  const own = { payerName: 'Acme Health', memberId: 'XJ123', relationship: 'self', order: 'primary' };
  const spouse = {
    ...own,
    relationship: 'spouse',
    order: 'secondary',
    subscriber: { name: { given: 'Luis', family: 'García' }, dateOfBirth: '1988-01-02' },
  };

  it.each([
    ['the patient as subscriber', own, []],
    ['a spouse as subscriber', spouse, []],
    ['a dependant without subscriber', { ...own, relationship: 'child' }, ['subscriber']],
    ['no member id', { ...own, memberId: '' }, ['memberId']],
    [
      'an end before the start',
      { ...own, validFrom: '2026-01-01', validUntil: '2025-12-31' },
      ['validUntil'],
    ],
  ])('%s', (_, input, expected) => expect(paths(coverageSchema.safeParse(input))).toEqual(expected));

  it('allows one coverage per order', () => {
    expect(coveragesSchema.safeParse([own, spouse]).success).toBe(true);
    expect(paths(coveragesSchema.safeParse([own, { ...spouse, order: 'primary' }]))).toEqual(['1.order']);
  });
});
