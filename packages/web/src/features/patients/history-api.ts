import type { HealthHistory } from '@fascia/domain/patients/health-history.schema';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { put } from './patients-api.ts';

export type HistoryKind =
  | 'conditions'
  | 'surgeries'
  | 'injuries'
  | 'medications'
  | 'allergies'
  | 'pregnancy'
  | 'devices'
  | 'labs'
  | 'radiation';

export interface HistoryItemMeta {
  id: string;
  kind: HistoryKind;
  recordedAt: string;
  recordedBy: string;
}

export interface HistoryResponse {
  history: HealthHistory;
  items: HistoryItemMeta[];
}

export const historyKey = (patientId: string) => ['patients', patientId, 'history'] as const;

const enc = encodeURIComponent;

export function useHistory(patientId: string) {
  return useQuery({
    queryKey: historyKey(patientId),
    queryFn: () => api.get<HistoryResponse>(`/patients/${enc(patientId)}/history`),
  });
}

/** The item without recordedAt/recordedBy: the server stamps who recorded it and when. */
export function recordHistoryItem(patientId: string, kind: HistoryKind, item: object, replacesId?: string) {
  const body = { kind, item };
  return replacesId
    ? put<{ id: string }>(`/patients/${enc(patientId)}/history/${enc(replacesId)}`, body)
    : api.post<{ id: string }>(`/patients/${enc(patientId)}/history`, body);
}

export function retireHistoryItem(patientId: string, itemId: string, reason: string) {
  return api.post<void>(`/patients/${enc(patientId)}/history/${enc(itemId)}/retire`, { reason });
}
