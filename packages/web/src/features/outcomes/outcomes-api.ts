import type { ChangeSeries } from '@fascia/domain/outcomes/change';
import type { ScoreResult } from '@fascia/domain/outcomes/score';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export interface OutcomeResponseView {
  id: string;
  administeredOn: string;
  source: string;
  result: ScoreResult;
}

export interface OutcomeSeriesView {
  instrumentId: string;
  name: string;
  responses: OutcomeResponseView[];
  series: ChangeSeries;
}

export const outcomesKey = (patientId: string) => ['patients', patientId, 'outcomes'] as const;

export function useOutcomeSeries(patientId: string) {
  return useQuery({
    queryKey: outcomesKey(patientId),
    queryFn: () =>
      api.get<{ items: OutcomeSeriesView[] }>(`/patients/${encodeURIComponent(patientId)}/outcomes`),
    select: (data) => data.items,
  });
}
