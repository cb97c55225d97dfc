import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { withFhirTables } from '../../db/schema-fhir.ts';
import { API_KEY_PREFIX } from '../../platform/api-key-auth.ts';
import { randomToken, tokenHash } from '../../platform/auth/credentials.ts';
import { NotFound } from '../../platform/errors.ts';
import { auditActor, requireActor } from '../../platform/request-auth.ts';
import type { Tenancy } from '../../platform/tenancy.ts';

/**
 * The owner's API keys for system-to-system FHIR reads. The key is shown once, at creation; only
 * its SHA-256 is stored, like session tokens, so a database copy grants nothing.
 */
const tags = ['api-keys'];
const keyView = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scope: z.literal('read'),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function apiKeysRoutes(tenancy: Tenancy): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/api-keys',
      {
        config: { auth: 'staff', permission: 'data.export' },
        schema: {
          tags,
          summary: "The clinic's API keys (never the keys themselves)",
          response: { 200: z.object({ items: z.array(keyView) }) },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        return tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
          const rows = await withFhirTables(tx.db)
            .selectFrom('api_keys')
            .selectAll()
            .orderBy('created_at', 'desc')
            .execute();
          return {
            items: rows.map((r) => ({
              id: r.id,
              name: r.name,
              prefix: r.prefix,
              scope: 'read' as const,
              createdAt: iso(r.created_at) as string,
              lastUsedAt: iso(r.last_used_at),
              revokedAt: iso(r.revoked_at),
            })),
          };
        });
      },
    );

    app.post(
      '/api/api-keys',
      {
        config: { auth: 'staff', permission: 'data.export' },
        schema: {
          tags,
          summary: 'Create a read-only API key for the FHIR API (shown once)',
          body: z.object({ name: z.string().trim().min(1).max(100) }),
          response: { 201: keyView.extend({ key: z.string() }) },
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        const key = `${API_KEY_PREFIX}${randomToken(32)}`;
        const created = await tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
          const row = await withFhirTables(tx.db)
            .insertInto('api_keys')
            .values({
              organization_id: actor.organizationId,
              name: req.body.name,
              prefix: key.slice(0, API_KEY_PREFIX.length + 6),
              token_hash: tokenHash(key),
              created_by: actor.userId,
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          tx.audit({
            action: 'api_key.create',
            resourceType: 'api_key',
            resourceId: row.id,
            detail: { name: row.name },
          });
          return row;
        });
        return reply.status(201).send({
          id: created.id,
          name: created.name,
          prefix: created.prefix,
          scope: 'read',
          createdAt: iso(created.created_at) as string,
          lastUsedAt: null,
          revokedAt: null,
          key,
        });
      },
    );

    app.delete(
      '/api/api-keys/:id',
      {
        config: { auth: 'staff', permission: 'data.export' },
        schema: { tags, summary: 'Revoke an API key', params: z.object({ id: z.uuid() }) },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        await tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
          const row = await withFhirTables(tx.db)
            .updateTable('api_keys')
            .set({ revoked_at: sql`now()`, revoked_by: actor.userId })
            .where('id', '=', req.params.id)
            .where('revoked_at', 'is', null)
            .returning('id')
            .executeTakeFirst();
          if (!row) throw new NotFound('The API key');
          tx.audit({ action: 'api_key.revoke', resourceType: 'api_key', resourceId: row.id });
        });
        return reply.status(204).send();
      },
    );
  };
}
