import { describe, expect, it } from 'vitest';
import { can, canAssignRole, ROLES } from './permissions.ts';

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
  ] as const)('%s may %s: %s', (role, permission, expected) => {
    expect(can(role, permission)).toBe(expected);
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
