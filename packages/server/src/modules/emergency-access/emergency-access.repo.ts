import { sql } from 'kysely';
import type { Tx } from '../../platform/tenancy.ts';

const columns = ['id', 'patient_id', 'user_id', 'reason', 'granted_at', 'expires_at'] as const;

/** A grant runs for the clinic's configured minutes from the database's clock, not the server's. */
export function insertGrant(
  tx: Tx,
  g: { organizationId: string; patientId: string; userId: string; reason: string; minutes: number },
) {
  return tx
    .insertInto('emergency_access_grants')
    .values({
      organization_id: g.organizationId,
      patient_id: g.patientId,
      user_id: g.userId,
      reason: g.reason,
      expires_at: sql`now() + make_interval(mins => ${g.minutes})`,
    })
    .returning(columns)
    .executeTakeFirstOrThrow();
}

/** This user's unexpired grant for this patient, the one ending last. */
export function currentGrant(tx: Tx, organizationId: string, patientId: string, userId: string) {
  return tx
    .selectFrom('emergency_access_grants')
    .select(columns)
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .where('patient_id', '=', patientId)
    .where('expires_at', '>', sql<Date>`now()`)
    .orderBy('expires_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}
