import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/request-auth.ts';
import { HISTORY_KINDS } from './health-history.repo.ts';
import type { HealthHistoryService } from './health-history.service.ts';

const tags = ['health history'];
const params = z.object({ id: z.uuid() });
const itemParams = z.object({ id: z.uuid(), itemId: z.uuid() });
const itemBody = z.object({
  kind: z.enum(HISTORY_KINDS),
  /** The item without recordedAt/recordedBy, which the server stamps. Validated per kind. */
  item: z.record(z.string(), z.unknown()),
});
const recorded = z.object({
  id: z.uuid(),
  kind: z.enum(HISTORY_KINDS),
  item: z.record(z.string(), z.unknown()),
});

export function healthHistoryRoutes(history: HealthHistoryService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/patients/:id/history',
      {
        config: { auth: 'staff', permission: 'clinical.read_own' },
        schema: {
          tags,
          summary: 'The current health history (the shape the screening engine reads)',
          params,
          response: {
            200: z.object({
              history: z.record(z.string(), z.unknown()),
              items: z.array(
                z.object({ id: z.uuid(), kind: z.string(), recordedAt: z.string(), recordedBy: z.string() }),
              ),
            }),
          },
        },
      },
      async (req) => history.read(requireActor(req), req.params.id),
    );

    app.post(
      '/api/patients/:id/history',
      {
        config: { auth: 'staff', permission: 'clinical.write' },
        schema: {
          tags,
          summary: 'Record a history item (dated and attributed by the server)',
          params,
          body: itemBody,
          response: { 201: recorded },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await history.record(requireActor(req), req.params.id, req.body.kind, req.body.item)),
    );

    app.put(
      '/api/patients/:id/history/:itemId',
      {
        config: { auth: 'staff', permission: 'clinical.write' },
        schema: {
          tags,
          summary: 'Correct an item: the old one is retired, the new one recorded',
          params: itemParams,
          body: itemBody,
          response: { 200: recorded },
        },
      },
      async (req) =>
        history.record(requireActor(req), req.params.id, req.body.kind, req.body.item, req.params.itemId),
    );

    app.post(
      '/api/patients/:id/history/:itemId/retire',
      {
        config: { auth: 'staff', permission: 'clinical.write' },
        schema: {
          tags,
          summary: 'Retire an item (resolved, entered in error); it stays on record',
          params: itemParams,
          body: z.object({ reason: z.string().trim().min(1).max(500) }),
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        await history.retire(requireActor(req), req.params.id, req.params.itemId, req.body.reason);
        return reply.status(204).send(null);
      },
    );
  };
}
