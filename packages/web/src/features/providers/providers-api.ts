import type { ReferringProvider } from '@fascia/domain/referrals/provider.schema';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { put } from '../patients/patients-api.ts';

export interface ProviderView {
  id: string;
  displayName: string;
  provider: ReferringProvider;
}

export const PROVIDERS_KEY = ['providers'] as const;

export function useProviders(q = '') {
  return useQuery({
    queryKey: [...PROVIDERS_KEY, q],
    queryFn: () => api.get<{ items: ProviderView[] }>('/providers', { q }),
  });
}

export const saveProvider = (provider: ReferringProvider, id?: string) =>
  id
    ? put<ProviderView>(`/providers/${encodeURIComponent(id)}`, provider)
    : api.post<ProviderView>('/providers', provider);
