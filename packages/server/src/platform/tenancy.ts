import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../db/schema.ts';
import { type AuditActor, type AuditEvent, auditAppendStatement, type ReadAuditCommit } from './audit.ts';
import type { AuditKeyring } from './audit-keys.ts';
import type { RequestTransaction } from './request-transaction.ts';

/**
 * A connection inside a request's transaction. Services only build queries on it; they never
 * open or end transactions themselves (Tenancy does, see below).
 */
export type Tx = Kysely<Database>;

/** What a service gets inside a request's transaction: the tenant-bound connection and the audit log. */
export interface TenantTx {
  db: Tx;
  organizationId: string;
  audit(event: AuditEvent): void;
}

/** One pooled connection held until release(). */
export interface Lease {
  conn: Tx;
  release(): void;
}

/** Who acts, and the transaction their request's authentication already opened, if any. */
export interface RunActor extends AuditActor {
  requestTransaction?: RequestTransaction | undefined;
}

/**
 * Runs work for one clinic in one transaction. The tenant is set with set_config(…, true), which
 * lasts until the end of this transaction only, so a pooled connection never carries a tenant into
 * another request. Audit events recorded during the work are appended just before COMMIT: the data
 * change and its audit row commit together or not at all.
 *
 * Round trips are what a request pays for under load (docs/performance.md), so the transaction is
 * driven by hand: BEGIN goes out with the tenant setting (or, for a GET, with the session look-up:
 * see RequestTransaction), and the audit append with COMMIT, each pair as one simple-protocol
 * message that PostgreSQL runs in order and stops at the first error.
 */
export class Tenancy {
  constructor(
    readonly db: Kysely<Database>,
    private readonly readAuditCommit: ReadAuditCommit = 'sync',
    /** Signs each audit row (migration 0013); without it rows are unkeyed and verify reports them. */
    private readonly auditKeys: AuditKeyring | null = null,
  ) {}

  async run<T>(organizationId: string, actor: RunActor, work: (tx: TenantTx) => Promise<T>): Promise<T> {
    const opened = actor.requestTransaction?.claim(organizationId);
    const lease = opened ?? (await this.lease());
    try {
      if (!opened) await sql.raw(`BEGIN; ${setTenantStatement(organizationId)}`).execute(lease.conn);
      const events: AuditEvent[] = [];
      const result = await work({ db: lease.conn, organizationId, audit: (e) => events.push(e) });
      tagEvents(lease.conn, events);
      const commit =
        events.length === 0
          ? 'COMMIT'
          : `${auditAppendStatement(organizationId, actor, events, this.readAuditCommit, this.auditKeys)}; COMMIT`;
      await sql.raw(commit).execute(lease.conn);
      return result;
    } catch (err) {
      await sql
        .raw('ROLLBACK')
        .execute(lease.conn)
        .catch(() => {});
      throw err;
    } finally {
      patientAuditTags.delete(lease.conn);
      lease.release();
    }
  }

  /** Records events on their own, e.g. a refusal whose request transaction was rolled back. */
  record(organizationId: string, actor: RunActor, ...events: AuditEvent[]): Promise<void> {
    return this.run(organizationId, actor, async (tx) => {
      for (const e of events) tx.audit(e);
    });
  }

  /** A connection of the pool, held by the caller until it calls release(). */
  lease(): Promise<Lease> {
    return new Promise((resolve, reject) => {
      this.db
        .connection()
        .execute((conn) => new Promise<void>((release) => resolve({ conn, release: () => release() })))
        .catch(reject);
    });
  }
}

/**
 * Detail added to every audit event of the running transaction about one patient. Access checks
 * (patient-access.ts) know that a chart was opened under emergency access; the services that record
 * the reads need not, and cannot forget to flag them. Keyed by the transaction's connection, which
 * one request holds alone until run() ends and clears it.
 */
const patientAuditTags = new WeakMap<Tx, Map<string, Record<string, unknown>>>();

export function tagPatientAudit(db: Tx, patientId: string, detail: Record<string, unknown>): void {
  let tags = patientAuditTags.get(db);
  if (!tags) {
    tags = new Map();
    patientAuditTags.set(db, tags);
  }
  tags.set(patientId, { ...tags.get(patientId), ...detail });
}

function tagEvents(db: Tx, events: AuditEvent[]): void {
  const tags = patientAuditTags.get(db);
  if (!tags) return;
  for (const [i, e] of events.entries()) {
    const tag = e.patientId ? tags.get(e.patientId) : undefined;
    if (tag) events[i] = { ...e, detail: { ...e.detail, ...tag } };
  }
}

/** Binds the transaction to a clinic; row-level security reads this setting. */
export function setTenantStatement(organizationId: string): string {
  return `SELECT set_config('app.organization_id', ${pg.escapeLiteral(organizationId)}, true)`;
}
