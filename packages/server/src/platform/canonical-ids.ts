import type { FastifyInstance } from 'fastify';
import { UUID } from './audit.ts';

/**
 * Every uuid in a request's path or query string is made lower case before anything reads it
 * (issue 12, finding 1). PostgreSQL reads `ABC…` and `abc…` as the same uuid but returns it lower
 * case, so a mixed-case id compared in a service, echoed in a response or written to the audit
 * trail would differ from the stored one. One hook for every route, the FHIR API included, so an
 * upper-case id is accepted the same way everywhere and means exactly its lower-case spelling.
 */
export function installCanonicalIds(app: FastifyInstance): void {
  app.addHook('onRequest', async (req) => {
    lowerCaseUuids(req.params);
    lowerCaseUuids(req.query);
  });
}

function lowerCaseUuids(values: unknown): void {
  if (!values || typeof values !== 'object') return;
  const record = values as Record<string, unknown>;
  for (const [name, value] of Object.entries(record)) {
    if (typeof value === 'string') {
      if (UUID.test(value)) record[name] = value.toLowerCase();
    } else if (Array.isArray(value)) {
      record[name] = value.map((v) => (typeof v === 'string' && UUID.test(v) ? v.toLowerCase() : v));
    }
  }
}
