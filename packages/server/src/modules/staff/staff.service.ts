import { canAssignRole, type Role } from '@fascia/domain/access/permissions';
import type { Config } from '../../config.ts';
import { randomToken, tokenHash } from '../../platform/auth/credentials.ts';
import { Conflict, Forbidden, NotFound } from '../../platform/errors.ts';
import type { Mailer } from '../../platform/mail.ts';
import { type Actor, auditActor } from '../../platform/request-auth.ts';
import type { Tenancy } from '../../platform/tenancy.ts';
import { findAccountByEmail } from '../auth/auth.repo.ts';
import * as repo from './staff.repo.ts';
import { toInvitationView, toStaffMember } from './staff.schemas.ts';

const INVITATION_DAYS = 7;

export class StaffService {
  constructor(
    private readonly tenancy: Tenancy,
    private readonly mailer: Mailer,
    private readonly config: Config,
  ) {}

  list(actor: Actor) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) =>
      (await repo.listStaff(tx.db)).map(toStaffMember),
    );
  }

  listInvitations(actor: Actor) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) =>
      (await repo.listPendingInvitations(tx.db)).map(toInvitationView),
    );
  }

  async invite(actor: Actor, input: { email: string; displayName: string; role: Role }) {
    if (!canAssignRole(actor.role, input.role))
      throw new Forbidden(`Only an owner can invite an ${input.role}.`);
    // Only this clinic's own staff are named: an account of another clinic gets an invitation like
    // any new address (accepting it then says the email is taken), so inviting reveals nothing.
    const existing = await findAccountByEmail(this.tenancy.db, input.email);
    if (existing?.organization_id === actor.organizationId) {
      throw new Conflict('This email already belongs to a member of your clinic.');
    }
    const token = randomToken();
    const { invitation, mail } = await this.tenancy.run(
      actor.organizationId,
      auditActor(actor),
      async (tx) => {
        await repo.revokePendingInvitationsFor(tx.db, input.email);
        const invitation = await repo.insertInvitation(tx.db, {
          organizationId: actor.organizationId,
          email: input.email,
          name: input.displayName,
          role: input.role,
          tokenHash: tokenHash(token),
          invitedBy: actor.userId,
          days: INVITATION_DAYS,
        });
        const link = `${this.config.publicUrl}/invite/${token}`;
        const mail = await this.mailer.queue(tx, {
          to: input.email,
          secretLink: link,
          regarding: { type: 'invitation', id: invitation.id },
          subject: `You are invited to ${actor.organization.name} on Fascia`,
          text:
            `${actor.name} invited you to join ${actor.organization.name} on Fascia as ${input.role.replace('_', ' ')}.\n\n` +
            `Open this link within ${INVITATION_DAYS} days to choose your password:\n${link}\n\n` +
            'If you did not expect this, ignore this email.',
        });
        tx.audit({
          action: 'staff.invite',
          resourceType: 'invitation',
          resourceId: invitation.id,
          detail: { email: input.email, role: input.role },
        });
        return { invitation, mail };
      },
    );
    await this.mailer.deliver(actor.organizationId, [mail]);
    // The only copy of the link outside the invitee's mail: for the inviter to pass on by hand
    // when no mail server is set up. Inviting the same email again issues a fresh link.
    return { ...toInvitationView(invitation), link: `${this.config.publicUrl}/invite/${token}` };
  }

  async update(actor: Actor, id: string, patch: { role?: Role; active?: boolean }) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      const member = await repo.getStaffMember(tx.db, id);
      if (!member) throw new NotFound('The staff member');
      if (id === actor.userId) throw new Forbidden('You cannot change your own role or deactivate yourself.');
      const touchesOwner = member.role === 'owner' || patch.role === 'owner';
      if (touchesOwner && actor.role !== 'owner') throw new Forbidden('Only an owner can change an owner.');
      if (patch.role && !canAssignRole(actor.role, patch.role)) throw new Forbidden();
      const updated = await repo.updateStaffMember(tx.db, id, patch);
      if (member.role === 'owner' && (await repo.countActiveOwners(tx.db)) === 0) {
        throw new Conflict('A clinic needs at least one active owner.');
      }
      if (patch.active === false) await repo.endSessionsOf(tx.db, id, 'deactivated');
      tx.audit({
        action: 'staff.update',
        resourceType: 'user',
        resourceId: id,
        detail: {
          before: { role: member.role, active: member.active },
          after: { role: updated.role, active: updated.active },
        },
      });
      return toStaffMember(updated);
    });
  }
}
