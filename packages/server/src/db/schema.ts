import type { ColumnType, Generated } from 'kysely';

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
  created_at: Timestamp;
}

export interface UsersTable {
  id: Generated<string>;
  organization_id: string;
  email: string;
  name: string;
  role: string;
  password_hash: string;
  active: Generated<boolean>;
  mfa_secret: string | null;
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
}

export interface InstanceSettingsTable {
  key: string;
  value: Json;
}

/** A calendar date (PostgreSQL `date`), kept as the ISO string 'YYYY-MM-DD'. */
type CalendarDate = string;

export interface PatientsTable {
  id: Generated<string>;
  organization_id: string;
  family_name: string;
  given_name: string;
  search_name: string;
  date_of_birth: CalendarDate;
  phone_digits: string | null;
  data: Json;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PatientCareTeamTable {
  organization_id: string;
  patient_id: string;
  user_id: string;
  added_at: Timestamp;
}

export interface CoveragesTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string;
  coverage_order: string;
  data: Json;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface HealthHistoryItemsTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string;
  kind: string;
  data: Json;
  recorded_at: Timestamp;
  recorded_by: string;
  replaces_id: string | null;
  retired_at: NullableTimestamp;
  retired_by: string | null;
  retire_reason: string | null;
}

export interface ReferringProvidersTable {
  id: Generated<string>;
  organization_id: string;
  npi: string;
  display_name: string;
  search_name: string;
  data: Json;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReferralsTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string;
  provider_id: string;
  valid_from: CalendarDate;
  valid_until: CalendarDate;
  data: Json;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReferralAttachmentsTable {
  referral_id: string;
  organization_id: string;
  sha256: string;
  media_type: string;
  file_name: string;
  size_bytes: number;
  content: Buffer;
  uploaded_by: string | null;
  uploaded_at: Timestamp;
}

export interface ScreeningsTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string;
  as_of: CalendarDate;
  answers: Json;
  findings: Json;
  decision: 'proceed' | 'proceed_with_care' | 'stop';
  overrides: Json;
  acknowledged_by: string;
  created_at: Timestamp;
}

export interface AssessmentsTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string;
  referral_id: string | null;
  kind: 'initial' | 're_evaluation' | 'discharge';
  performed_on: CalendarDate;
  therapist_id: string;
  content: Json;
  status: Generated<'draft' | 'signed'>;
  version: Generated<number>;
  content_hash: string | null;
  signed_by: string | null;
  signed_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AssessmentAddendaTable {
  id: Generated<string>;
  organization_id: string;
  assessment_id: string;
  reason: string;
  body: string;
  author_id: string;
  created_at: Timestamp;
}

export interface OutcomeResponsesTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string;
  instrument_id: string;
  administered_on: CalendarDate;
  response: Json;
  result: Json;
  score: string | number | null;
  assessment_id: string | null;
  source: 'assessment' | 'kiosk' | 'staff';
  created_by: string | null;
  created_at: Timestamp;
}

export interface KioskSessionsTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string;
  token_hash: string;
  instrument_ids: string[];
  completed_instrument_ids: Generated<string[]>;
  created_by: string;
  expires_at: Timestamp;
  completed_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface PlansTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string;
  referral_id: string;
  assessment_id: string;
  current_version: Generated<number>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PlanVersionsTable {
  id: Generated<string>;
  organization_id: string;
  plan_id: string;
  version: number;
  content: Json;
  reason: string;
  safety: Json;
  changed_by: string;
  changed_at: Timestamp;
}

export interface SessionNotesTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string;
  screening_id: string;
  plan_id: string | null;
  referral_id: string | null;
  visit_date: CalendarDate;
  therapist_id: string;
  status: Generated<'draft' | 'signed'>;
  outcome: Generated<'treated' | 'postponed'>;
  content: Json;
  version: Generated<number>;
  billing: Json | null;
  late_entry: Generated<boolean>;
  referral_override: string | null;
  content_hash: string | null;
  signed_by: string | null;
  signed_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionNoteAddendaTable {
  id: Generated<string>;
  organization_id: string;
  note_id: string;
  reason: string;
  body: string;
  author_id: string;
  created_at: Timestamp;
}

export interface DocumentsTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string;
  referral_id: string | null;
  note_id: string | null;
  kind: 'progress_report' | 'initial_evaluation' | 're_evaluation' | 'discharge_summary' | 'visit_note';
  version: number;
  title: string;
  media_type: Generated<string>;
  sha256: string;
  size_bytes: number;
  content: Buffer;
  generated_by: string;
  created_at: Timestamp;
}

export interface DocumentSharesTable {
  id: Generated<string>;
  organization_id: string;
  document_id: string;
  token_hash: string;
  code_hash: string;
  recipient_email: string | null;
  expires_at: Timestamp;
  revoked_at: NullableTimestamp;
  revoked_by: string | null;
  failed_codes: Generated<number>;
  opens: Generated<number>;
  created_by: string;
  created_at: Timestamp;
}

export interface AssessmentPhotosTable {
  id: Generated<string>;
  organization_id: string;
  assessment_id: string;
  caption: string | null;
  media_type: string;
  sha256: string;
  size_bytes: number;
  content: Buffer;
  uploaded_by: string;
  uploaded_at: Timestamp;
}

export interface Database {
  organizations: OrganizationsTable;
  users: UsersTable;
  recovery_codes: RecoveryCodesTable;
  sessions: SessionsTable;
  invitations: InvitationsTable;
  outbox: OutboxTable;
  audit_events: AuditEventsTable;
  instance_settings: InstanceSettingsTable;
  patients: PatientsTable;
  patient_care_team: PatientCareTeamTable;
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
}
