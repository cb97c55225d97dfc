import { Readable } from 'node:stream';
import { FHIR_TYPE_NAMES, type FhirType, isFhirType } from '@fascia/domain/fhir/capability';
import { parseDateFilter } from '@fascia/domain/fhir/search';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { requireActor } from '../../platform/request-auth.ts';
import type { Tenancy } from '../../platform/tenancy.ts';
import { FhirExportService } from './fhir-export.service.ts';
import { FhirIssues } from './fhir-import.service.ts';

const owner = { auth: 'staff' as const, permission: 'data.export' as const };
type Query = Record<string, string | undefined>;

/**
 * FHIR Bulk Data export for the whole clinic: kick-off (Prefer: respond-async → 202 with the status
 * URL), status (202 while running, 200 with the manifest), one NDJSON file per resource type, and
 * DELETE to discard the files. Owner only, every step audited.
 */
export function exportRoutes(tenancy: Tenancy, baseUrl: string): FastifyPluginAsync {
  return async (app: FastifyInstance) => {
    const exports = new FhirExportService(tenancy, (err) => app.log.error({ err }, 'FHIR export failed'));

    app.get<{ Querystring: Query }>(
      '/$export',
      { schema: { hide: true }, config: owner },
      async (req, reply) => {
        if (!/respond-async/.test(String(req.headers.prefer ?? ''))) {
          throw new FhirIssues(400, 'invalid', [
            {
              expression: 'Prefer',
              message: 'A bulk export runs asynchronously: send Prefer: respond-async.',
            },
          ]);
        }
        const types = exportTypes(req.query._type);
        const since = req.query._since;
        if (since !== undefined && !parseDateFilter(since)) {
          throw new FhirIssues(400, 'invalid', [
            { expression: '_since', message: 'Give an instant, e.g. 2025-03-01T00:00:00Z.' },
          ]);
        }
        const id = await exports.kickOff(requireActor(req), {
          types,
          ...(since ? { since } : {}),
          requestUrl: `${baseUrl}${req.url.replace(/^\/fhir\/R4/, '')}`,
          baseUrl,
        });
        return reply.status(202).header('content-location', `${baseUrl}/$export-status/${id}`).send();
      },
    );

    app.get<{ Params: { id: string } }>(
      '/$export-status/:id',
      { schema: { hide: true }, config: owner },
      async (req, reply) => {
        const job = await exports.status(requireActor(req), uuid(req.params.id));
        if (job.status === 'running') return reply.status(202).header('x-progress', 'running').send();
        if (job.status === 'failed') {
          throw new FhirIssues(500, 'exception', [
            { expression: 'export', message: job.error ?? 'The export failed.' },
          ]);
        }
        return reply.type('application/json').send({
          transactionTime: job.transactionTime?.toISOString(),
          request: job.requestUrl,
          requiresAccessToken: true,
          output: job.output.map((o) => ({
            type: o.type,
            url: `${baseUrl}/$export-file/${job.id}/${o.type}.ndjson`,
            count: o.count,
          })),
          error: [],
        });
      },
    );

    app.delete<{ Params: { id: string } }>(
      '/$export-status/:id',
      { schema: { hide: true }, config: owner },
      async (req, reply) => {
        await exports.delete(requireActor(req), uuid(req.params.id));
        return reply.status(202).send();
      },
    );

    app.get<{ Params: { id: string; file: string } }>(
      '/$export-file/:id/:file',
      { schema: { hide: true }, config: owner },
      async (req, reply) => {
        const actor = requireActor(req);
        const id = uuid(req.params.id);
        const type = req.params.file.replace(/\.ndjson$/, '');
        await exports.openFile(actor, id, type);
        return reply.type('application/fhir+ndjson').send(Readable.from(exports.chunks(actor, id, type)));
      },
    );
  };
}

function exportTypes(value: string | undefined): FhirType[] {
  if (!value) return FHIR_TYPE_NAMES;
  const asked = value.split(',').map((t) => t.trim());
  const unknown = asked.filter((t) => !isFhirType(t));
  if (unknown.length) {
    throw new FhirIssues(
      400,
      'not-supported',
      unknown.map((t) => ({ expression: '_type', message: `${t} is not exported by this server.` })),
    );
  }
  return asked as FhirType[];
}

function uuid(id: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) {
    throw new FhirIssues(404, 'not-found', [{ expression: 'id', message: 'No such export.' }]);
  }
  return id;
}
