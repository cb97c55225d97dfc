import {
  type ClinicAccessSettings,
  can,
  canInClinic,
  grantableByClinic,
  type Permission,
} from '@fascia/domain/access/permissions';
import type { Actor } from './request-auth.ts';
import type { Tenancy, Tx } from './tenancy.ts';

export interface ClinicAccess extends ClinicAccessSettings {
  emergencyAccessMinutes: number;
}

/** The clinic's access settings (Settings → Access). */
export async function clinicAccessSettings(tx: Tx, organizationId: string): Promise<ClinicAccess> {
  const row = await tx
    .selectFrom('organizations')
    .select(['front_desk_manages_care_team', 'emergency_access_minutes'])
    .where('id', '=', organizationId)
    .executeTakeFirstOrThrow();
  return {
    frontDeskManagesCareTeam: row.front_desk_manages_care_team,
    emergencyAccessMinutes: row.emergency_access_minutes,
  };
}

/** The matrix, widened by this clinic's settings; the settings are read only when they could matter. */
export async function mayInClinic(
  tx: Tx,
  actor: Pick<Actor, 'role' | 'organizationId'>,
  permission: Permission,
): Promise<boolean> {
  if (can(actor.role, permission)) return true;
  if (!grantableByClinic(actor.role, permission)) return false;
  return canInClinic(actor.role, permission, await clinicAccessSettings(tx, actor.organizationId));
}

/**
 * For the route check (request-auth.ts), before the body is read: one short transaction of its
 * own, taken only by a role the matrix refuses and a clinic setting could admit.
 */
export function routeAllowedByClinic(
  tenancy: Tenancy,
  actor: Pick<Actor, 'role' | 'organizationId'>,
  permission: Permission,
): Promise<boolean> {
  if (!grantableByClinic(actor.role, permission)) return Promise.resolve(false);
  return tenancy.run(actor.organizationId, {}, (tx) => mayInClinic(tx.db, actor, permission));
}
