import { coverageSchema, patientSchema } from '@fascia/domain/patients/patient.schema';
import { z } from 'zod';

export const patientBody = z.object({
  record: patientSchema,
  /**
   * The therapists treating the patient; a therapist registering a patient is added anyway. On an
   * update it may only be changed with patients.care_team.manage (see PUT …/care-team).
   */
  careTeam: z.array(z.uuid()).max(20).optional(),
  /** For updates: the version the form was loaded from; a newer one on the server is a conflict. */
  version: z.number().int().min(1).optional(),
});
export type PatientBody = z.infer<typeof patientBody>;

export const patientId = z.object({ id: z.uuid() });

/** The therapists on a patient's care team, replaced as a whole. */
export const careTeamBody = z.object({ careTeam: z.array(z.uuid()).max(20) });

export const patientAlert = z.object({
  kind: z.enum(['contraindication', 'allergy', 'pregnancy', 'device']),
  level: z.enum(['danger', 'warning', 'info']),
  label: z.string(),
  detail: z.string().optional(),
  ruleId: z.string().optional(),
});

const careTeamMember = z.object({ id: z.uuid(), displayName: z.string() });

export const patientView = z.object({
  id: z.uuid(),
  version: z.number().int(),
  record: patientSchema,
  careTeam: z.array(careTeamMember),
  /** Present for staff who may read the clinical record; the chart header shows them. */
  alerts: z.array(patientAlert).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PatientView = z.infer<typeof patientView>;

export const patientSummary = z.object({
  id: z.uuid(),
  legalName: z.object({
    given: z.string(),
    middle: z.string().optional(),
    family: z.string(),
    suffix: z.string().optional(),
  }),
  preferredName: z.string().optional(),
  dateOfBirth: z.string(),
  sex: z.string(),
  phone: z.string().optional(),
});

export const patientListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  dateOfBirth: z.iso.date().optional(),
  phone: z.string().trim().max(30).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type PatientListQuery = z.infer<typeof patientListQuery>;

export const coverageView = z.object({ id: z.uuid(), coverage: coverageSchema });
export const coverageParams = z.object({ id: z.uuid(), coverageId: z.uuid() });
export { coverageSchema };
