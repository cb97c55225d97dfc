/**
 * The permission matrix: which staff role may do what. It is data so that the server enforces it
 * route by route, the web app hides what a role cannot use, and one table-driven test checks every
 * route against every role.
 *
 * Clinical notes: a therapist reads the clinical record of the patients they treat
 * (`clinical.read_own`); reading every patient's notes (`clinical.read_all`) is for owners and
 * admins, or a therapist the clinic grants it to. Front desk sees demographics and the schedule,
 * never clinical notes. Billers see what a claim needs: demographics, coverage, diagnoses, charges.
 * Referrals (the physician's order, its diagnoses and authorised visits) are read by every role and
 * entered by the front desk and therapists; referring providers go with them.
 *
 * The care team decides who reads a chart, so changing it is its own permission
 * (`patients.care_team.manage`): owners and admins always, the front desk only where the clinic
 * turns that on (CLINIC_GRANTS), therapists and billers never — otherwise a therapist could add
 * themselves to any patient and read the record. A therapist off the team who must treat the
 * patient in an emergency asks for time-limited, audited access instead
 * (`clinical.emergency_access`, "break the glass").
 */
export const ROLES = ['owner', 'admin', 'therapist', 'front_desk', 'biller'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  admin: 'Administrator',
  therapist: 'Therapist',
  front_desk: 'Front desk',
  biller: 'Biller',
};

export const PERMISSIONS = [
  'organization.read',
  'organization.manage',
  /** The clinic's letterhead and identifiers (legal name, addresses, NPI, tax id, logo). */
  'organization.profile',
  'staff.read',
  'staff.manage',
  'audit.read',
  'outbox.read',
  'patients.read',
  'patients.write',
  'patients.care_team.manage',
  'referrals.read',
  'referrals.write',
  'clinical.read_own',
  'clinical.read_all',
  'clinical.write',
  'clinical.emergency_access',
  'schedule.read',
  'schedule.write',
  'billing.read',
  'billing.write',
  'reports.read',
  'reports.generate',
  'data.export',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ALL: readonly Permission[] = PERMISSIONS;

// Owners and admins read every chart, so emergency access is never theirs to ask for.
const OWNER: readonly Permission[] = ALL.filter((p) => p !== 'clinical.emergency_access');

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: OWNER,
  admin: OWNER.filter((p) => p !== 'organization.manage' && p !== 'data.export'),
  therapist: [
    'organization.read',
    'staff.read',
    'patients.read',
    'patients.write',
    'referrals.read',
    'referrals.write',
    'clinical.read_own',
    'clinical.write',
    'clinical.emergency_access',
    'schedule.read',
    'schedule.write',
    'reports.read',
    'reports.generate',
  ],
  front_desk: [
    'organization.read',
    'staff.read',
    'patients.read',
    'patients.write',
    'referrals.read',
    'referrals.write',
    'schedule.read',
    'schedule.write',
  ],
  biller: [
    'organization.read',
    'staff.read',
    'patients.read',
    'referrals.read',
    'billing.read',
    'billing.write',
    'reports.read',
  ],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** The clinic settings that widen a role's permissions (Settings → Access). */
export interface ClinicAccessSettings {
  frontDeskManagesCareTeam: boolean;
}

/** Permissions a role has only where the clinic's setting turns them on. */
export const CLINIC_GRANTS: readonly {
  role: Role;
  permission: Permission;
  setting: keyof ClinicAccessSettings;
}[] = [{ role: 'front_desk', permission: 'patients.care_team.manage', setting: 'frontDeskManagesCareTeam' }];

/** Whether some clinic setting could give this role this permission (then the setting is read). */
export function grantableByClinic(role: Role, permission: Permission): boolean {
  return CLINIC_GRANTS.some((g) => g.role === role && g.permission === permission);
}

/** The matrix plus what this clinic's settings grant. */
export function canInClinic(role: Role, permission: Permission, clinic: ClinicAccessSettings): boolean {
  return (
    can(role, permission) ||
    CLINIC_GRANTS.some((g) => g.role === role && g.permission === permission && clinic[g.setting])
  );
}

/** Written reason an emergency ("break the glass") access request needs, in characters. */
export const EMERGENCY_REASON_MIN = 20;
export const EMERGENCY_REASON_MAX = 1000;

export function permissionsOf(role: Role): Permission[] {
  return [...ROLE_PERMISSIONS[role]];
}

/** Which roles an actor may hand out: only an owner makes owners. */
export function canAssignRole(actor: Role, target: Role): boolean {
  if (!can(actor, 'staff.manage')) return false;
  return target !== 'owner' || actor === 'owner';
}
