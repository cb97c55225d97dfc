import { HOME_CARE_LIBRARY, type HomeCareItem } from '@fascia/domain/plans/home-care';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const HOME_CARE_KEY = ['home-care'] as const;

/**
 * The clinic's home-care library: the built-in items plus those the clinic added. Until the
 * server answers, the built-in library is shown so a form never renders empty.
 */
export function useHomeCareLibrary(): readonly HomeCareItem[] {
  const query = useQuery({
    queryKey: HOME_CARE_KEY,
    queryFn: () => api.get<{ items: HomeCareItem[] }>('/home-care'),
    staleTime: 5 * 60_000,
  });
  return query.data?.items ?? HOME_CARE_LIBRARY;
}
