/** Shapes of the API's answers (docs/api). Kept beside the client so every screen shares them. */

export type Role = 'owner' | 'admin' | 'therapist' | 'front_desk' | 'biller';

export type SessionStage = 'full' | 'mfa_required' | 'mfa_enrol_required';

export interface Organization {
  id: string;
  name: string;
  requireMfa: boolean;
  sessionIdleMinutes: number;
}

/** GET /api/organization: the session's organization plus the clinic's other settings. */
export interface ClinicSettings extends Organization {
  timeZone: string;
  referralExpiringDays: number;
  referralExpiringVisits: number;
  /** Whether the front desk may change care teams (owners and admins always may). */
  frontDeskManagesCareTeam: boolean;
  /** How long a therapist's emergency ("break the glass") access to a chart lasts. */
  emergencyAccessMinutes: number;
}

export interface Session {
  user: { id: string; email: string; displayName: string; role: Role; mfaEnrolled: boolean };
  organization: Organization;
  stage: SessionStage;
  csrfToken: string;
  permissions: string[];
}

export interface MfaEnrolment {
  secret: string;
  otpauthUri: string;
  qrDataUrl: string;
}

export interface MfaEnrolConfirmation {
  recoveryCodes: string[];
  session: Session;
}

export interface StaffMember {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  active: boolean;
  mfaEnrolled: boolean;
  lastSignInAt: string | null;
}

export interface Invitation {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  expiresAt: string;
  createdAt: string;
}

/** The answer to sending an invitation: the one-time link, shown to the sender once. */
export interface SentInvitation extends Invitation {
  link: string;
}

export interface InvitationPreview {
  email: string;
  displayName: string;
  role: Role;
  organizationName: string;
}

export type AuditOutcome = 'success' | 'failure' | 'denied';

export interface AuditEvent {
  seq: number | string;
  occurredAt: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  outcome: AuditOutcome;
  patientId: string | null;
  resourceType: string | null;
  resourceId: string | null;
  ip: string | null;
  detail: unknown;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
  sentAt: string | null;
  /** The mail's one-time link was sent by email only and is not kept. */
  linkWithheld: boolean;
}
