/**
 * RFC 9457 problem documents as the web app understands them. Pure functions only, so the rules
 * for showing an error (which field, which message, where to send the user) are unit-tested
 * without a browser.
 */

export interface FieldProblem {
  field: string;
  message: string;
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldProblem[];
  /** Why a 401 happened (`idle_timeout`, `invalid_credentials`, …), when the server says. */
  reason?: string;
  [extension: string]: unknown;
}

export class ApiProblem extends Error {
  readonly problem: ProblemDetails;

  constructor(problem: ProblemDetails) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiProblem';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }
}

const GENERIC_TITLES: Record<number, string> = {
  0: 'Cannot reach the server',
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict',
  413: 'Too large',
  422: 'Invalid input',
  423: 'Account temporarily locked',
  429: 'Too many requests',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fieldProblems(value: unknown): FieldProblem[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const list = value.flatMap((e): FieldProblem[] =>
    isRecord(e) && typeof e.field === 'string' && typeof e.message === 'string'
      ? [{ field: e.field, message: e.message }]
      : [],
  );
  return list.length > 0 ? list : undefined;
}

/**
 * Turns whatever came back with a failed response into a problem document. A proxy's HTML error
 * page or an empty body still yields a usable title, so a screen never shows "undefined".
 */
export function parseProblem(status: number, body: unknown, statusText = ''): ProblemDetails {
  const fallbackTitle =
    GENERIC_TITLES[status] ?? (statusText || (status >= 500 ? 'Server error' : 'Request failed'));
  if (!isRecord(body)) {
    return {
      type: 'about:blank',
      title: fallbackTitle,
      status,
      detail: status >= 500 ? 'Something went wrong on the server. Try again in a moment.' : undefined,
    };
  }
  const problem: ProblemDetails = {
    ...body,
    type: typeof body.type === 'string' ? body.type : 'about:blank',
    title: typeof body.title === 'string' && body.title ? body.title : fallbackTitle,
    status: typeof body.status === 'number' ? body.status : status,
  };
  if (typeof body.detail === 'string' && body.detail) problem.detail = body.detail;
  else delete problem.detail;
  const errors = fieldProblems(body.errors);
  if (errors) problem.errors = errors;
  else delete problem.errors;
  if (typeof body.reason === 'string') problem.reason = body.reason;
  else delete problem.reason;
  return problem;
}

export function networkProblem(): ProblemDetails {
  return {
    type: 'about:blank',
    title: GENERIC_TITLES[0]!,
    status: 0,
    detail: 'Check the connection to the clinic server and try again.',
  };
}

export interface FormProblem {
  /** Messages for fields the form shows, keyed by the form's field name. */
  fields: Record<string, string>;
  /** What to show above the form: the detail, plus any error naming a field the form lacks. */
  message: string | null;
}

/**
 * Splits a problem between the form's fields and a message for the whole form. The server names
 * body fields plainly (`email`) and others with a prefix (`query.limit`); `aliases` maps a
 * server name to a form field where the two differ.
 */
export function mapProblemToForm(
  problem: ProblemDetails,
  formFields: readonly string[],
  aliases: Readonly<Record<string, string>> = {},
): FormProblem {
  const fields: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const e of problem.errors ?? []) {
    const name = aliases[e.field] ?? e.field.replace(/^body\./, '');
    if (formFields.includes(name)) {
      fields[name] = fields[name] ? `${fields[name]}; ${e.message}` : capitalise(e.message);
    } else {
      unplaced.push(`${e.field}: ${e.message}`);
    }
  }
  let message: string | null = null;
  if (Object.keys(fields).length === 0) {
    message = problem.detail ?? problem.title;
  } else if (unplaced.length > 0) {
    message = unplaced.join('; ');
  }
  return { fields, message };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Screens anyone may open; a 401 there is an answer to show, not a reason to leave. */
const PUBLIC_PREFIXES = ['/sign-in', '/signed-out', '/invite/', '/kiosk/', '/share/'];

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(p.endsWith('/') ? p : `${p}/`));
}

/**
 * Where a 401 sends the user. On a public screen nowhere: the sign-in form shows "wrong
 * password" itself, and bouncing a stale idle cookie from /sign-in back to /signed-out would loop.
 */
export function unauthorizedDestination(problem: ProblemDetails, pathname: string): string | null {
  if (problem.status !== 401 || isPublicPath(pathname)) return null;
  return problem.reason === 'idle_timeout' ? '/signed-out?reason=idle' : '/sign-in';
}
