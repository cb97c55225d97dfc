import type { Session } from '../api/types.ts';
import { hasPermission } from '../features/auth/session-query.ts';

export interface NavItem {
  label: string;
  to: string;
}

export const MAIN_NAV: NavItem[] = [
  { label: 'Home', to: '/' },
  { label: 'Patients', to: '/patients' },
  { label: 'Referring providers', to: '/providers' },
  { label: 'Schedule', to: '/schedule' },
  { label: 'Billing', to: '/billing' },
  { label: 'Reports', to: '/reports' },
];

const ADMIN_NAV: (NavItem & { permission: string })[] = [
  { label: 'Staff', to: '/admin/staff', permission: 'staff.manage' },
  { label: 'Audit trail', to: '/admin/audit', permission: 'audit.read' },
  { label: 'Clinic settings', to: '/admin/settings', permission: 'organization.read' },
  { label: 'Outbox', to: '/admin/outbox', permission: 'outbox.read' },
  { label: 'Home-care library', to: '/admin/home-care', permission: 'staff.manage' },
  { label: 'API keys', to: '/admin/api-keys', permission: 'data.export' },
];

/** Admin shows for those who run the clinic (manage staff or read the audit trail), not for every role that may read the clinic's name. */
export function adminNav(session: Session): NavItem[] {
  if (!hasPermission(session, 'staff.manage') && !hasPermission(session, 'audit.read')) return [];
  return ADMIN_NAV.filter((item) => hasPermission(session, item.permission));
}

export function isActive(pathname: string, to: string): boolean {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}
