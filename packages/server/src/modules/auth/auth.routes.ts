import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { clearSessionCookie, requireActor, setSessionCookie } from '../../platform/request-auth.ts';
import {
  enrolmentConfirmed,
  enrolmentView,
  mfaCodeBody,
  passwordChangeBody,
  reauthBody,
  sessionView,
  signInBody,
} from './auth.schemas.ts';
import type { AuthService } from './auth.service.ts';

const tags = ['auth'];

export function authRoutes(auth: AuthService, config: Config): FastifyPluginAsyncZod {
  return async (app) => {
    // The web app asks this on every load: signed out is an ordinary answer (200), so a browser's
    // console shows no failed request before anyone has signed in (issue 13, item 18).
    app.get(
      '/api/auth/status',
      {
        config: { auth: 'optional' },
        schema: {
          tags,
          summary: 'Whether this browser is signed in: the session, or why there is none (never 401)',
          response: {
            200: z.object({
              session: sessionView.nullable(),
              ended: z.enum(['idle_timeout', 'expired', 'ended']).nullable(),
            }),
          },
        },
      },
      async (req) =>
        req.actor
          ? { session: await auth.view(req.actor), ended: null }
          : { session: null, ended: req.sessionEnd },
    );

    app.get(
      '/api/auth/session',
      {
        config: { auth: 'signed-in' },
        schema: { tags, summary: 'The current session', response: { 200: sessionView } },
      },
      async (req) => auth.view(requireActor(req)),
    );

    app.post(
      '/api/auth/sign-in',
      {
        config: {
          auth: 'public',
          rateLimit: { max: config.signInRatePerMinute, timeWindow: '1 minute' },
        },
        schema: {
          tags,
          summary: 'Sign in with email and password',
          body: signInBody,
          response: { 200: sessionView },
        },
      },
      async (req, reply) => {
        const created = await auth.signIn(req.body.email, req.body.password, {
          ip: req.ip,
          userAgent: req.headers['user-agent'] ?? null,
        });
        setSessionCookie(reply, req, config, created.token);
        return created.view;
      },
    );

    app.post(
      '/api/auth/mfa/verify',
      {
        config: {
          auth: 'mfa-pending',
          rateLimit: { max: config.signInRatePerMinute, timeWindow: '1 minute' },
        },
        schema: {
          tags,
          summary: 'Second sign-in step: TOTP or recovery code',
          body: mfaCodeBody,
          response: { 200: sessionView },
        },
      },
      async (req) => auth.verifyMfa(requireActor(req), req.body.code),
    );

    app.post(
      '/api/auth/mfa/enrol/start',
      {
        config: { auth: 'enrolling', rateLimit: { max: config.signInRatePerMinute, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary:
            'Start two-factor enrolment (QR code); replacing an active set-up needs the current password or a code',
          body: reauthBody,
          response: { 200: enrolmentView },
        },
      },
      async (req) => auth.startEnrolment(requireActor(req), req.body ?? {}),
    );

    app.post(
      '/api/auth/mfa/enrol/confirm',
      {
        config: { auth: 'enrolling', rateLimit: { max: config.signInRatePerMinute, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: 'Confirm enrolment with a first code; returns recovery codes',
          body: mfaCodeBody,
          response: { 200: enrolmentConfirmed },
        },
      },
      async (req) => auth.confirmEnrolment(requireActor(req), req.body.code),
    );

    app.post(
      '/api/auth/sign-out',
      { config: { auth: 'signed-in' }, schema: { tags, summary: 'Sign out', response: { 204: z.null() } } },
      async (req, reply) => {
        await auth.signOut(requireActor(req));
        clearSessionCookie(reply, req, config);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/auth/password',
      {
        config: { auth: 'staff', rateLimit: { max: config.signInRatePerMinute, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: 'Change your password',
          body: passwordChangeBody,
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        auth.assertNewPassword(actor, req.body.newPassword);
        await auth.changePassword(actor, req.body.currentPassword, req.body.newPassword);
        return reply.status(204).send(null);
      },
    );
  };
}
