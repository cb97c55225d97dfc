import type { ColumnType, Generated } from 'kysely';
import type {
  AssessmentAddendaTable,
  AssessmentPhotosTable,
  AssessmentsTable,
  ClinicHomeCareItemsTable,
  ClinicProfilesTable,
  CoveragesTable,
  DocumentSharesTable,
  DocumentsTable,
  HealthHistoryItemsTable,
  KioskSessionsTable,
  OutcomeResponsesTable,
  PatientCareTeamTable,
  PatientsTable,
  PlansTable,
  PlanVersionsTable,
  ReferralAttachmentsTable,
  ReferralsTable,
  ReferringProvidersTable,
  ScreeningsTable,
  SessionNoteAddendaTable,
  SessionNotesTable,
} from './schema-clinical.ts';

/** Table types for Kysely, kept by hand beside the migrations that define the tables. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface OrganizationsTable {
  id: Generated<string>;
  name: string;
  require_mfa: Generated<boolean>;
  idle_timeout_minutes: Generated<number>;
  is_demo: Generated<boolean>;
  time_zone: Generated<string>;
  referral_expiring_days: Generated<number>;
  referral_expiring_visits: Generated<number>;
  front_desk_manages_care_team: Generated<boolean>;
  emergency_access_minutes: Generated<number>;
  created_at: Timestamp;
}

/** Sign-in failures per (account, address), migration 0016. */
export interface SignInThrottleTable {
  organization_id: string;
  user_id: string;
  ip: string;
  failures: Generated<number>;
  last_failure_at: NullableTimestamp;
  locked_until: NullableTimestamp;
  succeeded_at: NullableTimestamp;
}

export interface UsersTable {
  id: Generated<string>;
  organization_id: string;
  email: string;
  name: string;
  role: string;
  password_hash: string;
  active: Generated<boolean>;
  /** Sealed (platform/auth/secret-box.ts), never the base32 seed itself. */
  mfa_secret: string | null;
  /** A re-enrolment's new secret, sealed, until a code from it confirms it (migration 0016). */
  mfa_pending_secret: Generated<string | null>;
  mfa_enrolled_at: NullableTimestamp;
  mfa_last_step: string | null;
  failed_attempts: Generated<number>;
  locked_until: NullableTimestamp;
  last_sign_in_at: NullableTimestamp;
  password_changed_at: Timestamp;
  created_at: Timestamp;
  credentials: string | null;
  license_number: string | null;
}

export interface RecoveryCodesTable {
  id: Generated<string>;
  organization_id: string;
  user_id: string;
  code_hash: string;
  used_at: NullableTimestamp;
}

export interface SessionsTable {
  id: Generated<string>;
  organization_id: string;
  user_id: string;
  token_hash: string;
  csrf_token: string;
  stage: 'active' | 'mfa_required' | 'mfa_enrolment_required';
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ended_at: NullableTimestamp;
  end_reason: string | null;
  ip: string | null;
  user_agent: string | null;
}

export interface InvitationsTable {
  id: Generated<string>;
  organization_id: string;
  email: string;
  name: string;
  role: string;
  token_hash: string;
  invited_by: string;
  expires_at: Timestamp;
  accepted_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface OutboxTable {
  id: Generated<string>;
  organization_id: string;
  to_address: string;
  subject: string;
  body: string;
  created_at: Timestamp;
  sent_at: NullableTimestamp;
  error: string | null;
  regarding_type: 'invitation' | 'document_share' | null;
  regarding_id: string | null;
  /** The body's one-time link was mailed and never stored (mail.ts). */
  link_withheld: Generated<boolean>;
}

export interface EmergencyAccessGrantsTable {
  organization_id: string;
  id: Generated<string>;
  patient_id: string;
  user_id: string;
  reason: string;
  granted_at: Timestamp;
  expires_at: Timestamp;
}

export interface AuditEventsTable {
  id: Generated<string>;
  organization_id: string;
  seq: ColumnType<string, number | string, never>;
  occurred_at: Timestamp;
  actor_id: string | null;
  actor_email: string | null;
  action: string;
  outcome: 'success' | 'failure' | 'denied';
  patient_id: string | null;
  resource_type: string | null;
  resource_id: string | null;
  ip: string | null;
  detail: Json;
  prev_hash: string;
  hash: string;
  /** HMAC by the application with the audit key (migration 0013); null on older rows. */
  mac: string | null;
  mac_key_id: string | null;
}

/** Per clinic, the first audit row that must carry a MAC (rows before migration 0013 do not). */
export interface AuditKeyingStartTable {
  organization_id: string;
  first_keyed_seq: string;
}

export interface InstanceSettingsTable {
  key: string;
  value: Json;
}

export interface Database {
  organizations: OrganizationsTable;
  users: UsersTable;
  sign_in_throttle: SignInThrottleTable;
  recovery_codes: RecoveryCodesTable;
  sessions: SessionsTable;
  invitations: InvitationsTable;
  outbox: OutboxTable;
  audit_events: AuditEventsTable;
  audit_keying_start: AuditKeyingStartTable;
  instance_settings: InstanceSettingsTable;
  patients: PatientsTable;
  patient_care_team: PatientCareTeamTable;
  emergency_access_grants: EmergencyAccessGrantsTable;
  coverages: CoveragesTable;
  health_history_items: HealthHistoryItemsTable;
  referring_providers: ReferringProvidersTable;
  referrals: ReferralsTable;
  referral_attachments: ReferralAttachmentsTable;
  screenings: ScreeningsTable;
  assessments: AssessmentsTable;
  assessment_addenda: AssessmentAddendaTable;
  outcome_responses: OutcomeResponsesTable;
  kiosk_sessions: KioskSessionsTable;
  plans: PlansTable;
  plan_versions: PlanVersionsTable;
  session_notes: SessionNotesTable;
  session_note_addenda: SessionNoteAddendaTable;
  documents: DocumentsTable;
  document_shares: DocumentSharesTable;
  assessment_photos: AssessmentPhotosTable;
  clinic_home_care_items: ClinicHomeCareItemsTable;
  clinic_profiles: ClinicProfilesTable;
}
