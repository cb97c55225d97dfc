import type { AssessmentComparison } from '@fascia/domain/assessment/assessment-compare';
import { useQuery } from '@tanstack/react-query';
import { api, request } from '../../api/client.ts';
import type { FieldProblem } from '../../api/problem.ts';
import type { AssessmentContent } from './assessment-content.ts';

/** Shapes of the assessment endpoints (docs/api), as the assessment screens read them. */

export type AssessmentKind = 'initial' | 're_evaluation' | 'discharge';

export const KIND_LABELS: Record<AssessmentKind, string> = {
  initial: 'Initial evaluation',
  re_evaluation: 'Re-evaluation',
  discharge: 'Discharge evaluation',
};

export interface AssessmentSummary {
  id: string;
  kind: AssessmentKind;
  performedOn: string;
  status: 'draft' | 'signed';
  therapistId: string;
  referralId: string | null;
  signedAt: string | null;
}

export interface Addendum {
  id: string;
  reason: string;
  body: string;
  author: string;
  createdAt: string;
}

export interface AssessmentView {
  id: string;
  patientId: string;
  referralId: string | null;
  kind: AssessmentKind;
  performedOn: string;
  status: 'draft' | 'signed';
  version: number;
  content: AssessmentContent;
  /** What still blocks signing, with dotted `content.…` paths. */
  problems: FieldProblem[];
  contentHash: string | null;
  signedBy: string | null;
  signedAt: string | null;
  addenda: Addendum[];
}

export interface DraftBody {
  kind: AssessmentKind;
  performedOn: string;
  referralId?: string;
  content: AssessmentContent;
}

const enc = encodeURIComponent;

export const assessmentsKey = (patientId: string) => ['patients', patientId, 'assessments'] as const;
export const assessmentKey = (id: string) => ['assessments', id] as const;

export function useAssessments(patientId: string) {
  return useQuery({
    queryKey: assessmentsKey(patientId),
    queryFn: () => api.get<{ items: AssessmentSummary[] }>(`/patients/${enc(patientId)}/assessments`),
    select: (data) => data.items,
  });
}

export function useAssessment(id: string | undefined) {
  return useQuery({
    queryKey: assessmentKey(id ?? ''),
    queryFn: () => api.get<AssessmentView>(`/assessments/${enc(id ?? '')}`),
    enabled: Boolean(id),
    // A draft being typed into must not be replaced by a background refetch of an older copy.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

export function useComparison(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['assessments', id, 'comparison'],
    queryFn: () =>
      api.get<{ baselineId: string; comparison: AssessmentComparison }>(`/assessments/${enc(id)}/comparison`),
    enabled,
  });
}

export const createAssessment = (patientId: string, body: DraftBody) =>
  api.post<AssessmentView>(`/patients/${enc(patientId)}/assessments`, body);

/** PUT is not on the shared client object; `request` carries the same CSRF and error handling. */
export const saveAssessment = (id: string, body: DraftBody & { version: number }) =>
  request<AssessmentView>('PUT', `/assessments/${enc(id)}`, body);

export const signAssessment = (id: string, version: number) =>
  api.post<AssessmentView>(`/assessments/${enc(id)}/sign`, { version });

export const addAddendum = (id: string, body: { reason: string; body: string }) =>
  api.post<AssessmentView>(`/assessments/${enc(id)}/addenda`, body);

export type PhotoMediaType = 'image/jpeg' | 'image/png';

export interface AssessmentPhoto {
  id: string;
  caption: string | null;
  mediaType: PhotoMediaType;
  sha256: string;
  sizeBytes: number;
  uploadedAt: string;
}

export const photosKey = (id: string) => ['assessments', id, 'photos'] as const;

export function usePhotos(id: string) {
  return useQuery({
    queryKey: photosKey(id),
    queryFn: () => api.get<{ items: AssessmentPhoto[] }>(`/assessments/${enc(id)}/photos`),
    select: (data) => data.items,
  });
}

export const addPhoto = (
  id: string,
  body: { caption?: string; mediaType: PhotoMediaType; dataBase64: string },
) => api.post<AssessmentPhoto>(`/assessments/${enc(id)}/photos`, body);

/** The image itself; an <img> may load it directly because the session cookie is same-origin. */
export const photoUrl = (id: string, photoId: string) => `/api/assessments/${enc(id)}/photos/${enc(photoId)}`;
