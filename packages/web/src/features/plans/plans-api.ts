import type { PlanViolation } from '@fascia/domain/plans/plan-checks';
import type { PlanOfCare } from '@fascia/domain/plans/plan-of-care.schema';
import type { PlanChange } from '@fascia/domain/plans/plan-versions';
import type { OverallDecision } from '@fascia/domain/screening/engine';
import type { ScreeningFinding } from '@fascia/domain/screening/types';
import { useQuery } from '@tanstack/react-query';
import { api, request } from '../../api/client.ts';

/** Shapes of the plan-of-care endpoints (docs/api) and of the records a plan links to. */

export interface PlanSummary {
  id: string;
  referralId: string;
  assessmentId: string;
  currentVersion: number;
  content: PlanOfCare;
  updatedAt: string;
}

export interface PlanVersion {
  version: number;
  reason: string;
  changedAt: string;
  changedBy: string;
  changedByName: string;
  safety: { overridden?: PlanViolation[] } & Record<string, unknown>;
}

export interface PlanView {
  id: string;
  patientId: string;
  referralId: string;
  assessmentId: string;
  currentVersion: number;
  content: PlanOfCare;
  versions: PlanVersion[];
}

export interface PlanDiff {
  from: number;
  to: number;
  changes: PlanChange[];
}

/** The parts of a referral the plan screens read (the referrals screens own the full shape). */
export interface LinkedReferral {
  id: string;
  provider: { id: string; displayName: string; npi: string };
  referral: {
    diagnoses: string[];
    frequency: { timesPerWeek: number };
    durationWeeks: number;
    visitsAuthorized?: number;
    dateWritten: string;
    validUntil: string;
  };
  status: { status: string; explanation: string[] };
}

export interface LinkedAssessment {
  id: string;
  kind: 'initial' | 're_evaluation' | 'discharge';
  performedOn: string;
  status: 'draft' | 'signed';
}

export interface CurrentPicture {
  asOf: string;
  result: { decision: OverallDecision; findings: ScreeningFinding[] };
}

const enc = encodeURIComponent;

export const plansKey = (patientId: string) => ['patients', patientId, 'plans'] as const;
export const planKey = (id: string) => ['plans', id] as const;

export function usePlans(patientId: string) {
  return useQuery({
    queryKey: plansKey(patientId),
    queryFn: () => api.get<{ items: PlanSummary[] }>(`/patients/${enc(patientId)}/plans`),
    select: (data) => data.items,
  });
}

export function usePlan(id: string | undefined) {
  return useQuery({
    queryKey: planKey(id ?? ''),
    queryFn: () => api.get<PlanView>(`/plans/${enc(id ?? '')}`),
    enabled: Boolean(id),
    // An open editor must not be replaced under the therapist's hands by a background refetch.
    refetchOnWindowFocus: false,
  });
}

export function usePlanDiff(id: string, from: number, to: number) {
  return useQuery({
    queryKey: ['plans', id, 'diff', from, to],
    queryFn: () => api.get<PlanDiff>(`/plans/${enc(id)}/diff`, { from, to }),
    enabled: from >= 1 && to >= 1 && from !== to,
  });
}

// Same keys and raw responses as the referral, assessment and screening screens, so they share a cache.
export function useLinkedReferrals(patientId: string) {
  return useQuery({
    queryKey: ['patients', patientId, 'referrals'],
    queryFn: () => api.get<{ items: LinkedReferral[] }>(`/patients/${enc(patientId)}/referrals`),
    select: (data) => data.items,
  });
}

export function useLinkedAssessments(patientId: string) {
  return useQuery({
    queryKey: ['patients', patientId, 'assessments'],
    queryFn: () => api.get<{ items: LinkedAssessment[] }>(`/patients/${enc(patientId)}/assessments`),
    select: (data) => data.items,
  });
}

export function useCurrentPicture(patientId: string) {
  return useQuery({
    queryKey: ['patients', patientId, 'screening-context'],
    queryFn: () => api.get<CurrentPicture>(`/patients/${enc(patientId)}/screening-context`),
  });
}

export const createPlan = (patientId: string, content: unknown) =>
  api.post<PlanView>(`/patients/${enc(patientId)}/plans`, { content });

/** PUT is not on the shared client object; `request` carries the same CSRF and error handling. */
export const revisePlan = (id: string, body: { content: unknown; reason: string; baseVersion: number }) =>
  request<PlanView>('PUT', `/plans/${enc(id)}`, body);
