import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export type ReportKind = 'progress_report' | 'initial_evaluation' | 're_evaluation' | 'discharge_summary';
export type Recommendation = 'continue' | 'modify' | 'discharge' | 'refer_back';

export interface DocumentSummary {
  id: string;
  kind: ReportKind | 'visit_note' | string;
  version: number;
  title: string;
  sha256: string;
  sizeBytes: number;
  createdAt: string;
}

export interface DocumentView extends DocumentSummary {
  referralId: string | null;
  noteId: string | null;
  generatedBy: string;
}

export interface ReportRequest {
  kind: ReportKind;
  assessment: string;
  recommendation: Recommendation;
  recommendationNote?: string;
}

export const REPORT_KINDS: { value: ReportKind; label: string }[] = [
  { value: 'progress_report', label: 'Progress report' },
  { value: 'initial_evaluation', label: 'Initial evaluation summary' },
  { value: 're_evaluation', label: 'Re-evaluation summary' },
  { value: 'discharge_summary', label: 'Discharge summary' },
];

// Worded as the physician reads them in the report, so the therapist picks what will be printed.
export const RECOMMENDATIONS: { value: Recommendation; label: string }[] = [
  { value: 'continue', label: 'Continue the plan of care as ordered' },
  { value: 'modify', label: 'Continue with modifications' },
  { value: 'discharge', label: 'Discharge from massage therapy' },
  { value: 'refer_back', label: 'Refer back to the physician for review' },
];

export function documentKindLabel(kind: string): string {
  if (kind === 'visit_note') return 'Visit note';
  return REPORT_KINDS.find((k) => k.value === kind)?.label ?? kind;
}

/** Enough of the hash to compare with a printed copy by eye; the full value is in the tooltip. */
export function shortHash(sha256: string): string {
  return sha256.slice(0, 12);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const enc = encodeURIComponent;

export const documentsKey = (patientId: string) => ['patients', patientId, 'documents'] as const;

export function useDocuments(patientId: string) {
  return useQuery({
    queryKey: documentsKey(patientId),
    queryFn: () => api.get<{ items: DocumentView[] }>(`/patients/${enc(patientId)}/documents`),
  });
}

/** The stored PDF, opened by the browser itself so its viewer, print and save work as usual. */
export const documentUrl = (documentId: string) => `/api/documents/${enc(documentId)}`;

export const generateReport = (referralId: string, body: ReportRequest) =>
  api.post<DocumentSummary>(`/referrals/${enc(referralId)}/reports`, body);

export const printNote = (noteId: string) => api.post<DocumentSummary>(`/notes/${enc(noteId)}/pdf`);
