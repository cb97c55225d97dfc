import { sql } from 'kysely';
import type { Tx } from '../../platform/tenancy.ts';

export interface AuditFilter {
  action?: string | undefined;
  actorId?: string | undefined;
  patientId?: string | undefined;
  outcome?: 'success' | 'failure' | 'denied' | undefined;
  /** Only what was done under emergency ("break the glass") access: the grants and the reads. */
  emergencyAccess?: boolean | undefined;
  from?: string | undefined;
  to?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/**
 * Newest first, keyset-paginated on the per-clinic sequence number. With a date range the order is
 * (occurred_at, seq) — the same order, since events are stamped under the append lock — so the
 * time index answers a day long past without walking every newer event.
 */
export function findAuditEvents(tx: Tx, f: AuditFilter) {
  let q = tx
    .selectFrom('audit_events')
    .select([
      'seq',
      'occurred_at',
      'actor_id',
      'actor_email',
      'action',
      'outcome',
      'patient_id',
      'resource_type',
      'resource_id',
      'ip',
      'detail',
    ])
    .limit(f.limit + 1);
  q = f.from || f.to ? q.orderBy('occurred_at', 'desc').orderBy('seq', 'desc') : q.orderBy('seq', 'desc');
  if (f.action)
    q = f.action.endsWith('.') ? q.where('action', 'like', `${f.action}%`) : q.where('action', '=', f.action);
  if (f.actorId) q = q.where('actor_id', '=', f.actorId);
  if (f.patientId) q = q.where('patient_id', '=', f.patientId);
  if (f.outcome) q = q.where('outcome', '=', f.outcome);
  // Written as the partial index's predicate (migration 0015) so the planner can use it.
  if (f.emergencyAccess) q = q.where(sql<boolean>`detail ? 'breakGlass'`);
  if (f.from) q = q.where('occurred_at', '>=', new Date(f.from));
  if (f.to) q = q.where('occurred_at', '<', new Date(f.to));
  if (f.cursor) q = q.where('seq', '<', f.cursor);
  return q.execute();
}
