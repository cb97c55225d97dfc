import { sql } from 'kysely';
import type { TenantTx } from '../../platform/tenancy.ts';

export function findShare(tx: TenantTx, shareId: string, opts: { lock: boolean }) {
  const query = tx.db
    .selectFrom('document_shares')
    .selectAll()
    .where('organization_id', '=', tx.organizationId)
    .where('id', '=', shareId);
  return (opts.lock ? query.forUpdate() : query).executeTakeFirstOrThrow();
}

/**
 * Counts a wrong code in the row itself (never from a value read earlier) and closes the link with
 * the last allowed one; returns the count after this attempt.
 */
export async function recordWrongCode(tx: TenantTx, shareId: string, maxWrongCodes: number) {
  const row = await tx.db
    .updateTable('document_shares')
    .set({
      failed_codes: sql`failed_codes + 1`,
      revoked_at: sql`CASE WHEN failed_codes + 1 >= ${maxWrongCodes} THEN now() ELSE revoked_at END`,
    })
    .where('organization_id', '=', tx.organizationId)
    .where('id', '=', shareId)
    .returning('failed_codes')
    .executeTakeFirstOrThrow();
  return row.failed_codes;
}
