import { describe, expect, it } from 'vitest';
import { SYSTEM } from './common.ts';
import { expectValidFhir } from './fhir-schema.fixture.ts';
import {
  toFhirOrganization,
  toFhirPractitionerRole,
  toFhirProviderPractitioner,
  toFhirStaffPractitioner,
} from './practitioner.ts';

const ID = '11111111-1111-4111-8111-111111111111';
const ORG = '22222222-2222-4222-8222-222222222222';
const staff = {
  id: ID,
  organizationId: ORG,
  name: 'Test therapist',
  role: 'therapist' as const,
  active: true,
  createdAt: new Date(),
};

describe('clinic, staff and referring physicians', () => {
  it('emits the clinic as a healthcare-provider Organization', () => {
    const org = toFhirOrganization({ id: ORG, name: 'Clinic', createdAt: new Date() });
    expectValidFhir(org);
    expect(org.type?.[0]?.coding?.[0]?.code).toBe('prov');
  });

  it('emits a staff member as Practitioner and PractitionerRole with the role', () => {
    expectValidFhir(toFhirStaffPractitioner(staff));
    const role = toFhirPractitionerRole(staff);
    expectValidFhir(role);
    expect(role.code?.[0]?.coding?.[0]).toMatchObject({ code: 'therapist', display: 'Therapist' });
    expect(role.organization?.reference).toBe(`Organization/${ORG}`);
  });

  it('identifies a referring physician by NPI, with credentials as suffix and qualification', () => {
    const p = toFhirProviderPractitioner({
      id: ID,
      updatedAt: new Date(),
      provider: {
        name: { given: 'Ana', family: 'Reyes' },
        credentials: ['MD'],
        npi: '1234567893',
        fax: '555 010 4000',
      },
    });
    expectValidFhir(p);
    expect(p.identifier).toEqual([{ system: SYSTEM.npi, value: '1234567893' }]);
    expect(p.name?.[0]?.suffix).toEqual(['MD']);
    expect(p.telecom?.[0]).toMatchObject({ system: 'fax' });
  });
});
