import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Invitation, Role, SentInvitation, StaffMember } from '../../api/types.ts';

export const STAFF_KEY = ['staff'] as const;
export const INVITATIONS_KEY = ['staff', 'invitations'] as const;

export function useStaff() {
  return useQuery({ queryKey: STAFF_KEY, queryFn: () => api.get<{ items: StaffMember[] }>('/staff') });
}

export function useInvitations() {
  return useQuery({
    queryKey: INVITATIONS_KEY,
    queryFn: () => api.get<{ items: Invitation[] }>('/staff/invitations'),
  });
}

export interface InvitationInput {
  email: string;
  displayName: string;
  role: Role;
}

export function createInvitation(input: InvitationInput) {
  return api.post<SentInvitation>('/staff/invitations', input);
}

export function useUpdateStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...change }: { id: string; role?: Role; active?: boolean }) =>
      api.patch<StaffMember>(`/staff/${encodeURIComponent(id)}`, change),
    onSuccess: (updated) => {
      queryClient.setQueryData<{ items: StaffMember[] }>(STAFF_KEY, (old) =>
        old ? { items: old.items.map((m) => (m.id === updated.id ? updated : m)) } : old,
      );
    },
  });
}
