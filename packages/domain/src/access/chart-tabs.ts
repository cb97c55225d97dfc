import type { Permission } from './permissions.ts';

/**
 * The tabs of a patient's chart and who sees each: one list for the web app (which shows a tab
 * only to those who may open it) and for the test that opens every tab as every role, so a tab a
 * role sees always loads for that role (issue 13, item 10).
 */
export interface ChartTab {
  value: string;
  label: string;
  /** Shown to anyone holding one of these; an empty list means every staff member. */
  anyOf: readonly Permission[];
}

const CLINICAL: readonly Permission[] = ['clinical.read_own', 'clinical.read_all'];

export const CHART_TABS: readonly ChartTab[] = [
  { value: 'overview', label: 'Overview', anyOf: [] },
  { value: 'history', label: 'History', anyOf: CLINICAL },
  { value: 'insurance', label: 'Insurance', anyOf: [] },
  { value: 'referrals', label: 'Referrals', anyOf: ['referrals.read'] },
  { value: 'screening', label: 'Screening', anyOf: CLINICAL },
  { value: 'plans', label: 'Plan of care', anyOf: CLINICAL },
  { value: 'notes', label: 'Visits', anyOf: CLINICAL },
  { value: 'assessments', label: 'Assessments', anyOf: CLINICAL },
  { value: 'outcomes', label: 'Outcomes', anyOf: CLINICAL },
  { value: 'documents', label: 'Documents', anyOf: ['reports.read'] },
];

/** The tabs someone sees, given what they hold. */
export function visibleChartTabs(holds: (permission: Permission) => boolean): ChartTab[] {
  return CHART_TABS.filter((t) => t.anyOf.length === 0 || t.anyOf.some(holds));
}
