import dayjs from 'dayjs';
import type { AuditOutcome } from '../../api/types.ts';

export interface AuditFilters {
  action: string;
  outcome: AuditOutcome | 'any';
  /** Calendar days as a date input gives them (YYYY-MM-DD), in the clinic's local time. */
  from: string;
  to: string;
  patientId: string;
  /** Only what was done under emergency ("break the glass") access, for the owner's review. */
  emergencyAccess: boolean;
}

export const EMPTY_FILTERS: AuditFilters = {
  action: '',
  outcome: 'any',
  from: '',
  to: '',
  patientId: '',
  emergencyAccess: false,
};

export const PAGE_SIZE = 50;

/**
 * The query string for one page of the audit trail. Days become instants: the start of the first
 * day and the end of the last, local time, so "to 3 May" includes everything done on 3 May.
 */
export function auditQuery(filters: AuditFilters, cursor: string | null): Record<string, string | number> {
  const q: Record<string, string | number> = { limit: PAGE_SIZE };
  if (filters.action.trim()) q.action = filters.action.trim();
  if (filters.outcome !== 'any') q.outcome = filters.outcome;
  if (filters.patientId.trim()) q.patientId = filters.patientId.trim();
  if (filters.emergencyAccess) q.emergencyAccess = 'true';
  const from = dayjs(filters.from, 'YYYY-MM-DD');
  if (filters.from && from.isValid()) q.from = from.startOf('day').toISOString();
  const to = dayjs(filters.to, 'YYYY-MM-DD');
  if (filters.to && to.isValid()) q.to = to.endOf('day').toISOString();
  if (cursor) q.cursor = cursor;
  return q;
}

/** A date range the wrong way round is a typing slip; say so instead of showing nothing. */
export function rangeProblem(filters: AuditFilters): string | null {
  if (filters.from && filters.to && filters.from > filters.to) return 'The start date is after the end date';
  return null;
}

/** The emergency-access grant an audit entry was recorded under, if any (detail.breakGlass). */
export function emergencyGrantOf(detail: unknown): string | undefined {
  if (!detail || typeof detail !== 'object') return undefined;
  const grant = (detail as Record<string, unknown>).breakGlass;
  return typeof grant === 'string' ? grant : undefined;
}
