import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import { sendProblem } from '../../platform/problem.ts';

/** Liveness (the process answers) and readiness (the database answers), for load balancers. */
export function healthRoutes(db: Kysely<Database>): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/healthz',
      {
        config: { auth: 'public' },
        schema: { tags: ['health'], response: { 200: z.object({ status: z.literal('ok') }) } },
      },
      async () => ({ status: 'ok' as const }),
    );
    app.get(
      '/readyz',
      {
        config: { auth: 'public' },
        schema: { tags: ['health'], response: { 200: z.object({ status: z.literal('ready') }) } },
      },
      async (req, reply) => {
        try {
          await sql`SELECT 1`.execute(db);
          return { status: 'ready' as const };
        } catch (err) {
          req.log.warn({ err }, 'database not reachable');
          return sendProblem(reply, {
            type: 'https://fascia.dev/problems/not-ready',
            title: 'Not ready',
            status: 503,
            detail: 'The database is not reachable.',
          });
        }
      },
    );
  };
}
