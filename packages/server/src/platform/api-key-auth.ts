import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { withFhirTables } from '../db/schema-fhir.ts';
import { tokenHash } from './auth/credentials.ts';
import { Unauthenticated } from './errors.ts';
import type { Actor } from './request-auth.ts';
import type { Tenancy } from './tenancy.ts';

/**
 * System-to-system access: an owner-created API key sent as `Authorization: Bearer <key>` on the
 * routes that accept one (auth 'staff-or-api-key', the FHIR read API). The key acts as a read-only
 * actor of its clinic: it reads what an administrator reads, never writes (request-auth refuses
 * any other method), and every request is audited under the key's id.
 */
export const API_KEY_PREFIX = 'fsk_';

export function bearerToken(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  return m?.[1];
}

export async function resolveApiKey(req: FastifyRequest, tenancy: Tenancy, token: string): Promise<Actor> {
  const { rows } = await sql<{
    key_id: string;
    organization_id: string;
  }>`SELECT * FROM auth_find_api_key(${tokenHash(token)})`.execute(tenancy.db);
  const found = rows[0];
  if (!found) throw new Unauthenticated('invalid_credentials', 'Unknown API key.');
  const who = { userId: found.key_id, email: null, ip: req.ip };
  const actor = await tenancy.run(found.organization_id, who, async (tx) => {
    const db = withFhirTables(tx.db);
    const key = await db
      .selectFrom('api_keys as k')
      .innerJoin('organizations as o', 'o.id', 'k.organization_id')
      .select([
        'k.id',
        'k.name',
        'k.revoked_at',
        'k.last_used_at',
        'o.name as org_name',
        'o.idle_timeout_minutes',
      ])
      .where('k.id', '=', found.key_id)
      .executeTakeFirstOrThrow();
    if (key.revoked_at) {
      tx.audit({
        action: 'api_key.refused',
        outcome: 'denied',
        resourceType: 'api_key',
        resourceId: key.id,
        detail: { reason: 'revoked', route: `${req.method} ${req.routeOptions.url}` },
      });
      return null;
    }
    // Recorded at most once a minute: enough to show the owner which keys are in use.
    if (!key.last_used_at || Date.now() - new Date(key.last_used_at).getTime() > 60_000) {
      await db.updateTable('api_keys').set({ last_used_at: sql`now()` }).where('id', '=', key.id).execute();
    }
    const a: Actor = {
      sessionId: '',
      userId: key.id,
      organizationId: found.organization_id,
      email: `api-key:${key.name}`,
      name: key.name,
      role: 'admin',
      mfaEnrolled: true,
      stage: 'active',
      csrfToken: '',
      ip: req.ip,
      apiKeyId: key.id,
      organization: {
        id: found.organization_id,
        name: key.org_name,
        requireMfa: false,
        sessionIdleMinutes: key.idle_timeout_minutes,
      },
    };
    return a;
  });
  if (!actor) throw new Unauthenticated('ended', 'This API key was revoked.');
  return actor;
}
