import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { SessionStage } from '../../platform/request-auth.ts';
import type { Tx } from '../../platform/tenancy.ts';

/** Before the clinic is known: which clinic an email belongs to (a SECURITY DEFINER look-up). */
export async function findAccountByEmail(db: Kysely<Database>, email: string) {
  const { rows } = await sql<{ user_id: string; organization_id: string }>`
    SELECT * FROM auth_find_user_by_email(${email})`.execute(db);
  return rows[0];
}

export function getUser(tx: Tx, userId: string) {
  return tx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
}

export function getOrganization(tx: Tx, organizationId: string) {
  return tx
    .selectFrom('organizations')
    .selectAll()
    .where('id', '=', organizationId)
    .executeTakeFirstOrThrow();
}

export async function recordFailedAttempt(tx: Tx, userId: string, threshold: number, lockMinutes: number) {
  return tx
    .updateTable('users')
    .set((eb) => ({
      failed_attempts: sql`CASE WHEN failed_attempts + 1 >= ${threshold} THEN 0 ELSE failed_attempts + 1 END`,
      locked_until: sql`CASE WHEN failed_attempts + 1 >= ${threshold}
        THEN now() + make_interval(mins => ${lockMinutes}) ELSE ${eb.ref('locked_until')} END`,
    }))
    .where('id', '=', userId)
    .returning(['failed_attempts', 'locked_until'])
    .executeTakeFirstOrThrow();
}

/**
 * The sign-in throttle of one account as seen from one address: whether this address is locked out
 * of it, the account's failures within the window over all addresses, and whether the account
 * has signed in from this address before.
 */
export async function getSignInThrottle(
  tx: Tx,
  organizationId: string,
  userId: string,
  ip: string,
  windowMinutes: number,
) {
  const { rows } = await sql<{ address_locked: boolean; account_failures: number; known_address: boolean }>`
    SELECT coalesce(bool_or(ip = ${ip} AND locked_until > now()), false) AS address_locked,
           coalesce(sum(failures) FILTER (WHERE last_failure_at > now() - make_interval(mins => ${windowMinutes})), 0)::int
             AS account_failures,
           coalesce(bool_or(ip = ${ip} AND succeeded_at IS NOT NULL), false) AS known_address
      FROM sign_in_throttle
     WHERE organization_id = ${organizationId} AND user_id = ${userId}`.execute(tx);
  const r = rows[0];
  return {
    addressLocked: r?.address_locked ?? false,
    accountFailures: r?.account_failures ?? 0,
    knownAddress: r?.known_address ?? false,
  };
}

/** Counts a wrong password from this address; true when it has just locked the address out of the account. */
export async function recordSignInFailure(
  tx: Tx,
  organizationId: string,
  userId: string,
  ip: string,
  lockout: { threshold: number; minutes: number },
): Promise<boolean> {
  const { rows } = await sql<{ locked: boolean }>`
    INSERT INTO sign_in_throttle AS t (organization_id, user_id, ip, failures, last_failure_at)
    VALUES (${organizationId}, ${userId}, ${ip}, 1, now())
    ON CONFLICT (organization_id, user_id, ip) DO UPDATE SET
      failures = CASE WHEN t.last_failure_at > now() - make_interval(mins => ${lockout.minutes})
                      THEN t.failures + 1 ELSE 1 END,
      last_failure_at = now()
    RETURNING failures >= ${lockout.threshold} AS locked`.execute(tx);
  if (!rows[0]?.locked) return false;
  await tx
    .updateTable('sign_in_throttle')
    .set({ locked_until: sql`now() + make_interval(mins => ${lockout.minutes})` })
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .where('ip', '=', ip)
    .execute();
  return true;
}

export function recordSignInSuccess(tx: Tx, organizationId: string, userId: string, ip: string) {
  return sql`
    INSERT INTO sign_in_throttle AS t (organization_id, user_id, ip, succeeded_at)
    VALUES (${organizationId}, ${userId}, ${ip}, now())
    ON CONFLICT (organization_id, user_id, ip) DO UPDATE SET failures = 0, locked_until = NULL, succeeded_at = now()`.execute(
    tx,
  );
}

export function recordSuccessfulSignIn(tx: Tx, userId: string, full: boolean) {
  return tx
    .updateTable('users')
    .set({ failed_attempts: 0, locked_until: null, ...(full ? { last_sign_in_at: sql`now()` } : {}) })
    .where('id', '=', userId)
    .execute();
}

export function insertSession(
  tx: Tx,
  s: {
    organizationId: string;
    userId: string;
    tokenHash: string;
    csrfToken: string;
    stage: SessionStage;
    absoluteHours: number;
    ip: string;
    userAgent: string | null;
  },
) {
  return tx
    .insertInto('sessions')
    .values({
      organization_id: s.organizationId,
      user_id: s.userId,
      token_hash: s.tokenHash,
      csrf_token: s.csrfToken,
      stage: s.stage,
      expires_at: sql`now() + make_interval(hours => ${s.absoluteHours})`,
      ip: s.ip,
      user_agent: s.userAgent,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function setSessionStage(tx: Tx, sessionId: string, stage: SessionStage) {
  return tx.updateTable('sessions').set({ stage }).where('id', '=', sessionId).execute();
}

export function endSession(tx: Tx, sessionId: string, reason: string) {
  return tx
    .updateTable('sessions')
    .set({ ended_at: sql`now()`, end_reason: reason })
    .where('id', '=', sessionId)
    .where('ended_at', 'is', null)
    .execute();
}

export function endOtherSessions(tx: Tx, userId: string, keepSessionId: string | null, reason: string) {
  let q = tx
    .updateTable('sessions')
    .set({ ended_at: sql`now()`, end_reason: reason })
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null);
  if (keepSessionId) q = q.where('id', '!=', keepSessionId);
  return q.execute();
}

export function setPendingMfaSecret(tx: Tx, userId: string, sealedSecret: string) {
  return tx.updateTable('users').set({ mfa_pending_secret: sealedSecret }).where('id', '=', userId).execute();
}

/** The confirmed pending secret becomes the active one, in the same statement that clears it. */
export function activatePendingMfaSecret(tx: Tx, userId: string, sealedSecret: string, step: bigint) {
  return tx
    .updateTable('users')
    .set({
      mfa_secret: sealedSecret,
      mfa_pending_secret: null,
      mfa_enrolled_at: sql`now()`,
      mfa_last_step: step.toString(),
    })
    .where('id', '=', userId)
    .where('mfa_pending_secret', '=', sealedSecret)
    .execute();
}

export function setMfaLastStep(tx: Tx, userId: string, step: bigint) {
  return tx.updateTable('users').set({ mfa_last_step: step.toString() }).where('id', '=', userId).execute();
}

export async function replaceRecoveryCodes(tx: Tx, organizationId: string, userId: string, hashes: string[]) {
  await tx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await tx
    .insertInto('recovery_codes')
    .values(hashes.map((code_hash) => ({ organization_id: organizationId, user_id: userId, code_hash })))
    .execute();
}

/** Marks a recovery code used; true when it existed and was unused. */
export async function useRecoveryCode(tx: Tx, userId: string, codeHash: string): Promise<boolean> {
  const res = await tx
    .updateTable('recovery_codes')
    .set({ used_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return res.numUpdatedRows > 0n;
}

export function setPasswordHash(tx: Tx, userId: string, passwordHash: string) {
  return tx
    .updateTable('users')
    .set({ password_hash: passwordHash, password_changed_at: sql`now()` })
    .where('id', '=', userId)
    .execute();
}

export function getProfile(tx: Tx, userId: string) {
  return tx
    .selectFrom('users')
    .select(['name', 'email', 'credentials', 'license_number'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
}

export function updateProfile(
  tx: Tx,
  userId: string,
  p: {
    name?: string | undefined;
    credentials?: string | null | undefined;
    licenseNumber?: string | null | undefined;
  },
) {
  return tx
    .updateTable('users')
    .set({
      ...(p.name !== undefined && { name: p.name }),
      ...(p.credentials !== undefined && { credentials: p.credentials }),
      ...(p.licenseNumber !== undefined && { license_number: p.licenseNumber }),
    })
    .where('id', '=', userId)
    .returning(['name', 'email', 'credentials', 'license_number'])
    .executeTakeFirstOrThrow();
}
