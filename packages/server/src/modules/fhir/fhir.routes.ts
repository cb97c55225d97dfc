import { issueCodeForStatus, operationOutcome } from '@fascia/domain/fhir/bundle';
import {
  capabilityStatement,
  FHIR_TYPE_NAMES,
  type FhirType,
  isFhirType,
} from '@fascia/domain/fhir/capability';
import { parseDateFilter, parseToken, type SearchFilters } from '@fascia/domain/fhir/search';
import type {
  FastifyError,
  FastifyInstance,
  FastifyPluginAsync,
  FastifyReply,
  FastifyRequest,
} from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { Config } from '../../config.ts';
import { databaseInputError } from '../../platform/database-errors.ts';
import { AppError, Invalid } from '../../platform/errors.ts';
import { requireActor } from '../../platform/request-auth.ts';
import type { Tenancy } from '../../platform/tenancy.ts';
import { apiKeysRoutes } from './api-keys.routes.ts';
import { FhirService } from './fhir.service.ts';
import { exportRoutes } from './fhir-export.routes.ts';
import { FhirImportService, FhirIssues } from './fhir-import.service.ts';

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const DEFAULT_COUNT = 50;
const MAX_COUNT = 200;

/** The FHIR R4 API under /fhir/R4 and the owner's API keys under /api/api-keys. */
export function fhirRoutes(tenancy: Tenancy, config: Config): FastifyPluginAsync {
  return async (app) => {
    await app.register(apiKeysRoutes(tenancy));
    await app.register(fhirApi(tenancy, config), { prefix: '/fhir/R4' });
  };
}

type Query = Record<string, string | string[] | undefined>;
const all = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const one = (v: string | string[] | undefined) => all(v)[0];

function fhirApi(tenancy: Tenancy, config: Config): FastifyPluginAsync {
  const fhir = new FhirService(tenancy);
  const importer = new FhirImportService(tenancy);
  const baseUrl = `${config.publicUrl}/fhir/R4`;
  return async (app: FastifyInstance) => {
    installFhirErrors(app);

    app.get('/metadata', { schema: { hide: true }, config: { auth: 'public' } }, async (_req, reply) =>
      reply
        .type(FHIR_JSON)
        .send(
          capabilityStatement({ baseUrl, version: '0.1.0', date: new Date().toISOString().slice(0, 10) }),
        ),
    );

    await app.register(exportRoutes(tenancy, baseUrl));

    app.get<{ Params: { id: string } }>(
      '/Patient/:id/$everything',
      { schema: { hide: true }, config: { auth: 'staff-or-api-key' } },
      async (req, reply) =>
        reply
          .type(FHIR_JSON)
          .send(
            await fhir.everything(requireActor(req), req.params.id, baseUrl, `${config.publicUrl}${req.url}`),
          ),
    );

    const importReferral = async (req: FastifyRequest, reply: FastifyReply) => {
      const outcome = await importer.importReferral(requireActor(req), req.body);
      return reply
        .status(201)
        .type(FHIR_JSON)
        .header('location', `${baseUrl}/ServiceRequest/${outcome.serviceRequest.id}`)
        .send(outcome.serviceRequest);
    };
    // Declared for keys too, so a key is told plainly that it can only read (request-auth refuses it).
    const importConfig = {
      schema: { hide: true },
      config: { auth: 'staff-or-api-key' as const, permission: 'referrals.write' as const },
    };
    app.post('/ServiceRequest/$import', importConfig, importReferral);
    // A transaction Bundle posted to the base: the same referral import, the only transaction accepted.
    app.post('/', importConfig, importReferral);

    app.get<{ Params: { type: string; id: string } }>(
      '/:type/:id',
      { schema: { hide: true }, config: { auth: 'staff-or-api-key' } },
      async (req, reply) =>
        reply
          .type(FHIR_JSON)
          .send(await fhir.read(requireActor(req), knownType(req.params.type), req.params.id, baseUrl)),
    );

    app.get<{ Params: { type: string }; Querystring: Query }>(
      '/:type',
      { schema: { hide: true }, config: { auth: 'staff-or-api-key' } },
      async (req, reply) => {
        const type = knownType(req.params.type);
        const q = req.query;
        const count = Math.min(
          MAX_COUNT,
          Math.max(1, Number(one(q._count) ?? DEFAULT_COUNT) || DEFAULT_COUNT),
        );
        const params = new URLSearchParams(req.url.split('?')[1] ?? '');
        params.delete('_cursor');
        const self = `${baseUrl}/${type}${params.size ? `?${params}` : ''}`;
        const cursor = one(q._cursor);
        const bundle = await fhir.search(requireActor(req), {
          type,
          ...patientParam(one(q.patient) ?? one(q.subject)),
          filters: filters(q),
          count,
          ...(cursor ? { cursor } : {}),
          selfUrl: cursor ? `${self}${params.size ? '&' : '?'}_cursor=${cursor}` : self,
          nextUrl: (next) => `${self}${params.size ? '&' : '?'}_cursor=${next}`,
          baseUrl,
        });
        return reply.type(FHIR_JSON).send(bundle);
      },
    );
  };
}

function knownType(type: string): FhirType {
  if (!isFhirType(type)) {
    throw new FhirIssues(404, 'not-supported', [
      { expression: type, message: `This server serves ${FHIR_TYPE_NAMES.join(', ')}.` },
    ]);
  }
  return type;
}

function patientParam(value: string | undefined): { patientId?: string } {
  if (!value) return {};
  const id = value.replace(/^(.*\/)?Patient\//, '');
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) {
    throw new Invalid([{ field: 'patient', message: 'Give a Patient id or Patient/<id>.' }]);
  }
  return { patientId: id };
}

function dates(name: string, values: string[]) {
  return values.map((v) => {
    const f = parseDateFilter(v);
    if (!f) throw new Invalid([{ field: name, message: `${v} is not a FHIR date (e.g. ge2025-03-01).` }]);
    return f;
  });
}

function filters(q: Query): SearchFilters {
  const codes = all(q.code)
    .flatMap((v) => v.split(','))
    .filter(Boolean);
  const ids = all(q._id)
    .flatMap((v) => v.split(','))
    .filter(Boolean);
  return {
    dates: dates('date', all(q.date)),
    lastUpdated: dates('_lastUpdated', all(q._lastUpdated)),
    ...(codes.length ? { codes: codes.map(parseToken) } : {}),
    ...(ids.length ? { ids } : {}),
  };
}

/** Under /fhir every failure is an OperationOutcome, never problem+json. */
function installFhirErrors(app: FastifyInstance) {
  app.addContentTypeParser('application/fhir+json', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch {
      const err = new Error('The body is not valid JSON.') as FastifyError;
      err.statusCode = 400;
      done(err, undefined);
    }
  });
  app.setErrorHandler((err: FastifyError, req, reply) => {
    let status = 500;
    let outcome = operationOutcome([
      { code: 'exception', diagnostics: `Something went wrong on the server. Quote request id ${req.id}.` },
    ]);
    const unusable = databaseInputError(err);
    if (err instanceof FhirIssues) {
      status = err.status;
      outcome = operationOutcome(
        err.issues.map((i) => ({ code: err.code, diagnostics: i.message, expression: i.expression })),
      );
    } else if (err instanceof Invalid) {
      status = 400;
      outcome = operationOutcome(
        err.errors.map((e) => ({ code: 'invalid', diagnostics: e.message, expression: e.field })),
      );
    } else if (err instanceof AppError) {
      status = err.status;
      outcome = operationOutcome([{ code: issueCodeForStatus(status), diagnostics: err.message }]);
    } else if (hasZodFastifySchemaValidationErrors(err)) {
      status = 400;
      outcome = operationOutcome([{ code: 'invalid', diagnostics: err.message }]);
    } else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      status = err.statusCode;
      outcome = operationOutcome([{ code: issueCodeForStatus(status), diagnostics: err.message }]);
    } else if (unusable) {
      req.log.warn({ err }, 'input refused by the database');
      status = 400;
      outcome = operationOutcome(
        unusable.map((e) => ({
          code: 'invalid',
          diagnostics: e.message,
          expression: e.field,
        })),
      );
    } else {
      req.log.error({ err }, 'unhandled error');
    }
    if (status === 401) reply.header('www-authenticate', 'Bearer realm="fascia"');
    return reply.status(status).type(FHIR_JSON).send(outcome);
  });
  app.setNotFoundHandler((req, reply) =>
    reply
      .status(404)
      .type(FHIR_JSON)
      .send(
        operationOutcome([
          {
            code: 'not-supported',
            diagnostics: `No FHIR interaction ${req.method} ${req.url.split('?')[0]}.`,
          },
        ]),
      ),
  );
}
