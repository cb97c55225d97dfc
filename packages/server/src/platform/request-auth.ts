import { can, type Permission, permissionsOf, type Role } from '@fascia/domain/access/permissions';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import { bearerToken, resolveApiKey } from './api-key-auth.ts';
import { safeEqual, tokenHash } from './auth/credentials.ts';
import { routeAllowedByClinic } from './clinic-access.ts';
import { Forbidden, Unauthenticated } from './errors.ts';
import { RequestTransaction } from './request-transaction.ts';
import type { RunActor, Tenancy } from './tenancy.ts';

export const SESSION_COOKIE = 'fascia_session';

/**
 * Who may call a route:
 * - public: anyone (sign-in, invitation pages, health checks);
 * - signed-in: any session, whatever its stage (read the session, sign out);
 * - mfa-pending: a session that still has to enter its two-factor code;
 * - enrolling: a session that must (or chooses to) enrol two-factor;
 * - staff: a fully signed-in session, optionally with a permission from the matrix;
 * - staff-or-api-key: as staff, or a clinic's read-only API key as a Bearer token (api-key-auth.ts).
 */
/** 'optional': the session is read when there is one, and its absence is an answer, not a 401. */
export type RouteAuth =
  | 'public'
  | 'optional'
  | 'signed-in'
  | 'mfa-pending'
  | 'enrolling'
  | 'staff'
  | 'staff-or-api-key';

export type SessionStage = 'active' | 'mfa_required' | 'mfa_enrolment_required';

export interface Actor {
  sessionId: string;
  userId: string;
  organizationId: string;
  email: string;
  name: string;
  role: Role;
  mfaEnrolled: boolean;
  stage: SessionStage;
  csrfToken: string;
  ip: string;
  organization: {
    id: string;
    name: string;
    requireMfa: boolean;
    sessionIdleMinutes: number;
    /** Known when the actor came from a session look-up (patient-access.ts clinicDay). */
    timeZone?: string;
  };
  /** Set when a system client acts through an API key instead of a signed-in person. */
  apiKeyId?: string;
  /** GET requests: the transaction opened with the session look-up (request-transaction.ts). */
  requestTransaction?: RequestTransaction;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: RouteAuth;
    permission?: Permission;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionEnd: 'idle_timeout' | 'expired' | 'ended' | null;
  }
}

interface ResolvedSession {
  status: 'active' | 'idle_timeout' | 'expired' | 'ended';
  session_id: string;
  organization_id: string;
  user_id: string;
  stage: SessionStage;
  csrf_token: string;
  email: string;
  name: string;
  role: Role;
  mfa_enrolled: boolean;
  organization_name: string;
  require_mfa: boolean;
  idle_timeout_minutes: number;
  time_zone: string;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function installRequestAuth(app: FastifyInstance, tenancy: Tenancy, config: Config): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionEnd', null);

  // onRequest: refusals come before the body is even parsed or validated.
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const auth = req.routeOptions.config.auth;
    if (auth === undefined || auth === 'public') return;
    if (auth === 'optional') {
      if (SAFE_METHODS.has(req.method)) await resolveActor(req, reply, tenancy, config);
      return;
    }
    const key = auth === 'staff-or-api-key' ? bearerToken(req) : undefined;
    if (key) {
      req.actor = await resolveApiKey(req, tenancy, key);
      if (!SAFE_METHODS.has(req.method)) throw new Forbidden('An API key can only read.');
    } else await resolveActor(req, reply, tenancy, config);
    const actor = req.actor;
    if (!actor) {
      const reason = req.sessionEnd ?? 'none';
      throw new Unauthenticated(
        reason,
        reason === 'idle_timeout'
          ? 'You were signed out after a period of inactivity.'
          : 'Sign in to continue.',
      );
    }
    if (!SAFE_METHODS.has(req.method)) {
      const header = req.headers['x-csrf-token'];
      if (typeof header !== 'string' || !safeEqual(header, actor.csrfToken)) {
        throw new Forbidden('Missing or wrong X-CSRF-Token header; reload the page and try again.');
      }
    }
    const stageOk =
      auth === 'signed-in' ||
      (auth === 'mfa-pending' && actor.stage === 'mfa_required') ||
      (auth === 'enrolling' && (actor.stage === 'mfa_enrolment_required' || actor.stage === 'active')) ||
      ((auth === 'staff' || auth === 'staff-or-api-key') && actor.stage === 'active');
    if (!stageOk) {
      throw new Unauthenticated('stage', 'Finish signing in (two-factor step) first.');
    }
    const permission = req.routeOptions.config.permission;
    if (
      permission &&
      !can(actor.role, permission) &&
      !(await routeAllowedByClinic(tenancy, actor, permission))
    ) {
      await tenancy.record(actor.organizationId, auditActor(actor), {
        action: 'access.denied',
        outcome: 'denied',
        detail: { route: `${req.method} ${req.routeOptions.url}`, permission, role: actor.role },
      });
      throw new Forbidden();
    }
  });
}

async function resolveActor(req: FastifyRequest, reply: FastifyReply, tenancy: Tenancy, config: Config) {
  const token = req.cookies[SESSION_COOKIE];
  if (!token) return;
  const hash = tokenHash(token);
  let s: ResolvedSession | undefined;
  let opened: RequestTransaction | undefined;
  if (req.method === 'GET') {
    ({ session: s, opened } = await resolveInNewTransaction(tenancy, hash));
    if (opened) {
      const transaction = opened;
      reply.raw.once('close', () => void transaction.close());
    }
  } else {
    s = (await sql<ResolvedSession>`SELECT * FROM auth_resolve_session(${hash})`.execute(tenancy.db)).rows[0];
  }
  if (!s) {
    clearSessionCookie(reply, req, config);
    return;
  }
  if (s.status !== 'active') {
    req.sessionEnd = s.status;
    clearSessionCookie(reply, req, config);
    if (s.status === 'idle_timeout' || s.status === 'expired') {
      await tenancy.record(
        s.organization_id,
        { userId: s.user_id, email: s.email, ip: req.ip },
        {
          action: `auth.session.${s.status}`,
          resourceType: 'session',
          resourceId: s.session_id,
        },
      );
    }
    return;
  }
  req.actor = {
    sessionId: s.session_id,
    userId: s.user_id,
    organizationId: s.organization_id,
    email: s.email,
    name: s.name,
    role: s.role,
    mfaEnrolled: s.mfa_enrolled,
    stage: s.stage,
    csrfToken: s.csrf_token,
    ip: req.ip,
    organization: {
      id: s.organization_id,
      name: s.organization_name,
      requireMfa: s.require_mfa,
      sessionIdleMinutes: s.idle_timeout_minutes,
      timeZone: s.time_zone,
    },
    ...(opened ? { requestTransaction: opened } : {}),
  };
}

/**
 * BEGIN, the session look-up and the tenant setting in one message. The transaction stays open
 * for the request only when the session is active; otherwise it is committed at once (the
 * look-up may have ended the session).
 */
async function resolveInNewTransaction(
  tenancy: Tenancy,
  hash: string,
): Promise<{ session?: ResolvedSession; opened?: RequestTransaction }> {
  const lease = await tenancy.lease();
  let rows: ResolvedSession[];
  try {
    ({ rows } = await sql
      .raw<ResolvedSession>(
        `BEGIN; SELECT r.*, set_config('app.organization_id', r.organization_id::text, true) AS tenant
         FROM auth_resolve_session(${pg.escapeLiteral(hash)}) r`,
      )
      .execute(lease.conn));
  } catch (err) {
    await sql
      .raw('ROLLBACK')
      .execute(lease.conn)
      .catch(() => {});
    lease.release();
    throw err;
  }
  const session = rows[0];
  const opened = new RequestTransaction(lease, session?.organization_id ?? '');
  if (session?.status !== 'active') {
    await opened.close();
    return session ? { session } : {};
  }
  return { session, opened };
}

/** The actor as Tenancy.run takes it: who, for the audit trail, and the request's open transaction. */
export function auditActor(actor: Pick<Actor, 'userId' | 'email' | 'ip' | 'requestTransaction'>): RunActor {
  return {
    userId: actor.userId,
    email: actor.email,
    ip: actor.ip,
    requestTransaction: actor.requestTransaction,
  };
}

export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new Unauthenticated('none');
  return req.actor;
}

export function cookieSecure(req: FastifyRequest, config: Config): boolean {
  return config.cookieSecure === 'auto' ? req.protocol === 'https' : config.cookieSecure === 'true';
}

export function setSessionCookie(reply: FastifyReply, req: FastifyRequest, config: Config, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: cookieSecure(req, config),
    path: '/',
    maxAge: config.session.absoluteHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply, req: FastifyRequest, config: Config) {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: cookieSecure(req, config),
  });
}

export { permissionsOf };
