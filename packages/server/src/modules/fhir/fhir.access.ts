import { can } from '@fascia/domain/access/permissions';
import { FHIR_TYPES, type FhirType } from '@fascia/domain/fhir/capability';
import { Forbidden, NotFound } from '../../platform/errors.ts';
import { patientAccess } from '../../platform/patient-access.ts';
import { type Actor, auditActor } from '../../platform/request-auth.ts';
import type { Tenancy, Tx } from '../../platform/tenancy.ts';

/**
 * The FHIR API enforces the REST API's rules per resource type (capability.ts): the type's
 * permission from the matrix, then for clinical types the care team. Refusals are recorded on
 * their own, because the request's transaction is rolled back with the error.
 */
export async function refuse(
  tenancy: Tenancy,
  actor: Actor,
  detail: Record<string, unknown>,
  patientId?: string,
): Promise<never> {
  await tenancy.record(actor.organizationId, auditActor(actor), {
    action: 'access.denied',
    outcome: 'denied',
    ...(patientId ? { patientId } : {}),
    detail: { ...detail, role: actor.role, ...(actor.apiKeyId ? { apiKey: actor.apiKeyId } : {}) },
  });
  throw detail.reason === 'care_team' ? new NotFound('The patient') : new Forbidden();
}

export async function assertTypeAllowed(tenancy: Tenancy, actor: Actor, type: FhirType, route: string) {
  const permission = FHIR_TYPES[type].permission;
  if (!can(actor.role, permission)) await refuse(tenancy, actor, { route, permission, resourceType: type });
}

/** Clinical types are read for every patient by owners and admins, else for the care team only. */
export function careTeamScope(actor: Actor, type: FhirType): string | undefined {
  return FHIR_TYPES[type].clinical && !can(actor.role, 'clinical.read_all') ? actor.userId : undefined;
}

/**
 * A read of one patient: not found for another clinic's patient, refused (as not found) for a
 * clinical type off the care team. Returns whether the actor may read the patient's clinical record.
 */
export async function assertPatientReadable(
  tenancy: Tenancy,
  tx: Tx,
  actor: Actor,
  type: FhirType,
  patientId: string,
  route: string,
): Promise<boolean> {
  const access = await patientAccess(tx, actor, patientId);
  if (!access) throw new NotFound('The patient');
  if (!FHIR_TYPES[type].clinical || access.clinical) return access.clinical;
  return refuse(tenancy, actor, { route, resourceType: type, reason: 'care_team' }, patientId);
}
