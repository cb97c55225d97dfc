import type { Role } from '@fascia/domain/access/permissions';
import { sql } from 'kysely';
import { assertAcceptablePassword, hashPassword, tokenHash } from '../../platform/auth/credentials.ts';
import { Conflict, Gone, NotFound } from '../../platform/errors.ts';
import type { Tenancy } from '../../platform/tenancy.ts';
import { findAccountByEmail, getOrganization } from '../auth/auth.repo.ts';
import type { AuthService, ClientMeta, NewSession } from '../auth/auth.service.ts';
import * as repo from './staff.repo.ts';

/** The invitee's side: open the one-time link, choose a password, and be signed in. */
export class InvitationsService {
  constructor(
    private readonly tenancy: Tenancy,
    private readonly auth: AuthService,
  ) {}

  private async locate(token: string) {
    const { rows } = await sql<{ invitation_id: string; organization_id: string }>`
      SELECT * FROM auth_find_invitation(${tokenHash(token)})`.execute(this.tenancy.db);
    const found = rows[0];
    if (!found) throw new NotFound('The invitation');
    return found;
  }

  async show(token: string) {
    const found = await this.locate(token);
    return this.tenancy.run(found.organization_id, {}, async (tx) => {
      const inv = await repo.getInvitation(tx.db, found.invitation_id);
      assertUsable(inv);
      const org = await getOrganization(tx.db, found.organization_id);
      return { email: inv.email, displayName: inv.name, role: inv.role as Role, organizationName: org.name };
    });
  }

  async accept(
    token: string,
    input: { displayName: string; password: string },
    meta: ClientMeta,
  ): Promise<NewSession> {
    const found = await this.locate(token);
    const passwordHash = await hashPassword(input.password);
    return this.tenancy.run(found.organization_id, { ip: meta.ip }, async (tx) => {
      const inv = await repo.getInvitation(tx.db, found.invitation_id);
      assertUsable(inv);
      const org = await getOrganization(tx.db, found.organization_id);
      assertAcceptablePassword(input.password, {
        field: 'password',
        secondFactor: false,
        email: inv.email,
        name: input.displayName,
        clinicName: org.name,
      });
      if (await findAccountByEmail(tx.db, inv.email))
        throw new Conflict('An account with this email already exists.');
      const user = await repo.insertUser(tx.db, {
        organizationId: found.organization_id,
        email: inv.email,
        name: input.displayName,
        role: inv.role,
        passwordHash,
      });
      await repo.markInvitationAccepted(tx.db, inv.id);
      const stage = org.require_mfa ? 'mfa_enrolment_required' : 'active';
      const created = await this.auth.createSession(tx, user, stage, meta);
      tx.audit({
        action: 'staff.invitation_accepted',
        actorId: user.id,
        resourceType: 'user',
        resourceId: user.id,
        detail: { invitationId: inv.id, role: inv.role },
      });
      tx.audit({
        action: 'auth.sign_in',
        actorId: user.id,
        resourceType: 'user',
        resourceId: user.id,
        detail: { stage, via: 'invitation' },
      });
      return { token: created.token, view: this.auth.viewOf(user, org, stage, created.csrfToken) };
    });
  }
}

function assertUsable(inv: { accepted_at: unknown; revoked_at: unknown; expires_at: unknown }) {
  if (inv.accepted_at) throw new Gone('This invitation was already used. Sign in instead.');
  if (inv.revoked_at) throw new Gone('This invitation was withdrawn. Ask the clinic for a new one.');
  if (new Date(inv.expires_at as string) <= new Date())
    throw new Gone('This invitation has expired. Ask the clinic for a new one.');
}
