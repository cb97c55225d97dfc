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
  'referrals.read',
  'referrals.write',
  'clinical.read_own',
  'clinical.read_all',
  'clinical.write',
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

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: ALL,
  admin: ALL.filter((p) => p !== 'organization.manage' && p !== 'data.export'),
  therapist: [
    'organization.read',
    'staff.read',
    'patients.read',
    'patients.write',
    'referrals.read',
    'referrals.write',
    'clinical.read_own',
    'clinical.write',
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

export function permissionsOf(role: Role): Permission[] {
  return [...ROLE_PERMISSIONS[role]];
}

/** Which roles an actor may hand out: only an owner makes owners. */
export function canAssignRole(actor: Role, target: Role): boolean {
  if (!can(actor, 'staff.manage')) return false;
  return target !== 'owner' || actor === 'owner';
}
