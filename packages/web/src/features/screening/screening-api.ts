import type { HealthHistory } from '@fascia/domain/patients/health-history.schema';
import type { Precaution } from '@fascia/domain/referrals/referral.schema';
import type { OverallDecision, ScreeningResult } from '@fascia/domain/screening/engine';
import type { DayOfAnswers } from '@fascia/domain/screening/screening-input.schema';
import type { ScreeningFinding } from '@fascia/domain/screening/types';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export interface ScreeningContextView {
  /** The clinic's today: the date the server will screen for. */
  asOf: string;
  history: HealthHistory;
  precautions: Precaution[];
  result: ScreeningResult;
}

export interface ScreeningView {
  id: string;
  patientId: string;
  asOf: string;
  answers: DayOfAnswers;
  decision: OverallDecision;
  findings: ScreeningFinding[];
  overrides: { ruleId: string; reason: string; by: string }[];
  acknowledgedBy: string;
  createdAt: string;
}

export interface ScreeningBody {
  dayOf: DayOfAnswers;
  acknowledged: boolean;
  overrides: { ruleId: string; reason: string }[];
}

const enc = encodeURIComponent;

export const screeningContextKey = (patientId: string) =>
  ['patients', patientId, 'screening-context'] as const;
export const screeningsKey = (patientId: string) => ['patients', patientId, 'screenings'] as const;

export function useScreeningContext(patientId: string) {
  return useQuery({
    queryKey: screeningContextKey(patientId),
    queryFn: () => api.get<ScreeningContextView>(`/patients/${enc(patientId)}/screening-context`),
  });
}

export function useScreenings(patientId: string) {
  return useQuery({
    queryKey: screeningsKey(patientId),
    queryFn: () => api.get<{ items: ScreeningView[] }>(`/patients/${enc(patientId)}/screenings`),
  });
}

export const recordScreening = (patientId: string, body: ScreeningBody) =>
  api.post<ScreeningView>(`/patients/${enc(patientId)}/screenings`, body);
