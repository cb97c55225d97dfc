import { sql } from 'kysely';
import type { Lease } from './tenancy.ts';

/**
 * The transaction a GET request's authentication opened: BEGIN, the session look-up and the
 * clinic's tenant setting went out as one message (request-auth.ts). The request's first
 * Tenancy.run for that clinic continues in it, saving a round trip and a pool checkout; if
 * nothing claims it, close() commits it when the response is done (the look-up may have recorded
 * the session's activity).
 *
 * Only GET requests open one: they carry no body, so the connection is not held while a client
 * uploads.
 */
export class RequestTransaction {
  private lease: Lease | undefined;

  constructor(
    lease: Lease,
    readonly organizationId: string,
  ) {
    this.lease = lease;
  }

  /** Hands the open transaction to Tenancy.run, once, and only for its own clinic. */
  claim(organizationId: string): Lease | undefined {
    if (organizationId !== this.organizationId) return undefined;
    const lease = this.lease;
    this.lease = undefined;
    return lease;
  }

  async close(): Promise<void> {
    const lease = this.lease;
    if (!lease) return;
    this.lease = undefined;
    try {
      await sql.raw('COMMIT').execute(lease.conn);
    } catch {
      await sql
        .raw('ROLLBACK')
        .execute(lease.conn)
        .catch(() => {});
    } finally {
      lease.release();
    }
  }
}
