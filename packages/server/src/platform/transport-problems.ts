import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { issueCodeForStatus, operationOutcome } from '@fascia/domain/fhir/bundle';
import type { ConnectionError, FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_TYPE } from './problem.ts';

/**
 * Refusals that happen before a route runs (a malformed address, a part of it too long, headers
 * too large): answered as problem+json (an OperationOutcome under /fhir), never as Fastify's or
 * Node's own plain JSON bodies.
 */
const base = 'https://fascia.dev/problems/';
const FHIR_JSON = 'application/fhir+json; charset=utf-8';

const ROUTING_DETAIL: Record<string, string> = {
  FST_ERR_BAD_URL: 'The address holds a malformed percent-encoding.',
  FST_ERR_MAX_PARAM_LENGTH: 'A part of the address is longer than the server accepts.',
};

/** Fastify's `frameworkErrors`: a path it cannot route (bad percent-encoding, overlong parameter). */
export function routingProblem(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const status = err.statusCode ?? 400;
  const detail = ROUTING_DETAIL[err.code] ?? 'The request could not be routed.';
  if (req.url.startsWith('/fhir/')) {
    return reply
      .status(status)
      .type(FHIR_JSON)
      .send(
        operationOutcome([
          { code: status === 414 ? 'too-long' : issueCodeForStatus(status), diagnostics: detail },
        ]),
      );
  }
  return reply
    .status(status)
    .type(PROBLEM_TYPE)
    .send({
      type: `${base}http-${status}`,
      title: STATUS_CODES[status] ?? 'Bad request',
      status,
      detail,
      instance: req.url,
    });
}

/** Requests whose first line alone passes this are answered 414 rather than 431. */
const LONG_REQUEST_LINE = 8 * 1024;

/**
 * Node's 'clientError': the request never became a request (headers or address too large,
 * unparsable, too slow). Written on the socket as problem+json; there is no route or request id.
 */
export function clientErrorProblem(err: ConnectionError, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  let status = 400;
  let detail = 'The request could not be read.';
  if (err.code === 'HPE_HEADER_OVERFLOW') {
    // Typed as a JSON-ised Buffer by Fastify; Node hands the Buffer itself.
    const raw = err.rawPacket as unknown as Buffer | undefined;
    const head = raw?.subarray(0, LONG_REQUEST_LINE + 2).toString('latin1') ?? '';
    const lineEnd = head.indexOf('\r\n');
    if (lineEnd === -1 ? head.length > LONG_REQUEST_LINE : lineEnd > LONG_REQUEST_LINE) {
      status = 414;
      detail = 'The address is longer than the server accepts.';
    } else {
      status = 431;
      detail = 'The request headers are larger than the server accepts.';
    }
  } else if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    status = 408;
    detail = 'The request took too long to arrive.';
  }
  const title = STATUS_CODES[status] as string;
  const body = JSON.stringify({ type: `${base}http-${status}`, title, status, detail });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${title}\r\nContent-Type: ${PROBLEM_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}

/** Fastify's default `maxParamLength`: a longer path parameter is refused before routing. */
export const FASTIFY_MAX_PARAM_LENGTH = 100;

/** The refusal find-my-way gives an overlong parameter, for paths a wildcard route caught first. */
export function overlongParameter(): FastifyError {
  return Object.assign(new Error(ROUTING_DETAIL.FST_ERR_MAX_PARAM_LENGTH), {
    code: 'FST_ERR_MAX_PARAM_LENGTH',
    statusCode: 414,
    name: 'FastifyError',
  }) as FastifyError;
}
