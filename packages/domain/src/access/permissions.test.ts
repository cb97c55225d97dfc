import { describe, expect, it } from 'vitest';
import { can, canAssignRole, canInClinic, ROLES } from './permissions.ts';

describe('permission matrix', () => {
  it.each([
    ['front_desk', 'clinical.read_own', false],
    ['front_desk', 'patients.read', true],
    ['front_desk', 'schedule.write', true],
    ['biller', 'clinical.read_own', false],
    ['biller', 'billing.write', true],
    ['therapist', 'clinical.read_own', true],
    ['therapist', 'clinical.read_all', false],
    ['therapist', 'staff.manage', false],
    ['admin', 'staff.manage', true],
    ['admin', 'organization.manage', false],
    ['owner', 'organization.manage', true],
    ['owner', 'patients.care_team.manage', true],
    ['admin', 'patients.care_team.manage', true],
    ['therapist', 'patients.care_team.manage', false],
    ['front_desk', 'patients.care_team.manage', false],
    ['biller', 'patients.care_team.manage', false],
    ['therapist', 'clinical.emergency_access', true],
    ['owner', 'clinical.emergency_access', false],
    ['front_desk', 'clinical.emergency_access', false],
  ] as const)('%s may %s: %s', (role, permission, expected) => {
    expect(can(role, permission)).toBe(expected);
  });

  it('finding 3: only the front desk gains care-team management, and only where the clinic allows it', () => {
    const on = { frontDeskManagesCareTeam: true };
    const off = { frontDeskManagesCareTeam: false };
    expect(canInClinic('front_desk', 'patients.care_team.manage', off)).toBe(false);
    expect(canInClinic('front_desk', 'patients.care_team.manage', on)).toBe(true);
    for (const role of ['therapist', 'biller'] as const) {
      expect(canInClinic(role, 'patients.care_team.manage', on)).toBe(false);
    }
    expect(canInClinic('admin', 'patients.care_team.manage', off)).toBe(true);
    expect(canInClinic('front_desk', 'clinical.read_own', on)).toBe(false);
  });

  it('only an owner makes owners', () => {
    expect(canAssignRole('owner', 'owner')).toBe(true);
    expect(canAssignRole('admin', 'owner')).toBe(false);
    expect(canAssignRole('admin', 'therapist')).toBe(true);
    for (const r of ROLES.filter((r) => r !== 'owner' && r !== 'admin')) {
      expect(canAssignRole(r, 'therapist')).toBe(false);
    }
  });
});
