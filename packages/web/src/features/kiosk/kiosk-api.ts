import { api } from '../../api/client.ts';
import type { Answers } from '../outcomes/questionnaire-items.tsx';

export interface KioskStart {
  token: string;
  path: string;
  expiresAt: string;
}

export interface KioskView {
  greetingName: string;
  remaining: string[];
  completed: string[];
}

const enc = encodeURIComponent;

export const startKiosk = (patientId: string, instrumentIds: string[]) =>
  api.post<KioskStart>(`/patients/${enc(patientId)}/kiosk`, { instrumentIds });

export const kioskKey = (token: string) => ['kiosk', token] as const;

export const fetchKiosk = (token: string) => api.get<KioskView>(`/kiosk/${enc(token)}`);

export const submitKiosk = (
  token: string,
  body: { instrumentId: string; answers: Answers; itemLabels?: Record<string, string> },
) => api.post<{ remaining: string[]; done: boolean }>(`/kiosk/${enc(token)}/responses`, body);
