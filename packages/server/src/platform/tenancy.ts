import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { type AuditActor, type AuditEvent, appendAuditEvents } from './audit.ts';

export type Tx = Transaction<Database>;

/** What a service gets inside a request's transaction: the tenant-bound connection and the audit log. */
export interface TenantTx {
  db: Tx;
  organizationId: string;
  audit(event: AuditEvent): void;
}

/**
 * Runs work for one clinic in one transaction. The tenant is set with set_config(…, true), which
 * lasts until the end of this transaction only, so a pooled connection never carries a tenant into
 * another request. Audit events recorded during the work are appended just before COMMIT: the data
 * change and its audit row commit together or not at all.
 */
export class Tenancy {
  constructor(readonly db: Kysely<Database>) {}

  run<T>(organizationId: string, actor: AuditActor, work: (tx: TenantTx) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(async (trx) => {
      await sql`SELECT set_config('app.organization_id', ${organizationId}, true)`.execute(trx);
      const events: AuditEvent[] = [];
      const result = await work({ db: trx, organizationId, audit: (e) => events.push(e) });
      await appendAuditEvents(trx, organizationId, actor, events);
      return result;
    });
  }

  /** Records events on their own, e.g. a refusal whose request transaction was rolled back. */
  record(organizationId: string, actor: AuditActor, ...events: AuditEvent[]): Promise<void> {
    return this.run(organizationId, actor, async (tx) => {
      for (const e of events) tx.audit(e);
    });
  }
}
