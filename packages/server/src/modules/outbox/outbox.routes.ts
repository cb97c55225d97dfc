import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditActor, requireActor } from '../../platform/request-auth.ts';
import type { Tenancy } from '../../platform/tenancy.ts';

const mail = z.object({
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  error: z.string().nullable(),
  /** The one-time link was mailed and not kept: send a new invitation or share to get another. */
  linkWithheld: z.boolean(),
  regarding: z.object({ type: z.enum(['invitation', 'document_share']), id: z.uuid() }).nullable(),
});

export function outboxRoutes(tenancy: Tenancy): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/outbox',
      {
        config: { auth: 'staff', permission: 'outbox.read' },
        schema: {
          tags: ['outbox'],
          summary: 'Mail the clinic sent (or queued without SMTP)',
          response: { 200: z.object({ items: z.array(mail) }) },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        const rows = await tenancy.run(actor.organizationId, auditActor(actor), (tx) =>
          tx.db
            .selectFrom('outbox')
            .selectAll()
            .where('organization_id', '=', actor.organizationId)
            .orderBy('created_at', 'desc')
            .limit(200)
            .execute(),
        );
        return {
          items: rows.map((r) => ({
            id: r.id,
            to: r.to_address,
            subject: r.subject,
            text: r.body,
            createdAt: new Date(r.created_at).toISOString(),
            sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
            error: r.error,
            linkWithheld: r.link_withheld,
            regarding:
              r.regarding_type && r.regarding_id ? { type: r.regarding_type, id: r.regarding_id } : null,
          })),
        };
      },
    );
  };
}
