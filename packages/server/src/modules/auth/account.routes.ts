import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditActor, requireActor } from '../../platform/request-auth.ts';
import type { Tenancy } from '../../platform/tenancy.ts';
import { getProfile, updateProfile } from './auth.repo.ts';

const profile = z.object({
  displayName: z.string(),
  email: z.string(),
  credentials: z.string().nullable(),
  licenseNumber: z.string().nullable(),
});
const view = (r: {
  name: string;
  email: string;
  credentials: string | null;
  license_number: string | null;
}) => ({
  displayName: r.name,
  email: r.email,
  credentials: r.credentials,
  licenseNumber: r.license_number,
});

/** As the other PATCH routes: an empty change is refused (422 naming the body), not an empty UPDATE. */
const profilePatch = z
  .object({
    displayName: z.string().trim().min(1).max(120).optional(),
    credentials: z.string().trim().max(60).nullable().optional(),
    licenseNumber: z.string().trim().max(60).nullable().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), {
    message: 'nothing to change: give displayName, credentials or licenseNumber',
  });

/** The signed-in person's own profile: the name, credentials and licence number reports are signed with. */
export function accountRoutes(tenancy: Tenancy): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/account/profile',
      {
        config: { auth: 'staff', permission: 'organization.read' },
        schema: { tags: ['auth'], summary: 'Your profile', response: { 200: profile } },
      },
      async (req) => {
        const actor = requireActor(req);
        return view(
          await tenancy.run(actor.organizationId, auditActor(actor), (tx) => getProfile(tx.db, actor.userId)),
        );
      },
    );
    app.patch(
      '/api/account/profile',
      {
        config: { auth: 'staff', permission: 'organization.read' },
        schema: {
          tags: ['auth'],
          summary: 'Change your name, credentials (e.g. LMT) and licence number',
          body: profilePatch,
          response: { 200: profile },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        return view(
          await tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
            const updated = await updateProfile(tx.db, actor.userId, {
              name: req.body.displayName,
              credentials: req.body.credentials,
              licenseNumber: req.body.licenseNumber,
            });
            tx.audit({
              action: 'account.profile_update',
              resourceType: 'user',
              resourceId: actor.userId,
              detail: { fields: Object.keys(req.body) },
            });
            return updated;
          }),
        );
      },
    );
  };
}
