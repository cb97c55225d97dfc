/**
 * The clinic (Organization), its staff (Practitioner + PractitionerRole) and the referring
 * physicians of its directory (Practitioner identified by NPI).
 */
import type { Organization, Practitioner, PractitionerRole } from '@medplum/fhirtypes';
import { ROLE_LABELS, type Role } from '../access/permissions.ts';
import type { ReferringProvider } from '../referrals/provider.schema.ts';
import { coding, compact, concept, fasciaSystem, meta, ref, SYSTEM } from './common.ts';

export interface OrganizationRow {
  id: string;
  name: string;
  createdAt: Date | string;
}

export function toFhirOrganization(row: OrganizationRow): Organization {
  return {
    resourceType: 'Organization',
    id: row.id,
    meta: meta(row.createdAt),
    active: true,
    type: [concept([coding(SYSTEM.organizationType, 'prov', 'Healthcare Provider')])],
    name: row.name,
  };
}

export interface StaffRow {
  id: string;
  organizationId: string;
  name: string;
  role: Role;
  active: boolean;
  createdAt: Date | string;
}

export function toFhirStaffPractitioner(row: StaffRow): Practitioner {
  return {
    resourceType: 'Practitioner',
    id: row.id,
    meta: meta(row.createdAt),
    active: row.active,
    name: [{ text: row.name }],
  };
}

export function toFhirPractitionerRole(row: StaffRow): PractitionerRole {
  return {
    resourceType: 'PractitionerRole',
    id: row.id,
    meta: meta(row.createdAt),
    active: row.active,
    practitioner: ref('Practitioner', row.id, row.name),
    organization: ref('Organization', row.organizationId),
    code: [concept([coding(fasciaSystem('staff-role'), row.role, ROLE_LABELS[row.role])])],
  };
}

export interface ProviderRow {
  id: string;
  provider: ReferringProvider;
  updatedAt: Date | string;
}

export function toFhirProviderPractitioner(row: ProviderRow): Practitioner {
  const p = row.provider;
  return compact<Practitioner>({
    resourceType: 'Practitioner',
    id: row.id,
    meta: meta(row.updatedAt),
    identifier: [{ system: SYSTEM.npi, value: p.npi }],
    active: true,
    name: [
      compact({
        family: p.name.family,
        given: [p.name.given, p.name.middle].filter((g): g is string => Boolean(g)),
        suffix: [p.name.suffix, ...p.credentials].filter((s): s is string => Boolean(s)),
      }),
    ],
    telecom: [
      ...(p.phone ? [{ system: 'phone' as const, value: p.phone, use: 'work' as const }] : []),
      ...(p.fax ? [{ system: 'fax' as const, value: p.fax, use: 'work' as const }] : []),
      ...(p.email ? [{ system: 'email' as const, value: p.email, use: 'work' as const }] : []),
    ],
    qualification: p.credentials.map((c) => ({ code: concept([], c) })),
  });
}
