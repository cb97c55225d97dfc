import { sql } from 'kysely';
import type { Tx } from '../../platform/tenancy.ts';

const staffColumns = ['id', 'email', 'name', 'role', 'active', 'mfa_enrolled_at', 'last_sign_in_at'] as const;

export function listStaff(tx: Tx) {
  return tx.selectFrom('users').select(staffColumns).orderBy('name').orderBy('id').execute();
}

export function getStaffMember(tx: Tx, id: string) {
  return tx.selectFrom('users').select(staffColumns).where('id', '=', id).executeTakeFirst();
}

export function countActiveOwners(tx: Tx) {
  return tx
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('role', '=', 'owner')
    .where('active', '=', true)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

export function updateStaffMember(tx: Tx, id: string, patch: { role?: string; active?: boolean }) {
  return tx
    .updateTable('users')
    .set(patch)
    .where('id', '=', id)
    .returning(staffColumns)
    .executeTakeFirstOrThrow();
}

export function endSessionsOf(tx: Tx, userId: string, reason: string) {
  return tx
    .updateTable('sessions')
    .set({ ended_at: sql`now()`, end_reason: reason })
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .execute();
}

const invitationColumns = [
  'id',
  'email',
  'name',
  'role',
  'expires_at',
  'created_at',
  'accepted_at',
  'revoked_at',
] as const;

export function listPendingInvitations(tx: Tx) {
  return tx
    .selectFrom('invitations')
    .select(invitationColumns)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .orderBy('created_at', 'desc')
    .execute();
}

export function revokePendingInvitationsFor(tx: Tx, email: string) {
  return tx
    .updateTable('invitations')
    .set({ revoked_at: sql`now()` })
    .where('email', '=', email)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
}

export function insertInvitation(
  tx: Tx,
  inv: {
    organizationId: string;
    email: string;
    name: string;
    role: string;
    tokenHash: string;
    invitedBy: string;
    days: number;
  },
) {
  return tx
    .insertInto('invitations')
    .values({
      organization_id: inv.organizationId,
      email: inv.email,
      name: inv.name,
      role: inv.role,
      token_hash: inv.tokenHash,
      invited_by: inv.invitedBy,
      expires_at: sql`now() + make_interval(days => ${inv.days})`,
    })
    .returning(invitationColumns)
    .executeTakeFirstOrThrow();
}

export function getInvitation(tx: Tx, id: string) {
  return tx
    .selectFrom('invitations')
    .select(invitationColumns)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

export function markInvitationAccepted(tx: Tx, id: string) {
  return tx.updateTable('invitations').set({ accepted_at: sql`now()` }).where('id', '=', id).execute();
}

export function insertUser(
  tx: Tx,
  u: { organizationId: string; email: string; name: string; role: string; passwordHash: string },
) {
  return tx
    .insertInto('users')
    .values({
      organization_id: u.organizationId,
      email: u.email,
      name: u.name,
      role: u.role,
      password_hash: u.passwordHash,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
