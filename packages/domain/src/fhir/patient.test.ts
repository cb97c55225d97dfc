import { describe, expect, it } from 'vitest';
import { expectValidFhir } from './fhir-schema.fixture.ts';
import { toFhirCoverage, toFhirPatient } from './patient.ts';

const ID = '11111111-1111-4111-8111-111111111111';
const ORG = '22222222-2222-4222-8222-222222222222';

describe('Patient', () => {
  it('maps the registration record with preferred name, contact, language and clinic', () => {
    const patient = toFhirPatient({
      id: ID,
      organizationId: ORG,
      version: 3,
      updatedAt: new Date('2025-03-03T10:00:00Z'),
      record: {
        legalName: { given: 'Rosa', middle: 'M', family: 'Lindqvist' },
        preferredName: 'Ro',
        dateOfBirth: '1990-06-02',
        sex: 'female',
        phone: '+1 555 010 2000',
        email: 'rosa@example.org',
        address: {
          line1: '1 Main St',
          city: 'Springfield',
          region: 'IL',
          postalCode: '62701',
          country: 'US',
        },
        emergencyContact: { name: 'Sam Lindqvist', relationship: 'spouse', phone: '555 010 3000' },
        preferredLanguage: 'es',
        consents: {
          treatment: { given: true, date: '2025-03-01' },
          communication: { given: false, channels: [] },
        },
      },
    });
    expectValidFhir(patient);
    expect(patient.name?.[0]).toEqual({ use: 'official', family: 'Lindqvist', given: ['Rosa', 'M'] });
    expect(patient.name?.[1]?.given).toEqual(['Ro']);
    expect(patient.birthDate).toBe('1990-06-02');
    expect(patient.meta).toEqual({ lastUpdated: '2025-03-03T10:00:00.000Z', versionId: '3' });
    expect(patient.communication?.[0]?.language.coding?.[0]?.code).toBe('es');
    expect(patient.managingOrganization?.reference).toBe(`Organization/${ORG}`);
  });

  it('emits no empty elements for a minimal record', () => {
    const patient = toFhirPatient({
      id: ID,
      organizationId: ORG,
      version: 1,
      updatedAt: '2025-03-03T10:00:00Z',
      record: {
        legalName: { given: 'A', family: 'B' },
        dateOfBirth: '1980-01-01',
        sex: 'unknown',
        preferredLanguage: 'en',
        consents: { treatment: { given: false }, communication: { given: false, channels: [] } },
      },
    });
    expectValidFhir(patient);
    expect(patient).not.toHaveProperty('telecom');
    expect(patient).not.toHaveProperty('address');
  });
});

describe('Coverage', () => {
  it('names the payer, member id, group, order and subscriber relationship', () => {
    const coverage = toFhirCoverage({
      id: ID,
      patientId: ORG,
      updatedAt: '2025-03-03T10:00:00Z',
      coverage: {
        payerName: 'Acme Health',
        payerId: '12345',
        memberId: 'M-998',
        groupNumber: 'G-1',
        relationship: 'spouse',
        subscriber: { name: { given: 'Sam', family: 'Lindqvist' } },
        order: 'secondary',
        validFrom: '2025-01-01',
      },
    });
    expectValidFhir(coverage);
    expect(coverage.payor[0]).toEqual({ display: 'Acme Health', identifier: { value: '12345' } });
    expect(coverage.order).toBe(2);
    expect(coverage.subscriber).toEqual({ display: 'Sam Lindqvist' });
    expect(coverage.relationship?.coding?.[0]?.code).toBe('spouse');
    expect(coverage.class?.[0]?.value).toBe('G-1');
  });
});
