import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Actor, auditActor, requireActor } from '../../platform/request-auth.ts';
import type { Tenancy } from '../../platform/tenancy.ts';
import {
  getOrganizationSettings,
  type OrganizationPatch,
  updateOrganizationSettings,
} from './organization.repo.ts';

const tags = ['organization'];
const organizationView = z.object({
  id: z.uuid(),
  name: z.string(),
  requireMfa: z.boolean(),
  sessionIdleMinutes: z.number().int(),
  timeZone: z.string(),
  referralExpiringDays: z.number().int(),
  referralExpiringVisits: z.number().int(),
  frontDeskManagesCareTeam: z.boolean(),
  emergencyAccessMinutes: z.number().int(),
});

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};
const organizationPatch = z
  .object({
    name: z.string().trim().min(1, 'is required').max(200).optional(),
    requireMfa: z.boolean().optional(),
    sessionIdleMinutes: z.number().int().min(1).max(1440).optional(),
    timeZone: z
      .string()
      .max(64)
      .refine(isTimeZone, 'must be an IANA time zone such as America/Chicago')
      .optional(),
    referralExpiringDays: z.number().int().min(0).max(365).optional(),
    referralExpiringVisits: z.number().int().min(0).max(100).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'give at least one setting' });

/**
 * Who may open charts: owners and admins set these (admins run the staff, so they decide what the
 * front desk may do). Changed through their own route so an admin never reaches the other settings.
 */
const accessPatch = z
  .object({
    frontDeskManagesCareTeam: z.boolean().optional(),
    emergencyAccessMinutes: z.number().int().min(15).max(480).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'give at least one setting' });

/** Clinic settings; small enough that the service is the route's one call into the tenancy. */
export function organizationRoutes(tenancy: Tenancy): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/organization',
      {
        config: { auth: 'staff', permission: 'organization.read' },
        schema: { tags, summary: 'Clinic settings', response: { 200: organizationView } },
      },
      async (req) => {
        const actor = requireActor(req);
        return tenancy.run(actor.organizationId, auditActor(actor), (tx) =>
          getOrganizationSettings(tx.db, actor.organizationId),
        );
      },
    );

    app.patch(
      '/api/organization',
      {
        config: { auth: 'staff', permission: 'organization.manage' },
        schema: {
          tags,
          summary: 'Change clinic settings (owner)',
          body: organizationPatch,
          response: { 200: organizationView },
        },
      },
      async (req) => update(tenancy, requireActor(req), req.body),
    );

    app.patch(
      '/api/organization/access',
      {
        config: { auth: 'staff', permission: 'staff.manage' },
        schema: {
          tags,
          summary: 'Change who may manage care teams and how long emergency access lasts (owner, admin)',
          body: accessPatch,
          response: { 200: organizationView },
        },
      },
      async (req) => update(tenancy, requireActor(req), req.body),
    );
  };
}

function update(tenancy: Tenancy, actor: Actor, patch: OrganizationPatch) {
  return tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
    const before = await getOrganizationSettings(tx.db, actor.organizationId);
    const after = await updateOrganizationSettings(tx.db, actor.organizationId, patch);
    tx.audit({
      action: 'organization.update',
      resourceType: 'organization',
      resourceId: actor.organizationId,
      detail: { before, after },
    });
    return after;
  });
}
