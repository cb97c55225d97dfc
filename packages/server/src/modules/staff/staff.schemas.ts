import { ROLES } from '@fascia/domain/access/permissions';
import { z } from 'zod';
import { email } from '../auth/auth.schemas.ts';

export const staffMember = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  active: z.boolean(),
  mfaEnrolled: z.boolean(),
  lastSignInAt: z.string().nullable(),
});

export const invitationView = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  expiresAt: z.string(),
  createdAt: z.string(),
});

export const displayName = z.string().trim().min(1, 'is required').max(120);

export const inviteBody = z.object({ email, displayName, role: z.enum(ROLES) });

export const staffPatchBody = z
  .object({ role: z.enum(ROLES).optional(), active: z.boolean().optional() })
  .refine((b) => b.role !== undefined || b.active !== undefined, { message: 'give role or active' });

export const invitationToken = z.object({ token: z.string().min(20).max(100) });

export const publicInvitation = z.object({
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  organizationName: z.string(),
});

export const acceptBody = z.object({ displayName, password: z.string().min(1, 'is required').max(1024) });

type Row = {
  id: string;
  email: string;
  name: string;
  role: string;
  active: boolean;
  mfa_enrolled_at: unknown;
  last_sign_in_at: unknown;
};
export function toStaffMember(r: Row): z.infer<typeof staffMember> {
  return {
    id: r.id,
    email: r.email,
    displayName: r.name,
    role: r.role as z.infer<typeof staffMember>['role'],
    active: r.active,
    mfaEnrolled: r.mfa_enrolled_at !== null,
    lastSignInAt: r.last_sign_in_at ? new Date(r.last_sign_in_at as string).toISOString() : null,
  };
}

type InvRow = {
  id: string;
  email: string;
  name: string;
  role: string;
  expires_at: unknown;
  created_at: unknown;
};
export function toInvitationView(r: InvRow): z.infer<typeof invitationView> {
  return {
    id: r.id,
    email: r.email,
    displayName: r.name,
    role: r.role as z.infer<typeof invitationView>['role'],
    expiresAt: new Date(r.expires_at as string).toISOString(),
    createdAt: new Date(r.created_at as string).toISOString(),
  };
}
