import type { Role } from '../api/types.ts';

/**
 * Role names as staff read them. The domain package holds the same list; the web package does not
 * depend on it yet, so the labels live here until it does.
 */
export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  admin: 'Administrator',
  therapist: 'Therapist',
  front_desk: 'Front desk',
  biller: 'Biller',
};

export const ROLE_OPTIONS = (Object.keys(ROLE_LABELS) as Role[]).map((value) => ({
  value,
  label: ROLE_LABELS[value],
}));

export function roleLabel(role: string): string {
  return ROLE_LABELS[role as Role] ?? role;
}
