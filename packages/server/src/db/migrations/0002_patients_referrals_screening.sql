-- Patients, their care team, coverages and health history; referring providers and referrals;
-- day-of screenings. Full records are kept as validated JSON documents (the domain schemas are the
-- single definition of their shape); the columns beside them are what lists, search and rules need.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- "Today" for a clinic is its own calendar day.
ALTER TABLE organizations ADD COLUMN time_zone text NOT NULL DEFAULT 'UTC';

CREATE TABLE patients (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  family_name text NOT NULL,
  given_name text NOT NULL,
  -- Normalised (lowercase, no diacritics) "given preferred family", for typo-tolerant search.
  search_name text NOT NULL,
  date_of_birth date NOT NULL,
  phone_digits text,
  data jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX patients_list_idx ON patients (organization_id, family_name, given_name, id);
CREATE INDEX patients_dob_idx ON patients (organization_id, date_of_birth);
CREATE INDEX patients_phone_idx ON patients (organization_id, phone_digits);
CREATE INDEX patients_search_trgm_idx ON patients USING gin (search_name gin_trgm_ops);
SELECT fascia_protect_tenant_table('patients');

-- The therapists who treat a patient: a therapist reads the clinical record of these patients only.
CREATE TABLE patient_care_team (
  organization_id uuid NOT NULL REFERENCES organizations(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  user_id uuid NOT NULL REFERENCES users(id),
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (patient_id, user_id)
);
CREATE INDEX patient_care_team_user_idx ON patient_care_team (user_id, patient_id);
SELECT fascia_protect_tenant_table('patient_care_team');

CREATE TABLE coverages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  coverage_order text NOT NULL CHECK (coverage_order IN ('primary', 'secondary', 'tertiary')),
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX coverages_patient_idx ON coverages (patient_id);
SELECT fascia_protect_tenant_table('coverages');

-- One row per history item. Items are never deleted: a correction retires the old row (with who,
-- when and why) and the replacement points at it, so what was known at any date can be rebuilt.
CREATE TABLE health_history_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  kind text NOT NULL CHECK (kind IN ('conditions', 'surgeries', 'injuries', 'medications', 'allergies',
                                     'pregnancy', 'devices', 'labs', 'radiation')),
  data jsonb NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  recorded_by uuid NOT NULL REFERENCES users(id),
  replaces_id uuid REFERENCES health_history_items(id),
  retired_at timestamptz,
  retired_by uuid REFERENCES users(id),
  retire_reason text
);
CREATE INDEX health_history_patient_idx ON health_history_items (patient_id, recorded_at) WHERE retired_at IS NULL;
SELECT fascia_protect_tenant_table('health_history_items');

CREATE TABLE referring_providers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  npi text NOT NULL CHECK (npi ~ '^[0-9]{10}$'),
  display_name text NOT NULL,
  search_name text NOT NULL,
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organization_id, npi)
);
CREATE INDEX referring_providers_name_idx ON referring_providers (organization_id, display_name);
SELECT fascia_protect_tenant_table('referring_providers');

CREATE TABLE referrals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  provider_id uuid NOT NULL REFERENCES referring_providers(id),
  valid_from date NOT NULL,
  valid_until date NOT NULL,
  data jsonb NOT NULL,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_until >= valid_from)
);
CREATE INDEX referrals_patient_idx ON referrals (patient_id, valid_until DESC);
SELECT fascia_protect_tenant_table('referrals');

-- The scanned paper prescription, addressed by its SHA-256 so a changed file is a different file.
CREATE TABLE referral_attachments (
  referral_id uuid PRIMARY KEY REFERENCES referrals(id),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  media_type text NOT NULL,
  file_name text NOT NULL,
  size_bytes integer NOT NULL,
  content bytea NOT NULL,
  uploaded_by uuid REFERENCES users(id),
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
SELECT fascia_protect_tenant_table('referral_attachments');

-- A day-of screening as recorded: the answers, the findings the engine gave, the decision, the
-- therapist's acknowledgement and any override with its reason. Never updated.
CREATE TABLE screenings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  as_of date NOT NULL,
  answers jsonb NOT NULL,
  findings jsonb NOT NULL,
  decision text NOT NULL CHECK (decision IN ('proceed', 'proceed_with_care', 'stop')),
  overrides jsonb NOT NULL DEFAULT '[]'::jsonb,
  acknowledged_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX screenings_patient_idx ON screenings (patient_id, as_of DESC, created_at DESC);
SELECT fascia_protect_tenant_table('screenings', 'SELECT, INSERT');
