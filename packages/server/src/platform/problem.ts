import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { databaseInputError } from './database-errors.ts';
import { AppError, type FieldError } from './errors.ts';
import { FASTIFY_MAX_PARAM_LENGTH, overlongParameter, routingProblem } from './transport-problems.ts';

export const PROBLEM_TYPE = 'application/problem+json';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  [extension: string]: unknown;
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.status(problem.status).type(PROBLEM_TYPE).send(problem);
}

/** `email` for body fields, `query.limit` / `params.id` for the others; `body` for the body itself. */
function fieldName(context: string | undefined, instancePath: string): string {
  const path = instancePath.replace(/^\//, '').replaceAll('/', '.');
  const where = context === 'querystring' ? 'query' : (context ?? 'body');
  if (where === 'body') return path || 'body';
  return path ? `${where}.${path}` : where;
}

/**
 * One mapping from everything a request can fail with to RFC 9457 problem+json. A 5xx carries a
 * generic detail and the request id only: internals go to the log, never to the client.
 */
export function installProblemHandlers(app: FastifyInstance, opts: { webApp: boolean }): void {
  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof AppError) {
      return sendProblem(reply, {
        type: err.type,
        title: err.title,
        status: err.status,
        detail: err.message,
        instance: req.url,
        ...err.extensions(),
      });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const errors: FieldError[] = err.validation.map((v) => ({
        field: fieldName(err.validationContext, v.instancePath),
        message: v.message ?? 'is invalid',
      }));
      return sendProblem(reply, {
        type: 'https://fascia.dev/problems/validation',
        title: 'Invalid input',
        status: 422,
        detail: errors.map((e) => `${e.field}: ${e.message}`).join('; '),
        instance: req.url,
        errors,
      });
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err }, 'response did not match its schema');
      return internal(reply, req);
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: malformed JSON, unsupported media type, body too large, rate limit.
      return sendProblem(reply, {
        type: `https://fascia.dev/problems/http-${status}`,
        title: httpTitle(status),
        status,
        detail: status === 429 ? 'Too many requests; wait a minute and try again.' : err.message,
        instance: req.url,
      });
    }
    const unusable = databaseInputError(err);
    if (unusable) {
      // Validation should have caught it; the warning says where a schema is missing.
      req.log.warn({ err }, 'input refused by the database');
      return sendProblem(reply, {
        type: 'https://fascia.dev/problems/validation',
        title: 'Invalid input',
        status: 422,
        detail: unusable.map((e) => `${e.field}: ${e.message}`).join('; '),
        instance: req.url,
        errors: unusable,
      });
    }
    req.log.error({ err }, 'unhandled error');
    return internal(reply, req);
  });

  app.setNotFoundHandler((req, reply) => {
    // The web app's own routes (/admin/staff, /invite/…) are answered by its index.html.
    const path = req.url.split('?')[0] ?? '';
    const apiLike = /^\/(api|fhir|healthz|readyz)(\/|$)/.test(path);
    if (opts.webApp && req.method === 'GET' && !apiLike && !/\.[a-z0-9]+$/i.test(path)) {
      return reply.type('text/html').sendFile('index.html');
    }
    // With the web app served, its wildcard route catches what find-my-way refused for an
    // overlong parameter; the refusal is still the 414 it is without the web app.
    if (apiLike && path.split('/').some((segment) => segment.length > FASTIFY_MAX_PARAM_LENGTH)) {
      return routingProblem(overlongParameter(), req, reply);
    }
    return sendProblem(reply, {
      type: 'https://fascia.dev/problems/not-found',
      title: 'Not found',
      status: 404,
      detail: `No route ${req.method} ${req.url.split('?')[0]}.`,
      instance: req.url,
    });
  });
}

function internal(reply: FastifyReply, req: FastifyRequest) {
  return sendProblem(reply, {
    type: 'https://fascia.dev/problems/internal',
    title: 'Internal error',
    status: 500,
    detail: `Something went wrong on the server. Quote request id ${req.id} when reporting it.`,
    instance: req.url,
  });
}

function httpTitle(status: number): string {
  const titles: Record<number, string> = {
    400: 'Bad request',
    401: 'Not signed in',
    403: 'Forbidden',
    404: 'Not found',
    405: 'Method not allowed',
    406: 'Not acceptable',
    413: 'Payload too large',
    414: 'URI too long',
    415: 'Unsupported media type',
    431: 'Request header fields too large',
    429: 'Too many requests',
  };
  return titles[status] ?? 'Request failed';
}
