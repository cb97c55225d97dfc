/**
 * Which FHIR resource types Fascia serves and who may read them — the FHIR face of the permission
 * matrix (access/permissions.ts): a type is read with the permission its REST counterpart needs,
 * and clinical types also need the care-team check. The CapabilityStatement is built from the
 * same table, so what the server advertises and what it enforces cannot drift apart.
 */
import type { CapabilityStatement, CapabilityStatementRestResource } from '@medplum/fhirtypes';
import type { Permission } from '../access/permissions.ts';
import { FASCIA_BASE } from './common.ts';

export interface FhirTypeRule {
  permission: Permission;
  /** Part of the clinical record: therapists read it only for the patients they treat. */
  clinical: boolean;
  /** Belongs to one patient (searchable by `patient`, included in $everything). */
  patientScoped: boolean;
  documentation: string;
}

export const FHIR_TYPES = {
  Patient: {
    permission: 'patients.read',
    clinical: false,
    patientScoped: true,
    documentation: 'Registration record',
  },
  Practitioner: {
    permission: 'referrals.read',
    clinical: false,
    patientScoped: false,
    documentation: 'Clinic staff and referring physicians (NPI)',
  },
  PractitionerRole: {
    permission: 'staff.read',
    clinical: false,
    patientScoped: false,
    documentation: 'Staff roles',
  },
  Organization: {
    permission: 'organization.read',
    clinical: false,
    patientScoped: false,
    documentation: 'The clinic',
  },
  Coverage: {
    permission: 'patients.read',
    clinical: false,
    patientScoped: true,
    documentation: 'Insurance',
  },
  ServiceRequest: {
    permission: 'referrals.read',
    clinical: false,
    patientScoped: true,
    documentation: 'Referrals (prescriptions)',
  },
  Condition: {
    permission: 'clinical.read_own',
    clinical: true,
    patientScoped: true,
    documentation: 'Health history conditions',
  },
  AllergyIntolerance: {
    permission: 'clinical.read_own',
    clinical: true,
    patientScoped: true,
    documentation: 'Allergies',
  },
  MedicationStatement: {
    permission: 'clinical.read_own',
    clinical: true,
    patientScoped: true,
    documentation: 'Medications',
  },
  Observation: {
    permission: 'clinical.read_own',
    clinical: true,
    patientScoped: true,
    documentation: 'Pain (NPRS), outcome scores, range of motion, special tests',
  },
  QuestionnaireResponse: {
    permission: 'clinical.read_own',
    clinical: true,
    patientScoped: true,
    documentation: 'Outcome questionnaires',
  },
  CarePlan: {
    permission: 'clinical.read_own',
    clinical: true,
    patientScoped: true,
    documentation: 'Plans of care',
  },
  Goal: {
    permission: 'clinical.read_own',
    clinical: true,
    patientScoped: true,
    documentation: 'Plan-of-care goals',
  },
  Encounter: {
    permission: 'clinical.read_own',
    clinical: true,
    patientScoped: true,
    documentation: 'Signed visits',
  },
  Procedure: {
    permission: 'clinical.read_own',
    clinical: true,
    patientScoped: true,
    documentation: 'Techniques applied, with body site',
  },
  DocumentReference: {
    permission: 'reports.read',
    clinical: true,
    patientScoped: true,
    documentation: 'Generated reports',
  },
  AuditEvent: {
    permission: 'audit.read',
    clinical: false,
    patientScoped: false,
    documentation: 'The audit trail',
  },
} as const satisfies Record<string, FhirTypeRule>;

export type FhirType = keyof typeof FHIR_TYPES;
export const FHIR_TYPE_NAMES = Object.keys(FHIR_TYPES) as FhirType[];

export function isFhirType(type: string): type is FhirType {
  return Object.hasOwn(FHIR_TYPES, type);
}

const common = [
  { name: '_id', type: 'token' as const },
  { name: '_lastUpdated', type: 'date' as const },
  { name: '_count', type: 'number' as const, documentation: 'Page size, 1–200 (default 50)' },
];

export function capabilityStatement(opts: {
  baseUrl: string;
  version: string;
  date: string;
}): CapabilityStatement {
  const resource = (type: FhirType): CapabilityStatementRestResource => {
    const rule: FhirTypeRule = FHIR_TYPES[type];
    return {
      type,
      documentation: rule.documentation,
      interaction: [{ code: 'read' }, { code: 'search-type' }],
      searchParam: [
        ...common,
        ...(rule.patientScoped && type !== 'Patient'
          ? [{ name: 'patient', type: 'reference' as const }]
          : []),
        { name: 'date', type: 'date' },
        { name: 'code', type: 'token' },
      ],
      ...(type === 'Patient'
        ? {
            operation: [
              {
                name: 'everything',
                definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything',
              },
            ],
          }
        : {}),
      ...(type === 'ServiceRequest'
        ? {
            operation: [
              { name: 'import', definition: `${FASCIA_BASE}/OperationDefinition/ServiceRequest-import` },
            ],
          }
        : {}),
    };
  };
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: opts.date,
    publisher: 'Fascia',
    kind: 'instance',
    software: { name: 'Fascia', version: opts.version },
    implementation: {
      description: 'Fascia clinical software for medical massage therapy',
      url: opts.baseUrl,
    },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        documentation:
          'Signed-in staff (session cookie) or a read-only API key (Authorization: Bearer). Reads are limited by role and care team, and audited.',
        security: {
          service: [{ text: 'API key (Bearer) or session' }],
          description: 'Clinic API keys are created by the owner and can only read.',
        },
        resource: FHIR_TYPE_NAMES.map(resource),
        interaction: [{ code: 'transaction' }],
        operation: [
          { name: 'export', definition: 'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export' },
        ],
      },
    ],
  };
}
