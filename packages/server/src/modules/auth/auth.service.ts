import { randomBytes } from 'node:crypto';
import type { Role } from '@fascia/domain/access/permissions';
import type { Config } from '../../config.ts';
import {
  assertAcceptablePassword,
  burnPasswordCheck,
  hashPassword,
  randomToken,
  tokenHash,
  verifyPassword,
} from '../../platform/auth/credentials.ts';
import type { SecretBox } from '../../platform/auth/secret-box.ts';
import { enrolmentMaterial, newTotpSecret, verifyTotp } from '../../platform/auth/totp.ts';
import { Invalid, Unauthenticated } from '../../platform/errors.ts';
import { type Actor, auditActor, permissionsOf, type SessionStage } from '../../platform/request-auth.ts';
import type { Tenancy, TenantTx } from '../../platform/tenancy.ts';
import * as repo from './auth.repo.ts';
import type { ReauthInput, SessionView } from './auth.schemas.ts';
import { totpContext } from './mfa-secrets.ts';

const STAGE_VIEW: Record<SessionStage, SessionView['stage']> = {
  active: 'full',
  mfa_required: 'mfa_required',
  mfa_enrolment_required: 'mfa_enrol_required',
};

export interface ClientMeta {
  ip: string;
  userAgent: string | null;
}

export interface NewSession {
  token: string;
  view: SessionView;
}

// One answer for every refusal, so that it reveals neither the account nor its lock.
const WRONG =
  'Email or password is wrong, or sign-in from here is paused after repeated failures. Check both and try again in a few minutes.';
/** Failures over all addresses, in multiples of the per-address threshold, that throttle new addresses. */
const ACCOUNT_THROTTLE_FACTOR = 4;

export class AuthService {
  constructor(
    private readonly tenancy: Tenancy,
    private readonly config: Config,
    private readonly secrets: SecretBox,
  ) {}

  private totpSecretOf(user: { id: string; mfa_secret: string | null }): string | null {
    return user.mfa_secret ? this.secrets.open(user.mfa_secret, totpContext(user.id)) : null;
  }

  view(actor: Actor): SessionView {
    return {
      user: {
        id: actor.userId,
        email: actor.email,
        displayName: actor.name,
        role: actor.role,
        mfaEnrolled: actor.mfaEnrolled,
      },
      organization: actor.organization,
      stage: STAGE_VIEW[actor.stage],
      csrfToken: actor.csrfToken,
      permissions: permissionsOf(actor.role),
    };
  }

  /**
   * Password sign-in. An unknown email, a wrong password, a locked or throttled account and an
   * inactive one answer alike (same status, body and argon2 work), so nothing tells which emails
   * have accounts. Failures are counted per (account, address): five from one address lock that
   * address out of that account only, so nobody can lock a known account out for everyone; the
   * per-address rate limit sits in front. Failures spread over many addresses throttle the account
   * for addresses it has never signed in from, while its usual ones keep working. Failures are
   * committed (counters, audit row) before the refusal is returned.
   */
  async signIn(email: string, password: string, meta: ClientMeta): Promise<NewSession> {
    const account = await repo.findAccountByEmail(this.tenancy.db, email);
    if (!account) {
      await burnPasswordCheck(password);
      throw new Unauthenticated('invalid_credentials', WRONG);
    }
    const { threshold, minutes } = this.config.lockout;
    const outcome = await this.tenancy.run(account.organization_id, { email, ip: meta.ip }, async (tx) => {
      const user = await repo.getUser(tx.db, account.user_id);
      const fail = (reason: string, extra: Record<string, unknown> = {}) =>
        tx.audit({
          action: 'auth.sign_in',
          outcome: 'failure',
          resourceType: 'user',
          resourceId: user.id,
          detail: { reason, ...extra },
        });
      const throttle = await repo.getSignInThrottle(tx.db, user.organization_id, user.id, meta.ip, minutes);
      const refusal = throttle.addressLocked
        ? 'locked_for_address'
        : user.locked_until && new Date(user.locked_until) > new Date()
          ? 'locked'
          : throttle.accountFailures >= threshold * ACCOUNT_THROTTLE_FACTOR && !throttle.knownAddress
            ? 'throttled_new_address'
            : null;
      if (refusal) {
        await burnPasswordCheck(password);
        fail(refusal);
        return { kind: 'refused' as const };
      }
      const ok = await verifyPassword(user.password_hash, password);
      if (!ok || !user.active) {
        if (!user.active) {
          fail('inactive');
          return { kind: 'refused' as const };
        }
        const locked = await repo.recordSignInFailure(tx.db, user.organization_id, user.id, meta.ip, {
          threshold,
          minutes,
        });
        fail('wrong_password');
        if (locked) {
          tx.audit({
            action: 'auth.lockout',
            outcome: 'failure',
            resourceType: 'user',
            resourceId: user.id,
            detail: { minutes, scope: 'account_and_address' },
          });
        }
        return { kind: 'refused' as const };
      }
      await repo.recordSignInSuccess(tx.db, user.organization_id, user.id, meta.ip);
      const org = await repo.getOrganization(tx.db, user.organization_id);
      const stage: SessionStage = user.mfa_enrolled_at
        ? 'mfa_required'
        : org.require_mfa
          ? 'mfa_enrolment_required'
          : 'active';
      // The two-factor failure count is cleared only by a full sign-in, never by the password alone.
      if (stage === 'active') await repo.recordSuccessfulSignIn(tx.db, user.id, true);
      const created = await this.createSession(
        tx,
        { id: user.id, organization_id: user.organization_id },
        stage,
        meta,
      );
      tx.audit({
        action: 'auth.sign_in',
        actorId: user.id,
        resourceType: 'user',
        resourceId: user.id,
        detail: { stage },
      });
      return {
        kind: 'ok' as const,
        token: created.token,
        view: this.viewOf(user, org, stage, created.csrfToken),
      };
    });
    if (outcome.kind === 'refused') throw new Unauthenticated('invalid_credentials', WRONG);
    return { token: outcome.token, view: outcome.view };
  }

  /** Second step: a TOTP code or a one-time recovery code. */
  async verifyMfa(actor: Actor, code: string): Promise<SessionView> {
    const result = await this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      const user = await repo.getUser(tx.db, actor.userId);
      const secret = user.mfa_enrolled_at ? this.totpSecretOf(user) : null;
      const step = secret
        ? verifyTotp(secret, code, user.mfa_last_step === null ? null : BigInt(user.mfa_last_step))
        : null;
      let method = 'totp';
      if (step !== null) {
        await repo.setMfaLastStep(tx.db, user.id, step);
      } else if (await repo.useRecoveryCode(tx.db, user.id, tokenHash(normaliseRecoveryCode(code)))) {
        method = 'recovery_code';
      } else {
        const after = await repo.recordFailedAttempt(
          tx.db,
          user.id,
          this.config.lockout.threshold,
          this.config.lockout.minutes,
        );
        tx.audit({
          action: 'auth.mfa_verify',
          outcome: 'failure',
          resourceType: 'user',
          resourceId: user.id,
        });
        if (after.locked_until && after.failed_attempts === 0) {
          await repo.endSession(tx.db, actor.sessionId, 'locked');
          tx.audit({ action: 'auth.lockout', outcome: 'failure', resourceType: 'user', resourceId: user.id });
        }
        return false;
      }
      await repo.setSessionStage(tx.db, actor.sessionId, 'active');
      await repo.recordSuccessfulSignIn(tx.db, user.id, true);
      tx.audit({ action: 'auth.mfa_verify', resourceType: 'user', resourceId: user.id, detail: { method } });
      return true;
    });
    if (!result)
      throw new Invalid([{ field: 'code', message: 'is not the current code or an unused recovery code' }]);
    return this.view({ ...actor, stage: 'active' });
  }

  /**
   * Starts (or restarts) enrolment. The new secret is kept as pending: while two-factor is on, the
   * active secret stays in force until a code from the new one confirms it, so an abandoned or
   * hostile enrolment changes nothing. Replacing an active set-up needs the current password or a
   * current code (re-authentication); failures count towards the account's lockout.
   */
  async startEnrolment(actor: Actor, reauth: ReauthInput = {}) {
    const secret = newTotpSecret();
    const outcome = await this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      const user = await repo.getUser(tx.db, actor.userId);
      const replacing = user.mfa_enrolled_at !== null;
      let reauthenticated: string | null = null;
      if (replacing) {
        if (!reauth.currentPassword && !reauth.code) return 'reauth_required' as const;
        reauthenticated = await this.reauthenticate(tx, user, reauth);
        if (!reauthenticated) {
          await repo.recordFailedAttempt(
            tx.db,
            user.id,
            this.config.lockout.threshold,
            this.config.lockout.minutes,
          );
          tx.audit({
            action: 'auth.mfa_enrol_start',
            outcome: 'failure',
            resourceType: 'user',
            resourceId: user.id,
            detail: { reason: 'reauthentication_failed', replacing },
          });
          return 'reauth_failed' as const;
        }
      }
      await repo.setPendingMfaSecret(tx.db, user.id, this.secrets.seal(secret, totpContext(user.id)));
      tx.audit({
        action: 'auth.mfa_enrol_start',
        resourceType: 'user',
        resourceId: user.id,
        detail: { replacing, ...(reauthenticated && { reauthenticated }) },
      });
      return 'ok' as const;
    });
    if (outcome === 'reauth_required')
      throw new Invalid([
        {
          field: 'currentPassword',
          message: 'is required to replace your two-factor set-up (or enter a current code instead)',
        },
      ]);
    if (outcome === 'reauth_failed')
      throw new Invalid([
        reauth.currentPassword
          ? { field: 'currentPassword', message: 'is not your current password' }
          : { field: 'code', message: 'is not the current code or an unused recovery code' },
      ]);
    return enrolmentMaterial(secret, actor.email);
  }

  /** The current password, a current TOTP code of the active secret, or an unused recovery code. */
  private async reauthenticate(
    tx: TenantTx,
    user: { id: string; password_hash: string; mfa_secret: string | null; mfa_last_step: string | null },
    reauth: ReauthInput,
  ): Promise<string | null> {
    if (reauth.currentPassword) {
      return (await verifyPassword(user.password_hash, reauth.currentPassword)) ? 'password' : null;
    }
    if (!reauth.code) return null;
    const secret = this.totpSecretOf(user);
    const lastStep = user.mfa_last_step === null ? null : BigInt(user.mfa_last_step);
    const step = secret ? verifyTotp(secret, reauth.code, lastStep) : null;
    if (step !== null) {
      await repo.setMfaLastStep(tx.db, user.id, step);
      return 'totp';
    }
    return (await repo.useRecoveryCode(tx.db, user.id, tokenHash(normaliseRecoveryCode(reauth.code))))
      ? 'recovery_code'
      : null;
  }

  async confirmEnrolment(
    actor: Actor,
    code: string,
  ): Promise<{ recoveryCodes: string[]; session: SessionView }> {
    const codes = Array.from({ length: 10 }, newRecoveryCode);
    const ok = await this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      const user = await repo.getUser(tx.db, actor.userId);
      const pending = user.mfa_pending_secret;
      const secret = pending ? this.secrets.open(pending, totpContext(user.id)) : null;
      const step = secret ? verifyTotp(secret, code, null) : null;
      if (!pending || step === null) return false;
      const replacing = user.mfa_enrolled_at !== null;
      await repo.activatePendingMfaSecret(tx.db, user.id, pending, step);
      await repo.replaceRecoveryCodes(
        tx.db,
        actor.organizationId,
        user.id,
        codes.map((c) => tokenHash(normaliseRecoveryCode(c))),
      );
      // Devices signed in under the replaced set-up are signed out.
      if (replacing) await repo.endOtherSessions(tx.db, user.id, actor.sessionId, 'mfa_replaced');
      await repo.setSessionStage(tx.db, actor.sessionId, 'active');
      await repo.recordSuccessfulSignIn(tx.db, user.id, true);
      tx.audit({
        action: 'auth.mfa_enrolled',
        resourceType: 'user',
        resourceId: user.id,
        detail: { replacing },
      });
      return true;
    });
    if (!ok)
      throw new Invalid([
        { field: 'code', message: 'does not match; check the time on your phone and try the new code' },
      ]);
    return { recoveryCodes: codes, session: this.view({ ...actor, stage: 'active', mfaEnrolled: true }) };
  }

  async signOut(actor: Actor): Promise<void> {
    await this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      await repo.endSession(tx.db, actor.sessionId, 'signed_out');
      tx.audit({ action: 'auth.sign_out', resourceType: 'session', resourceId: actor.sessionId });
    });
  }

  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const fresh = await hashPassword(newPassword);
    const outcome = await this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      const user = await repo.getUser(tx.db, actor.userId);
      if (!(await verifyPassword(user.password_hash, currentPassword))) {
        tx.audit({
          action: 'auth.password_change',
          outcome: 'failure',
          resourceType: 'user',
          resourceId: user.id,
        });
        return 'wrong';
      }
      await repo.setPasswordHash(tx.db, user.id, fresh);
      // Other devices signed in with the old password are signed out.
      await repo.endOtherSessions(tx.db, user.id, actor.sessionId, 'password_changed');
      tx.audit({ action: 'auth.password_change', resourceType: 'user', resourceId: user.id });
      return 'ok';
    });
    if (outcome === 'wrong')
      throw new Invalid([{ field: 'currentPassword', message: 'is not your current password' }]);
  }

  assertNewPassword(actor: Actor, newPassword: string) {
    assertAcceptablePassword(newPassword, {
      field: 'newPassword',
      secondFactor: actor.mfaEnrolled,
      email: actor.email,
      name: actor.name,
      clinicName: actor.organization.name,
    });
  }

  async createSession(
    tx: TenantTx,
    user: { id: string; organization_id: string },
    stage: SessionStage,
    meta: ClientMeta,
  ) {
    const token = randomToken();
    const csrfToken = randomToken(24);
    await repo.insertSession(tx.db, {
      organizationId: user.organization_id,
      userId: user.id,
      tokenHash: tokenHash(token),
      csrfToken,
      stage,
      absoluteHours: this.config.session.absoluteHours,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    return { token, csrfToken };
  }

  viewOf(
    user: { id: string; email: string; name: string; role: string; mfa_enrolled_at: unknown },
    org: { id: string; name: string; require_mfa: boolean; idle_timeout_minutes: number },
    stage: SessionStage,
    csrfToken: string,
  ): SessionView {
    const role = user.role as Role;
    return {
      user: {
        id: user.id,
        email: user.email,
        displayName: user.name,
        role,
        mfaEnrolled: user.mfa_enrolled_at !== null,
      },
      organization: {
        id: org.id,
        name: org.name,
        requireMfa: org.require_mfa,
        sessionIdleMinutes: org.idle_timeout_minutes,
      },
      stage: STAGE_VIEW[stage],
      csrfToken,
      permissions: permissionsOf(role),
    };
  }
}

/** Ten characters of base32 in two groups: about 50 bits, shown once, stored hashed. */
function newRecoveryCode(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789'; // 32 symbols: no modulo bias
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}
