-- Assessment visits (initial evaluation, re-evaluation, discharge), their addenda, outcome
-- questionnaires and the kiosk hand-over of a questionnaire to the patient.

CREATE TABLE assessments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  referral_id uuid REFERENCES referrals(id),
  kind text NOT NULL CHECK (kind IN ('initial', 're_evaluation', 'discharge')),
  performed_on date NOT NULL,
  therapist_id uuid NOT NULL REFERENCES users(id),
  content jsonb NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'signed')),
  version integer NOT NULL DEFAULT 1,
  content_hash text,
  signed_by uuid REFERENCES users(id),
  signed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'signed') = (signed_at IS NOT NULL AND content_hash IS NOT NULL AND signed_by IS NOT NULL))
);
CREATE INDEX assessments_patient_idx ON assessments (patient_id, performed_on DESC);
SELECT fascia_protect_tenant_table('assessments', 'SELECT, INSERT, UPDATE');

-- A signed record (assessment, session note) is a legal record: the database itself refuses to
-- change or remove it, whoever asks. Shared by every table with a draft → signed life cycle.
CREATE FUNCTION signed_record_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION '% rows are never deleted', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.status = 'signed' THEN
    RAISE EXCEPTION '% % is signed; add an addendum instead', TG_TABLE_NAME, OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER assessments_signed_immutable BEFORE UPDATE OR DELETE ON assessments
  FOR EACH ROW EXECUTE FUNCTION signed_record_immutable();

CREATE TABLE assessment_addenda (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  assessment_id uuid NOT NULL REFERENCES assessments(id),
  reason text NOT NULL CHECK (length(reason) > 0),
  body text NOT NULL CHECK (length(body) > 0),
  author_id uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assessment_addenda_idx ON assessment_addenda (assessment_id, created_at);
SELECT fascia_protect_tenant_table('assessment_addenda', 'SELECT, INSERT');

CREATE TABLE outcome_responses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  instrument_id text NOT NULL,
  administered_on date NOT NULL,
  response jsonb NOT NULL,
  result jsonb NOT NULL,
  score numeric,
  assessment_id uuid REFERENCES assessments(id),
  source text NOT NULL CHECK (source IN ('assessment', 'kiosk', 'staff')),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outcome_responses_series_idx ON outcome_responses (patient_id, instrument_id, administered_on);
SELECT fascia_protect_tenant_table('outcome_responses', 'SELECT, INSERT');

-- The clinic tablet handed to the patient: a one-time token for the listed questionnaires only.
CREATE TABLE kiosk_sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  token_hash text NOT NULL UNIQUE,
  instrument_ids text[] NOT NULL,
  completed_instrument_ids text[] NOT NULL DEFAULT '{}',
  created_by uuid NOT NULL REFERENCES users(id),
  expires_at timestamptz NOT NULL,
  completed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
SELECT fascia_protect_tenant_table('kiosk_sessions', 'SELECT, INSERT, UPDATE');

CREATE FUNCTION auth_find_kiosk(p_token_hash text)
  RETURNS TABLE (kiosk_id uuid, organization_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT id, organization_id FROM kiosk_sessions WHERE token_hash = p_token_hash $$;
REVOKE ALL ON FUNCTION auth_find_kiosk(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_find_kiosk(text) TO fascia_app;
