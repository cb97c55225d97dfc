import { clinicAccessSettings } from '../../platform/clinic-access.ts';
import { Conflict, NotFound } from '../../platform/errors.ts';
import { patientAccess } from '../../platform/patient-access.ts';
import { type Actor, auditActor } from '../../platform/request-auth.ts';
import type { Tenancy } from '../../platform/tenancy.ts';
import * as repo from './emergency-access.repo.ts';

type GrantRow = Awaited<ReturnType<typeof repo.insertGrant>>;

const view = (g: GrantRow) => ({
  id: g.id,
  patientId: g.patient_id,
  reason: g.reason,
  grantedAt: new Date(g.granted_at).toISOString(),
  expiresAt: new Date(g.expires_at).toISOString(),
});

/**
 * "Break the glass" (HIPAA 45 CFR 164.312(a)(2)(ii), emergency access procedure): a therapist who
 * is not on a patient's care team and must treat them now opens the chart for the clinic's
 * configured minutes by writing why. The grant and every read under it are audited with
 * detail.breakGlass (patient-access.ts), and the owner reviews them in the audit view's
 * "Emergency access" filter. The care team itself is not changed.
 */
export class EmergencyAccessService {
  constructor(private readonly tenancy: Tenancy) {}

  request(actor: Actor, patientId: string, reason: string) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      const access = await patientAccess(tx.db, actor, patientId);
      if (!access) throw new NotFound('The patient');
      if (access.clinical && !access.emergencyGrantId)
        throw new Conflict('You can already open this chart; emergency access is not needed.');
      const { emergencyAccessMinutes } = await clinicAccessSettings(tx.db, actor.organizationId);
      const grant = await repo.insertGrant(tx.db, {
        organizationId: actor.organizationId,
        patientId,
        userId: actor.userId,
        reason,
        minutes: emergencyAccessMinutes,
      });
      tx.audit({
        action: 'patient.emergency_access',
        patientId,
        resourceType: 'emergency_access_grant',
        resourceId: grant.id,
        detail: {
          breakGlass: grant.id,
          reason,
          minutes: emergencyAccessMinutes,
          expiresAt: new Date(grant.expires_at).toISOString(),
        },
      });
      return view(grant);
    });
  }

  current(actor: Actor, patientId: string) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      if (!(await patientAccess(tx.db, actor, patientId))) throw new NotFound('The patient');
      const grant = await repo.currentGrant(tx.db, actor.organizationId, patientId, actor.userId);
      return { grant: grant ? view(grant) : null };
    });
  }
}
