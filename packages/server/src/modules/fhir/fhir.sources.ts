import type { Role } from '@fascia/domain/access/permissions';
import type { RomMeasurement } from '@fascia/domain/assessment/rom';
import { toFhirAuditEvent } from '@fascia/domain/fhir/audit-event';
import type { FhirType } from '@fascia/domain/fhir/capability';
import { toFhirCarePlan, toFhirGoal } from '@fascia/domain/fhir/care-plan';
import { isUuid, parsePartId } from '@fascia/domain/fhir/common';
import { toFhirDocumentReference } from '@fascia/domain/fhir/document-reference';
import { noteResources } from '@fascia/domain/fhir/encounter';
import { toFhirAllergy, toFhirCondition, toFhirMedicationStatement } from '@fascia/domain/fhir/history';
import {
  type AssessmentRow,
  assessmentObservations,
  toFhirOutcomeScore,
} from '@fascia/domain/fhir/observations';
import { toFhirCoverage, toFhirPatient } from '@fascia/domain/fhir/patient';
import {
  toFhirOrganization,
  toFhirPractitionerRole,
  toFhirProviderPractitioner,
  toFhirStaffPractitioner,
} from '@fascia/domain/fhir/practitioner';
import { toFhirQuestionnaireResponse } from '@fascia/domain/fhir/questionnaire-response';
import { toFhirServiceRequest } from '@fascia/domain/fhir/service-request';
import type { OutcomeResponse } from '@fascia/domain/outcomes/response.schema';
import type { ScoreResult } from '@fascia/domain/outcomes/score';
import type { Allergy, Condition, Medication } from '@fascia/domain/patients/health-history.schema';
import type { Coverage, Patient } from '@fascia/domain/patients/patient.schema';
import type { PlanOfCare } from '@fascia/domain/plans/plan-of-care.schema';
import type { ReferringProvider } from '@fascia/domain/referrals/provider.schema';
import type { Referral } from '@fascia/domain/referrals/referral.schema';
import type { SignedNote } from '@fascia/domain/sessions/session-note.schema';
import type { Resource } from '@medplum/fhirtypes';
import type { Tx } from '../../platform/tenancy.ts';
import * as repo from './fhir.repo.ts';

/**
 * Where each FHIR type comes from: one or more source tables, each row mapped to one or more
 * resources by the pure mappers in packages/domain/src/fhir. A search walks the sources in order
 * and the rows of each in id order, which is what the keyset cursor records.
 */
export interface SourceRow {
  id: string;
  patientId: string | null;
  resources: () => Resource[];
}

export interface MapContext {
  baseUrl: string;
  today: string;
}

export interface Source {
  /** Id prefixes of the resources this source derives from part of a row (common.ts partId). */
  prefixes?: readonly string[];
  fetch(tx: Tx, q: repo.RowQuery, ctx: MapContext): Promise<SourceRow[]>;
}

const day = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10));

const patientSource: Source = {
  fetch: async (tx, q) =>
    (await repo.patients(tx, q)).map((r) => ({
      id: r.id,
      patientId: r.id,
      resources: () => [
        toFhirPatient({
          id: r.id,
          organizationId: r.organization_id,
          record: r.data as Patient,
          version: r.version,
          updatedAt: r.updated_at,
        }),
      ],
    })),
};

const staffRow = (r: Awaited<ReturnType<typeof repo.staff>>[number]) => ({
  id: r.id,
  organizationId: r.organization_id,
  name: r.name,
  role: r.role as Role,
  active: r.active,
  createdAt: r.created_at,
});

const staffPractitioners: Source = {
  fetch: async (tx, q) =>
    (await repo.staff(tx, q)).map((r) => ({
      id: r.id,
      patientId: null,
      resources: () => [toFhirStaffPractitioner(staffRow(r))],
    })),
};

const providerPractitioners: Source = {
  fetch: async (tx, q) =>
    (await repo.providers(tx, q)).map((r) => ({
      id: r.id,
      patientId: null,
      resources: () => [
        toFhirProviderPractitioner({
          id: r.id,
          provider: r.data as ReferringProvider,
          updatedAt: r.updated_at,
        }),
      ],
    })),
};

function history<T>(
  kind: 'conditions' | 'allergies' | 'medications',
  map: (row: { id: string; patientId: string; item: T; recordedAt: Date; recordedBy: string }) => Resource,
): Source {
  return {
    fetch: async (tx, q) =>
      (await repo.historyItems(tx, kind, q)).map((r) => ({
        id: r.id,
        patientId: r.patient_id,
        resources: () => [
          map({
            id: r.id,
            patientId: r.patient_id,
            item: r.data as T,
            recordedAt: r.recorded_at,
            recordedBy: r.recorded_by,
          }),
        ],
      })),
  };
}

const outcomeRows = async (tx: Tx, q: repo.RowQuery) => repo.outcomeResponses(tx, q);

const outcomeScores: Source = {
  prefixes: ['os'],
  fetch: async (tx, q) =>
    (await outcomeRows(tx, q)).map((r) => ({
      id: r.id,
      patientId: r.patient_id,
      resources: () => [
        toFhirOutcomeScore(r.id, r.result as ScoreResult, {
          patientId: r.patient_id,
          effective: day(r.administered_on),
          status: 'final',
          lastUpdated: r.created_at,
          ...(r.created_by ? { performerId: r.created_by } : {}),
        }),
      ],
    })),
};

const assessmentFindings: Source = {
  prefixes: ['pm', 'rom', 'st'],
  fetch: async (tx, q) =>
    (await repo.signedAssessments(tx, q)).map((r) => ({
      id: r.id,
      patientId: r.patient_id,
      resources: () => {
        const c = r.content as {
          painDrawing?: AssessmentRow['content']['painDrawing'];
          rom?: RomMeasurement[];
        };
        return assessmentObservations({
          id: r.id,
          patientId: r.patient_id,
          therapistId: r.therapist_id,
          performedOn: day(r.performed_on),
          signedAt: r.signed_at ?? new Date(),
          content: {
            painDrawing: c.painDrawing ?? { marks: [] },
            rom: c.rom ?? [],
            specialTests: (r.content as AssessmentRow['content']).specialTests ?? [],
          },
        });
      },
    })),
};

type NotePart = 'encounter' | 'procedures' | 'observations';

function notes(part: NotePart, prefixes?: readonly string[]): Source {
  return {
    ...(prefixes ? { prefixes } : {}),
    fetch: async (tx, q) =>
      (await repo.signedNotes(tx, q, part === 'procedures')).map((r) => ({
        id: r.id,
        patientId: r.patient_id,
        resources: () => {
          const all = noteResources({
            id: r.id,
            organizationId: r.organization_id,
            patientId: r.patient_id,
            therapistId: r.therapist_id,
            referralId: r.referral_id,
            planId: r.plan_id,
            visitDate: day(r.visit_date),
            signedAt: r.signed_at ?? new Date(),
            note: r.content as SignedNote,
          });
          return part === 'encounter' ? [all.encounter] : all[part];
        },
      })),
  };
}

function planSource(part: 'plan' | 'goals'): Source {
  return {
    ...(part === 'goals' ? { prefixes: ['gl'] } : {}),
    fetch: async (tx, q) =>
      (await repo.plans(tx, q)).map((r) => {
        const row = {
          id: r.id,
          patientId: r.patient_id,
          referralId: r.referral_id,
          createdBy: r.created_by,
          createdAt: r.created_at,
          updatedAt: r.updated_at,
          version: r.current_version,
          versionReason: r.reason,
          content: r.content as PlanOfCare,
          current: r.current,
        };
        return {
          id: r.id,
          patientId: r.patient_id,
          resources: () =>
            part === 'plan' ? [toFhirCarePlan(row)] : row.content.goals.map((g, i) => toFhirGoal(row, g, i)),
        };
      }),
  };
}

export const SOURCES: Record<FhirType, readonly Source[]> = {
  Patient: [patientSource],
  Practitioner: [staffPractitioners, providerPractitioners],
  PractitionerRole: [
    {
      fetch: async (tx, q) =>
        (await repo.staff(tx, q)).map((r) => ({
          id: r.id,
          patientId: null,
          resources: () => [toFhirPractitionerRole(staffRow(r))],
        })),
    },
  ],
  Organization: [
    {
      fetch: async (tx, q) =>
        (await repo.organizations(tx, q)).map((r) => ({
          id: r.id,
          patientId: null,
          resources: () => [toFhirOrganization({ id: r.id, name: r.name, createdAt: r.created_at })],
        })),
    },
  ],
  Coverage: [
    {
      fetch: async (tx, q) =>
        (await repo.coverages(tx, q)).map((r) => ({
          id: r.id,
          patientId: r.patient_id,
          resources: () => [
            toFhirCoverage({
              id: r.id,
              patientId: r.patient_id,
              coverage: r.data as Coverage,
              updatedAt: r.updated_at,
            }),
          ],
        })),
    },
  ],
  ServiceRequest: [
    {
      fetch: async (tx, q, ctx) =>
        (await repo.referrals(tx, q)).map((r) => ({
          id: r.id,
          patientId: r.patient_id,
          resources: () => [
            toFhirServiceRequest({
              id: r.id,
              patientId: r.patient_id,
              providerId: r.provider_id,
              providerNpi: r.npi,
              providerName: r.display_name,
              referral: r.data as Omit<Referral, 'patientId' | 'providerId'>,
              status: day(r.valid_until) < ctx.today ? 'completed' : 'active',
              updatedAt: r.updated_at,
            }),
          ],
        })),
    },
  ],
  Condition: [history<Condition>('conditions', toFhirCondition)],
  AllergyIntolerance: [history<Allergy>('allergies', toFhirAllergy)],
  MedicationStatement: [history<Medication>('medications', toFhirMedicationStatement)],
  Observation: [outcomeScores, assessmentFindings, notes('observations', ['pb', 'pa'])],
  QuestionnaireResponse: [
    {
      fetch: async (tx, q) =>
        (await outcomeRows(tx, q)).map((r) => ({
          id: r.id,
          patientId: r.patient_id,
          resources: () => [
            toFhirQuestionnaireResponse({
              id: r.id,
              patientId: r.patient_id,
              response: r.response as OutcomeResponse,
              createdBy: r.created_by,
              createdAt: r.created_at,
            }),
          ],
        })),
    },
  ],
  CarePlan: [planSource('plan')],
  Goal: [planSource('goals')],
  Encounter: [notes('encounter')],
  Procedure: [notes('procedures', ['pr'])],
  DocumentReference: [
    {
      fetch: async (tx, q, ctx) =>
        (await repo.documents(tx, q)).map((r) => ({
          id: r.id,
          patientId: r.patient_id,
          resources: () => [
            toFhirDocumentReference(
              {
                id: r.id,
                patientId: r.patient_id,
                referralId: r.referral_id,
                noteId: r.note_id,
                kind: r.kind,
                version: r.version,
                title: r.title,
                mediaType: r.media_type,
                sha256: r.sha256,
                sizeBytes: r.size_bytes,
                generatedBy: r.generated_by,
                createdAt: r.created_at,
              },
              `${ctx.baseUrl.replace(/\/fhir\/R4$/, '')}/api/documents/${r.id}`,
            ),
          ],
        })),
    },
  ],
  AuditEvent: [
    {
      fetch: async (tx, q) =>
        (await repo.auditEvents(tx, q)).map((r) => ({
          id: r.id,
          patientId: r.patient_id,
          resources: () => [
            toFhirAuditEvent({
              id: r.id,
              organizationId: r.organization_id,
              seq: String(r.seq),
              occurredAt: r.occurred_at,
              actorId: r.actor_id,
              actorEmail: r.actor_email,
              action: r.action,
              outcome: r.outcome,
              patientId: r.patient_id,
              resourceType: r.resource_type,
              resourceId: r.resource_id,
              ip: r.ip,
              detail: r.detail,
              hash: r.hash,
            }),
          ],
        })),
    },
  ],
};

/** The sources and row a resource id can point at; none when the id cannot be one of ours. */
export function locate(type: FhirType, id: string): { sources: Source[]; rowId: string } {
  const part = parsePartId(id);
  if (part) {
    return { sources: SOURCES[type].filter((s) => s.prefixes?.includes(part.prefix)), rowId: part.rowId };
  }
  if (!isUuid(id)) return { sources: [], rowId: id };
  // A plain uuid: the sources without prefixes (Practitioner has two: staff, then referring providers).
  return { sources: SOURCES[type].filter((s) => !s.prefixes), rowId: id };
}
