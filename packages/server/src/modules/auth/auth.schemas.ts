import { PERMISSIONS, ROLES } from '@fascia/domain/access/permissions';
import { z } from 'zod';

export const sessionView = z.object({
  user: z.object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    mfaEnrolled: z.boolean(),
  }),
  organization: z.object({
    id: z.uuid(),
    name: z.string(),
    requireMfa: z.boolean(),
    sessionIdleMinutes: z.number().int(),
  }),
  /** full: signed in; mfa_required: enter the code next; mfa_enrol_required: set up two-factor next. */
  stage: z.enum(['full', 'mfa_required', 'mfa_enrol_required']),
  csrfToken: z.string(),
  permissions: z.array(z.enum(PERMISSIONS)),
});
export type SessionView = z.infer<typeof sessionView>;

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'must be an email address' }));

export const signInBody = z.object({
  email,
  password: z.string().min(1, 'is required').max(1024),
});

export const mfaCodeBody = z.object({
  code: z.string().trim().min(6, 'must be the 6-digit code or a recovery code').max(32),
});

/** Re-authentication to replace an active two-factor set-up: the password, or a current code. */
export const reauthBody = z
  .object({
    currentPassword: z.string().min(1, 'is required').max(1024).optional(),
    code: z.string().trim().min(6, 'must be the 6-digit code or a recovery code').max(32).optional(),
  })
  // A first enrolment posts no body at all (Fastify hands the schema null).
  .nullish();
export type ReauthInput = NonNullable<z.infer<typeof reauthBody>>;

export const enrolmentView = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrDataUrl: z.string(),
});

export const enrolmentConfirmed = z.object({
  recoveryCodes: z.array(z.string()),
  session: sessionView,
});

export const passwordChangeBody = z.object({
  currentPassword: z.string().min(1, 'is required').max(1024),
  newPassword: z.string().min(1, 'is required').max(1024),
});
