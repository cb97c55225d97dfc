import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { requireActor, setSessionCookie } from '../../platform/request-auth.ts';
import { sessionView } from '../auth/auth.schemas.ts';
import type { InvitationsService } from './invitations.service.ts';
import {
  acceptBody,
  invitationToken,
  invitationView,
  inviteBody,
  publicInvitation,
  staffMember,
  staffPatchBody,
} from './staff.schemas.ts';
import type { StaffService } from './staff.service.ts';

const tags = ['staff'];

export function staffRoutes(
  staff: StaffService,
  invitations: InvitationsService,
  config: Config,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/staff',
      {
        config: { auth: 'staff', permission: 'staff.read' },
        schema: {
          tags,
          summary: 'Staff of the clinic',
          response: { 200: z.object({ items: z.array(staffMember) }) },
        },
      },
      async (req) => ({ items: await staff.list(requireActor(req)) }),
    );

    app.patch(
      '/api/staff/:id',
      {
        config: { auth: 'staff', permission: 'staff.manage' },
        schema: {
          tags,
          summary: 'Change a role, deactivate or reactivate',
          params: z.object({ id: z.uuid() }),
          body: staffPatchBody,
          response: { 200: staffMember },
        },
      },
      async (req) => staff.update(requireActor(req), req.params.id, req.body),
    );

    app.get(
      '/api/staff/invitations',
      {
        config: { auth: 'staff', permission: 'staff.manage' },
        schema: {
          tags,
          summary: 'Pending invitations',
          response: { 200: z.object({ items: z.array(invitationView) }) },
        },
      },
      async (req) => ({ items: await staff.listInvitations(requireActor(req)) }),
    );

    app.post(
      '/api/staff/invitations',
      {
        config: { auth: 'staff', permission: 'staff.manage' },
        schema: {
          tags,
          summary: 'Invite (or invite again) a staff member by email; owners only for owners',
          body: inviteBody,
          response: { 201: invitationView.extend({ link: z.string() }) },
        },
      },
      async (req, reply) => reply.status(201).send(await staff.invite(requireActor(req), req.body)),
    );

    app.get(
      '/api/invitations/:token',
      {
        config: { auth: 'public', rateLimit: { max: config.signInRatePerMinute, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: 'What an invitation link is for',
          params: invitationToken,
          response: { 200: publicInvitation },
        },
      },
      async (req) => invitations.show(req.params.token),
    );

    app.post(
      '/api/invitations/:token/accept',
      {
        config: { auth: 'public', rateLimit: { max: config.signInRatePerMinute, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: 'Accept an invitation: choose a password and sign in',
          params: invitationToken,
          body: acceptBody,
          response: { 201: sessionView },
        },
      },
      async (req, reply) => {
        const created = await invitations.accept(req.params.token, req.body, {
          ip: req.ip,
          userAgent: req.headers['user-agent'] ?? null,
        });
        setSessionCookie(reply, req, config, created.token);
        return reply.status(201).send(created.view);
      },
    );
  };
}
