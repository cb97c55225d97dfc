import type { ColumnType, Generated } from 'kysely';

/** Table types of the clinical record (migrations 0002–0008), kept by hand beside the migrations. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/** A calendar date (PostgreSQL `date`), kept as the ISO string 'YYYY-MM-DD'. */
export type CalendarDate = string;

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
  /** SHA-256 of the tablet's device secret (migration 0020); null on links made before it. */
  device_hash: string | null;
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
  source_hash: string | null;
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

export interface ClinicHomeCareItemsTable {
  organization_id: string;
  item_id: string;
  data: Json;
  created_by: string;
  created_at: Timestamp;
}

export interface ClinicProfilesTable {
  organization_id: string;
  legal_name: string;
  locations: Json;
  phone: string | null;
  fax: string | null;
  npi: string | null;
  tax_id: string | null;
  units: 'metric' | 'us';
  logo: Buffer | null;
  logo_media_type: 'image/png' | 'image/jpeg' | null;
  logo_sha256: string | null;
  updated_by: string | null;
  updated_at: Timestamp;
}
