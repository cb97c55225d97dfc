import { ApiProblem, networkProblem, type ProblemDetails, parseProblem } from './problem.ts';

export { ApiProblem } from './problem.ts';

/**
 * The one way the web app talks to the server: same-origin cookies, JSON both ways, problem+json
 * errors thrown as ApiProblem. Writes carry the session's CSRF token because the session cookie
 * alone would let another site's form act on the user's behalf.
 */

const BASE = '/api';
const SAFE_METHODS = new Set(['GET', 'HEAD']);

let csrfToken: string | null = null;
let lastRequestAt = 0;
let onUnauthorized: ((problem: ProblemDetails) => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The app decides where a 401 leads (it owns the router); the client only reports it. */
export function setUnauthorizedHandler(handler: ((problem: ProblemDetails) => void) | null): void {
  onUnauthorized = handler;
}

/** When the server last heard from this tab; the idle timer uses it to keep both clocks in step. */
export function millisecondsSinceLastRequest(now = Date.now()): number {
  return lastRequestAt === 0 ? Number.POSITIVE_INFINITY : now - lastRequestAt;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  // No Content-Type without a body: the server refuses an empty body declared as JSON.
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (!SAFE_METHODS.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(`${BASE}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiProblem(networkProblem());
  }
  lastRequestAt = Date.now();

  const payload = await readBody(response);
  if (!response.ok) {
    const problem = parseProblem(response.status, payload, response.statusText);
    if (problem.status === 401) onUnauthorized?.(problem);
    throw new ApiProblem(problem);
  }
  return payload as T;
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.includes('json')) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', query ? withQuery(path, query) : path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
