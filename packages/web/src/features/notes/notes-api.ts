import type { OverallDecision } from '@fascia/domain/screening/engine';
import type { ScreeningFinding } from '@fascia/domain/screening/types';
import type { NoteBilling } from '@fascia/domain/sessions/note-billing';
import type { GateResult } from '@fascia/domain/sessions/safety-gate';
import type { DraftNote } from '@fascia/domain/sessions/session-note.schema';
import { useQuery } from '@tanstack/react-query';
import { api, request } from '../../api/client.ts';
import type { FieldProblem } from '../../api/problem.ts';

/** Shapes of the session-note endpoints (docs/api), as the note screens read them. */

export interface NoteSummary {
  id: string;
  visitDate: string;
  status: 'draft' | 'signed';
  outcome: 'treated' | 'postponed';
  signedAt: string | null;
  lateEntry: boolean;
  units: number | null;
  referralId: string | null;
  planId: string | null;
}

export interface NoteAddendum {
  id: string;
  reason: string;
  body: string;
  author: string;
  createdAt: string;
}

export interface NoteView {
  id: string;
  patientId: string;
  screeningId: string;
  planId: string | null;
  referralId: string | null;
  visitDate: string;
  status: 'draft' | 'signed';
  outcome: 'treated' | 'postponed';
  version: number;
  content: DraftNote;
  screening: { id: string; asOf: string; decision: OverallDecision; findings: ScreeningFinding[] };
  gate: GateResult;
  billing: NoteBilling | null;
  signIssues: FieldProblem[];
  referral: { id: string; status: string; explanation: string[]; blocksSigning: boolean } | null;
  lateEntry: boolean;
  referralOverride: string | null;
  contentHash: string | null;
  signedBy: string | null;
  signedByName: string | null;
  signedAt: string | null;
  addenda: NoteAddendum[];
}

export interface StartNoteBody {
  screeningId: string;
  planId?: string;
  referralId?: string;
  copyForward?: boolean;
  templateId?: string;
}

const enc = encodeURIComponent;

export const notesKey = (patientId: string) => ['patients', patientId, 'notes'] as const;
export const noteKey = (id: string) => ['notes', id] as const;

export function useNotes(patientId: string) {
  return useQuery({
    queryKey: notesKey(patientId),
    queryFn: () => api.get<{ items: NoteSummary[] }>(`/patients/${enc(patientId)}/notes`),
    select: (data) => data.items,
  });
}

export function useNote(id: string) {
  return useQuery({
    queryKey: noteKey(id),
    queryFn: () => api.get<NoteView>(`/notes/${enc(id)}`),
    // A draft being typed into must not be replaced by a background refetch of an older copy.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

export const startNote = (patientId: string, body: StartNoteBody) =>
  api.post<NoteView>(`/patients/${enc(patientId)}/notes`, body);

/** PUT is not on the shared client object; `request` carries the same CSRF and error handling. */
export const saveNote = (id: string, body: { content: DraftNote; version: number }) =>
  request<NoteView>('PUT', `/notes/${enc(id)}`, body);

export const signNote = (id: string, body: { version: number; referralOverride?: string }) =>
  api.post<NoteView>(`/notes/${enc(id)}/sign`, body);

export const addNoteAddendum = (id: string, body: { reason: string; body: string }) =>
  api.post<NoteView>(`/notes/${enc(id)}/addenda`, body);
