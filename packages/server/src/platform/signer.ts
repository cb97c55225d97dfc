import { Invalid } from './errors.ts';
import type { Actor } from './request-auth.ts';
import type { Tx } from './tenancy.ts';

/**
 * A signed record names its signer with their credentials (and, for a therapist, the licence that
 * lets them treat), so a record is not signed by someone whose profile lacks them. Checked before
 * anything is written, so a refused signature changes nothing.
 */
export async function signerOf(tx: Tx, actor: Actor) {
  const user = await tx
    .selectFrom('users')
    .select(['name', 'credentials', 'license_number'])
    .where('organization_id', '=', actor.organizationId)
    .where('id', '=', actor.userId)
    .executeTakeFirstOrThrow();
  const missing: Array<{ field: string; message: string }> = [];
  if (!user.credentials?.trim())
    missing.push({
      field: 'credentials',
      message: 'Add your credentials to your profile before signing (e.g. LMT).',
    });
  if (actor.role === 'therapist' && !user.license_number?.trim())
    missing.push({
      field: 'licenseNumber',
      message: 'Add your licence number to your profile before signing.',
    });
  if (missing.length) throw new Invalid(missing);
  return user;
}
