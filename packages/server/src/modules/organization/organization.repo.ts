import type { Tx } from '../../platform/tenancy.ts';

const columns = [
  'id',
  'name',
  'require_mfa',
  'idle_timeout_minutes',
  'time_zone',
  'referral_expiring_days',
  'referral_expiring_visits',
  'front_desk_manages_care_team',
  'emergency_access_minutes',
] as const;

interface Row {
  id: string;
  name: string;
  require_mfa: boolean;
  idle_timeout_minutes: number;
  time_zone: string;
  referral_expiring_days: number;
  referral_expiring_visits: number;
  front_desk_manages_care_team: boolean;
  emergency_access_minutes: number;
}

const view = (r: Row) => ({
  id: r.id,
  name: r.name,
  requireMfa: r.require_mfa,
  sessionIdleMinutes: r.idle_timeout_minutes,
  timeZone: r.time_zone,
  referralExpiringDays: r.referral_expiring_days,
  referralExpiringVisits: r.referral_expiring_visits,
  frontDeskManagesCareTeam: r.front_desk_manages_care_team,
  emergencyAccessMinutes: r.emergency_access_minutes,
});

export interface OrganizationPatch {
  name?: string | undefined;
  requireMfa?: boolean | undefined;
  sessionIdleMinutes?: number | undefined;
  timeZone?: string | undefined;
  referralExpiringDays?: number | undefined;
  referralExpiringVisits?: number | undefined;
  frontDeskManagesCareTeam?: boolean | undefined;
  emergencyAccessMinutes?: number | undefined;
}

export async function getOrganizationSettings(tx: Tx, id: string) {
  return view(
    await tx.selectFrom('organizations').select(columns).where('id', '=', id).executeTakeFirstOrThrow(),
  );
}

export async function updateOrganizationSettings(tx: Tx, id: string, patch: OrganizationPatch) {
  const row = await tx
    .updateTable('organizations')
    .set({
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.requireMfa !== undefined && { require_mfa: patch.requireMfa }),
      ...(patch.sessionIdleMinutes !== undefined && { idle_timeout_minutes: patch.sessionIdleMinutes }),
      ...(patch.timeZone !== undefined && { time_zone: patch.timeZone }),
      ...(patch.referralExpiringDays !== undefined && { referral_expiring_days: patch.referralExpiringDays }),
      ...(patch.referralExpiringVisits !== undefined && {
        referral_expiring_visits: patch.referralExpiringVisits,
      }),
      ...(patch.frontDeskManagesCareTeam !== undefined && {
        front_desk_manages_care_team: patch.frontDeskManagesCareTeam,
      }),
      ...(patch.emergencyAccessMinutes !== undefined && {
        emergency_access_minutes: patch.emergencyAccessMinutes,
      }),
    })
    .where('id', '=', id)
    .returning(columns)
    .executeTakeFirstOrThrow();
  return view(row);
}
