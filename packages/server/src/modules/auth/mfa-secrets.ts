import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import {
  isSealed,
  missingKeyMessage,
  type SecretBox,
  SecretKeyError,
  sealedKeyId,
} from '../../platform/auth/secret-box.ts';

/** The additional data every TOTP seed is sealed with: a sealed value opens only on its own account. */
export const totpContext = (userId: string) => `totp:${userId}`;

const COLUMNS = ['mfa_secret', 'mfa_pending_secret'] as const;

/**
 * Run by the owner connection at start, `migrate` and `secrets rotate`, over every clinic:
 * - refuses (fails closed, naming the key ids) when a stored seed is sealed with a key the server
 *   does not hold, so a wrong FASCIA_SECRETS_KEY stops the start instead of breaking sign-in;
 * - seals seeds still in clear (stored by earlier versions); idempotent;
 * - with `reseal`, re-seals every seed not under the current key (key rotation).
 * Returns how many values were written.
 */
export async function sealStoredMfaSecrets(
  ownerDb: Kysely<Database>,
  box: SecretBox,
  opts: { reseal?: boolean } = {},
): Promise<number> {
  const current = `fs1.${box.currentKeyId}.%`;
  return ownerDb.transaction().execute(async (trx) => {
    // In steady state (everything under the current key) this reads no rows.
    const rows = await trx
      .selectFrom('users')
      .select(['id', 'organization_id', 'mfa_secret', 'mfa_pending_secret'])
      .where((eb) => eb.or(COLUMNS.map((c) => eb.and([eb(c, 'is not', null), eb(c, 'not like', current)]))))
      .forUpdate()
      .execute();
    const missing = new Set<string>();
    for (const row of rows)
      for (const c of COLUMNS) {
        const id = row[c] ? sealedKeyId(row[c] as string) : null;
        if (id && !box.hasKey(id)) missing.add(id);
      }
    if (missing.size) throw new SecretKeyError(missingKeyMessage([...missing], box.keyIds));
    let written = 0;
    for (const row of rows) {
      const patch: Partial<Record<(typeof COLUMNS)[number], string>> = {};
      for (const c of COLUMNS) {
        const value = row[c];
        if (!value) continue;
        if (!isSealed(value)) patch[c] = box.seal(value, totpContext(row.id));
        else if (opts.reseal) patch[c] = box.seal(box.open(value, totpContext(row.id)), totpContext(row.id));
      }
      if (Object.keys(patch).length === 0) continue;
      await trx
        .updateTable('users')
        .set(patch)
        .where('organization_id', '=', row.organization_id)
        .where('id', '=', row.id)
        .execute();
      written += Object.keys(patch).length;
    }
    return written;
  });
}
