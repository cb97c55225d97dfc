-- Generated documents (progress reports, evaluation and discharge summaries, visit notes) kept as
-- the exact PDF bytes with their hash, and share links that let a referring physician open one
-- without an account: a link plus a one-time code sent separately, expiring, revocable, audited.

ALTER TABLE users ADD COLUMN credentials text;
ALTER TABLE users ADD COLUMN license_number text;

CREATE TABLE documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  referral_id uuid REFERENCES referrals(id),
  note_id uuid REFERENCES session_notes(id),
  kind text NOT NULL CHECK (kind IN ('progress_report', 'initial_evaluation', 're_evaluation', 'discharge_summary', 'visit_note')),
  version integer NOT NULL,
  title text NOT NULL,
  media_type text NOT NULL DEFAULT 'application/pdf',
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes integer NOT NULL,
  content bytea NOT NULL,
  generated_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX documents_patient_idx ON documents (patient_id, created_at DESC);
SELECT fascia_protect_tenant_table('documents', 'SELECT, INSERT');

CREATE TABLE document_shares (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  document_id uuid NOT NULL REFERENCES documents(id),
  token_hash text NOT NULL UNIQUE,
  code_hash text NOT NULL,
  recipient_email text,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  revoked_by uuid REFERENCES users(id),
  failed_codes integer NOT NULL DEFAULT 0,
  opens integer NOT NULL DEFAULT 0,
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX document_shares_document_idx ON document_shares (document_id);
SELECT fascia_protect_tenant_table('document_shares', 'SELECT, INSERT, UPDATE');

CREATE FUNCTION auth_find_share(p_token_hash text)
  RETURNS TABLE (share_id uuid, organization_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT id, organization_id FROM document_shares WHERE token_hash = p_token_hash $$;
REVOKE ALL ON FUNCTION auth_find_share(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_find_share(text) TO fascia_app;

-- When a referral counts as "expiring soon": days left or authorised visits left (clinic setting).
ALTER TABLE organizations ADD COLUMN referral_expiring_days integer NOT NULL DEFAULT 14 CHECK (referral_expiring_days BETWEEN 0 AND 365);
ALTER TABLE organizations ADD COLUMN referral_expiring_visits integer NOT NULL DEFAULT 2 CHECK (referral_expiring_visits BETWEEN 0 AND 100);

-- Posture photos taken during an assessment; added while it is a draft, kept with it once signed.
CREATE TABLE assessment_photos (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  assessment_id uuid NOT NULL REFERENCES assessments(id),
  caption text,
  media_type text NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png')),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes integer NOT NULL,
  content bytea NOT NULL,
  uploaded_by uuid NOT NULL REFERENCES users(id),
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assessment_photos_idx ON assessment_photos (assessment_id, uploaded_at);
SELECT fascia_protect_tenant_table('assessment_photos', 'SELECT, INSERT');
