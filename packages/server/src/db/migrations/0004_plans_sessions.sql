-- Plans of care (every change a new version with its reason) and session notes (draft → signed,
-- locked by the database, corrected only by addenda).

CREATE TABLE plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  referral_id uuid NOT NULL REFERENCES referrals(id),
  assessment_id uuid NOT NULL REFERENCES assessments(id),
  current_version integer NOT NULL DEFAULT 1,
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plans_patient_idx ON plans (patient_id, created_at DESC);
SELECT fascia_protect_tenant_table('plans', 'SELECT, INSERT, UPDATE');

CREATE TABLE plan_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  plan_id uuid NOT NULL REFERENCES plans(id),
  version integer NOT NULL,
  content jsonb NOT NULL,
  reason text NOT NULL,
  -- The findings checked and the justifications accepted when this version was saved.
  safety jsonb NOT NULL DEFAULT '{}'::jsonb,
  changed_by uuid NOT NULL REFERENCES users(id),
  changed_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (plan_id, version)
);
SELECT fascia_protect_tenant_table('plan_versions', 'SELECT, INSERT');

CREATE TABLE session_notes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  screening_id uuid NOT NULL REFERENCES screenings(id),
  plan_id uuid REFERENCES plans(id),
  referral_id uuid REFERENCES referrals(id),
  visit_date date NOT NULL,
  therapist_id uuid NOT NULL REFERENCES users(id),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'signed')),
  outcome text NOT NULL DEFAULT 'treated' CHECK (outcome IN ('treated', 'postponed')),
  content jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  billing jsonb,
  late_entry boolean NOT NULL DEFAULT false,
  referral_override text,
  content_hash text,
  signed_by uuid REFERENCES users(id),
  signed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'signed') = (signed_at IS NOT NULL AND content_hash IS NOT NULL))
);
CREATE INDEX session_notes_patient_idx ON session_notes (patient_id, visit_date DESC, created_at DESC);
CREATE INDEX session_notes_referral_idx ON session_notes (referral_id) WHERE status = 'signed' AND outcome = 'treated';
SELECT fascia_protect_tenant_table('session_notes', 'SELECT, INSERT, UPDATE');

CREATE TRIGGER session_notes_signed_immutable BEFORE UPDATE OR DELETE ON session_notes
  FOR EACH ROW EXECUTE FUNCTION signed_record_immutable();

CREATE TABLE session_note_addenda (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  note_id uuid NOT NULL REFERENCES session_notes(id),
  reason text NOT NULL CHECK (length(reason) > 0),
  body text NOT NULL CHECK (length(body) > 0),
  author_id uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX session_note_addenda_idx ON session_note_addenda (note_id, created_at);
SELECT fascia_protect_tenant_table('session_note_addenda', 'SELECT, INSERT');
