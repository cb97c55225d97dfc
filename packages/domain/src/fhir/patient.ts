/**
 * Patient and Coverage from the registration record the front desk enters (patients/patient.schema.ts).
 */
import type { Coverage as FhirCoverage, Patient as FhirPatient, HumanName } from '@medplum/fhirtypes';
import type { Coverage, Patient } from '../patients/patient.schema.ts';
import { coding, compact, concept, meta, ref, SYSTEM } from './common.ts';

export interface PatientRow {
  id: string;
  organizationId: string;
  record: Patient;
  version: number;
  updatedAt: Date | string;
}

export function toFhirPatient(row: PatientRow): FhirPatient {
  const r = row.record;
  const official: HumanName = compact({
    use: 'official',
    family: r.legalName.family,
    given: [r.legalName.given, r.legalName.middle].filter((g): g is string => Boolean(g)),
    suffix: r.legalName.suffix ? [r.legalName.suffix] : undefined,
  });
  const names: HumanName[] = [official];
  if (r.preferredName) names.push({ use: 'usual', given: [r.preferredName], family: r.legalName.family });
  return compact<FhirPatient>({
    resourceType: 'Patient',
    id: row.id,
    meta: meta(row.updatedAt, row.version),
    active: true,
    name: names,
    telecom: [
      ...(r.phone ? [{ system: 'phone' as const, value: r.phone }] : []),
      ...(r.email ? [{ system: 'email' as const, value: r.email }] : []),
    ],
    gender: r.sex,
    birthDate: r.dateOfBirth,
    address: r.address
      ? [
          compact({
            line: [r.address.line1, r.address.line2].filter((l): l is string => Boolean(l)),
            city: r.address.city,
            state: r.address.region,
            postalCode: r.address.postalCode,
            country: r.address.country,
          }),
        ]
      : undefined,
    contact: r.emergencyContact
      ? [
          {
            relationship: [concept([], r.emergencyContact.relationship)],
            name: { text: r.emergencyContact.name },
            telecom: [{ system: 'phone', value: r.emergencyContact.phone }],
          },
        ]
      : undefined,
    communication: [{ language: concept([coding(SYSTEM.bcp47, r.preferredLanguage)]), preferred: true }],
    managingOrganization: ref('Organization', row.organizationId),
  });
}

export interface CoverageRow {
  id: string;
  patientId: string;
  coverage: Coverage;
  updatedAt: Date | string;
}

const ORDER = { primary: 1, secondary: 2, tertiary: 3 } as const;

export function toFhirCoverage(row: CoverageRow): FhirCoverage {
  const c = row.coverage;
  const subscriberName = c.subscriber
    ? [c.subscriber.name.given, c.subscriber.name.family].join(' ')
    : undefined;
  return compact<FhirCoverage>({
    resourceType: 'Coverage',
    id: row.id,
    meta: meta(row.updatedAt),
    status: 'active',
    subscriberId: c.memberId,
    beneficiary: ref('Patient', row.patientId),
    subscriber: c.relationship === 'self' ? ref('Patient', row.patientId) : { display: subscriberName },
    relationship: concept([coding(SYSTEM.subscriberRelationship, c.relationship)]),
    period: c.validFrom || c.validUntil ? compact({ start: c.validFrom, end: c.validUntil }) : undefined,
    // The payer is named, not a resource of ours: a reference by display and its clearinghouse id.
    payor: [
      compact({
        display: c.payerName,
        identifier: c.payerId ? { value: c.payerId } : undefined,
      }),
    ],
    class: c.groupNumber
      ? [{ type: concept([coding(SYSTEM.coverageClass, 'group', 'Group')]), value: c.groupNumber }]
      : undefined,
    order: ORDER[c.order],
  });
}
