import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

/** Shapes of /api/api-keys: the list never holds a key, only what identifies one. */

export interface ApiKeyView {
  id: string;
  name: string;
  /** The key's first characters, to tell keys apart in another system's settings. */
  prefix: string;
  scope: 'read';
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export const API_KEYS_KEY = ['api-keys'] as const;

export function useApiKeys() {
  return useQuery({
    queryKey: API_KEYS_KEY,
    queryFn: () => api.get<{ items: ApiKeyView[] }>('/api-keys'),
    select: (data) => data.items,
  });
}

export const createApiKey = (name: string) => api.post<ApiKeyView & { key: string }>('/api-keys', { name });

export const revokeApiKey = (id: string) => api.delete<void>(`/api-keys/${encodeURIComponent(id)}`);
