/**
 * Bundles and OperationOutcomes the API answers with, and the opaque keyset cursor of a search
 * page (which source the page stopped in, after which row, and how many of that row's resources
 * were already sent — one record can yield several resources).
 */
import type { Bundle, OperationOutcome, OperationOutcomeIssue, Resource } from '@medplum/fhirtypes';

export function searchBundle(opts: {
  resources: Resource[];
  baseUrl: string;
  selfUrl: string;
  nextUrl?: string;
  total?: number;
}): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    ...(opts.total !== undefined ? { total: opts.total } : {}),
    link: [
      { relation: 'self', url: opts.selfUrl },
      ...(opts.nextUrl ? [{ relation: 'next', url: opts.nextUrl }] : []),
    ],
    entry: opts.resources.map((resource) => ({
      fullUrl: `${opts.baseUrl}/${resource.resourceType}/${resource.id}`,
      resource,
      search: { mode: 'match' as const },
    })),
  };
}

export type IssueCode = OperationOutcomeIssue['code'];

export function operationOutcome(
  issues: Array<{
    severity?: 'error' | 'warning' | 'information';
    code: IssueCode;
    diagnostics: string;
    expression?: string;
  }>,
): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: issues.map((i) => ({
      severity: i.severity ?? 'error',
      code: i.code,
      diagnostics: i.diagnostics,
      ...(i.expression ? { expression: [i.expression] } : {}),
    })),
  };
}

/** HTTP status → the closest OperationOutcome issue type. */
export function issueCodeForStatus(status: number): IssueCode {
  const codes: Record<number, IssueCode> = {
    400: 'invalid',
    401: 'login',
    403: 'forbidden',
    404: 'not-found',
    405: 'not-supported',
    409: 'conflict',
    410: 'deleted',
    413: 'too-costly',
    415: 'not-supported',
    422: 'invalid',
    429: 'throttled',
  };
  return codes[status] ?? (status >= 500 ? 'exception' : 'processing');
}

export interface PageCursor {
  /** Index of the source (table) the page stopped in. */
  s: number;
  /** Last row id of that source that was read. */
  k: string;
  /** Resources of that row already returned. */
  n: number;
}

export function encodeCursor(c: PageCursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

export function decodeCursor(value: string): PageCursor | undefined {
  try {
    const c = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (typeof c.s === 'number' && typeof c.k === 'string' && typeof c.n === 'number') return c;
  } catch {
    // An unreadable cursor is answered as a bad request by the caller.
  }
  return undefined;
}
