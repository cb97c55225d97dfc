import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditActor, requireActor } from '../../platform/request-auth.ts';
import type { Tenancy } from '../../platform/tenancy.ts';
import { findAuditEvents } from './audit.repo.ts';

const query = z.object({
  action: z.string().max(100).optional(),
  actorId: z.uuid().optional(),
  patientId: z.uuid().optional(),
  outcome: z.enum(['success', 'failure', 'denied']).optional(),
  emergencyAccess: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  cursor: z.string().regex(/^\d+$/, 'must be a cursor from a previous page').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const event = z.object({
  seq: z.string(),
  occurredAt: z.string(),
  actorId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  outcome: z.enum(['success', 'failure', 'denied']),
  patientId: z.string().nullable(),
  resourceType: z.string().nullable(),
  resourceId: z.string().nullable(),
  ip: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});

export function auditRoutes(tenancy: Tenancy): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/audit',
      {
        config: { auth: 'staff', permission: 'audit.read' },
        schema: {
          tags: ['audit'],
          summary: 'The audit trail, newest first',
          querystring: query,
          response: { 200: z.object({ items: z.array(event), nextCursor: z.string().nullable() }) },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        return tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
          const rows = await findAuditEvents(tx.db, req.query);
          const page = rows.slice(0, req.query.limit);
          tx.audit({ action: 'audit.read', detail: { filter: { ...req.query } } });
          return {
            items: page.map((r) => ({
              seq: String(r.seq),
              occurredAt: new Date(r.occurred_at).toISOString(),
              actorId: r.actor_id,
              actorEmail: r.actor_email,
              action: r.action,
              outcome: r.outcome,
              patientId: r.patient_id,
              resourceType: r.resource_type,
              resourceId: r.resource_id,
              ip: r.ip,
              detail: r.detail as Record<string, unknown>,
            })),
            nextCursor: rows.length > req.query.limit ? String(page[page.length - 1]?.seq) : null,
          };
        });
      },
    );
  };
}
