import { canInClinic } from '@fascia/domain/access/permissions';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { ClinicSettings, Role } from '../../api/types.ts';
import { useSession } from '../auth/session-query.ts';

export const clinicSettingsQuery = queryOptions({
  queryKey: ['organization'],
  queryFn: () => api.get<ClinicSettings>('/organization'),
});

/** Whether this user may change care teams: the role's permission, or the clinic's setting. */
export function useCanManageCareTeam(): boolean {
  const { data: session } = useSession();
  const role = session?.user.role as Role | undefined;
  const settings = useQuery({ ...clinicSettingsQuery, enabled: role === 'front_desk' });
  if (!role) return false;
  return canInClinic(role, 'patients.care_team.manage', {
    frontDeskManagesCareTeam: settings.data?.frontDeskManagesCareTeam ?? false,
  });
}

export interface EmergencyGrant {
  id: string;
  patientId: string;
  reason: string;
  grantedAt: string;
  expiresAt: string;
}

export const emergencyAccessKey = (patientId: string) => ['patients', patientId, 'emergency-access'] as const;

export function useEmergencyGrant(patientId: string, enabled: boolean) {
  return useQuery({
    queryKey: emergencyAccessKey(patientId),
    queryFn: () =>
      api.get<{ grant: EmergencyGrant | null }>(
        `/patients/${encodeURIComponent(patientId)}/emergency-access`,
      ),
    enabled,
  });
}

export function requestEmergencyAccess(patientId: string, reason: string) {
  return api.post<EmergencyGrant>(`/patients/${encodeURIComponent(patientId)}/emergency-access`, { reason });
}
