-- Foundation: clinics (organizations), staff accounts, sessions, invitations, mail outbox and the
-- append-only audit trail. Every table that holds a clinic's data carries organization_id and is
-- protected by forced row-level security keyed on the per-transaction setting app.organization_id.

CREATE EXTENSION IF NOT EXISTS pgcrypto;

-- The tenant of the current transaction, NULL when none is set (then every tenant policy hides all rows).
CREATE FUNCTION app_current_organization() RETURNS uuid
  LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.organization_id', true), '')::uuid $$;

-- One call protects a tenant table: RLS enabled and forced, one policy for every command, and the
-- app role's grants. Later migrations call it for each new clinical table.
CREATE FUNCTION fascia_protect_tenant_table(tbl regclass, privileges text DEFAULT 'SELECT, INSERT, UPDATE, DELETE')
  RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
  EXECUTE format('CREATE POLICY tenant_isolation ON %s USING (organization_id = app_current_organization()) '
                 'WITH CHECK (organization_id = app_current_organization())', tbl);
  EXECUTE format('GRANT %s ON %s TO fascia_app', privileges, tbl);
END $$;

CREATE TABLE organizations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  require_mfa boolean NOT NULL DEFAULT true,
  idle_timeout_minutes integer NOT NULL DEFAULT 15 CHECK (idle_timeout_minutes BETWEEN 1 AND 1440),
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
-- The organization row is keyed by id, not organization_id, so it gets its own policy.
ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;
ALTER TABLE organizations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON organizations USING (id = app_current_organization());
GRANT SELECT, UPDATE ON organizations TO fascia_app;

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  email text NOT NULL CHECK (email = lower(email) AND position('@' in email) > 1),
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('owner', 'admin', 'therapist', 'front_desk', 'biller')),
  password_hash text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  mfa_secret text,
  mfa_enrolled_at timestamptz,
  mfa_last_step bigint,
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  last_sign_in_at timestamptz,
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now()
);
-- One account per email across all clinics: sign-in finds the clinic from the email.
CREATE UNIQUE INDEX users_email_key ON users (email);
CREATE INDEX users_org_idx ON users (organization_id, name);
SELECT fascia_protect_tenant_table('users');

CREATE TABLE recovery_codes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  user_id uuid NOT NULL REFERENCES users(id),
  code_hash text NOT NULL,
  used_at timestamptz
);
CREATE INDEX recovery_codes_user_idx ON recovery_codes (user_id);
SELECT fascia_protect_tenant_table('recovery_codes');

CREATE TABLE sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  user_id uuid NOT NULL REFERENCES users(id),
  token_hash text NOT NULL UNIQUE,
  csrf_token text NOT NULL,
  stage text NOT NULL CHECK (stage IN ('active', 'mfa_required', 'mfa_enrolment_required')),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ended_at timestamptz,
  end_reason text,
  ip text,
  user_agent text
);
CREATE INDEX sessions_user_idx ON sessions (user_id) WHERE ended_at IS NULL;
SELECT fascia_protect_tenant_table('sessions');

CREATE TABLE invitations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  email text NOT NULL CHECK (email = lower(email)),
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('owner', 'admin', 'therapist', 'front_desk', 'biller')),
  token_hash text NOT NULL UNIQUE,
  invited_by uuid NOT NULL REFERENCES users(id),
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX invitations_org_idx ON invitations (organization_id, created_at DESC);
SELECT fascia_protect_tenant_table('invitations');

CREATE TABLE outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  to_address text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  error text
);
CREATE INDEX outbox_org_idx ON outbox (organization_id, created_at DESC);
SELECT fascia_protect_tenant_table('outbox');

-- Audit trail: append-only, hash-chained per organization (seq 1, 2, 3 … each carrying the hash
-- of the row before it). The trigger refuses UPDATE, DELETE and TRUNCATE for every role.
CREATE TABLE audit_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  seq bigint NOT NULL,
  occurred_at timestamptz NOT NULL,
  actor_id uuid,
  actor_email text,
  action text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
  patient_id uuid,
  resource_type text,
  resource_id text,
  ip text,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  UNIQUE (organization_id, seq)
);
CREATE INDEX audit_events_time_idx ON audit_events (organization_id, occurred_at DESC, seq DESC);
CREATE INDEX audit_events_patient_idx ON audit_events (organization_id, patient_id, occurred_at DESC)
  WHERE patient_id IS NOT NULL;
CREATE INDEX audit_events_actor_idx ON audit_events (organization_id, actor_id, occurred_at DESC);
SELECT fascia_protect_tenant_table('audit_events', 'SELECT, INSERT');

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

-- Sign-in, session and invitation look-ups happen before the clinic is known. These functions run
-- as the owner and reveal only the row id and its clinic; everything else is then read under RLS.
CREATE FUNCTION auth_find_user_by_email(p_email text)
  RETURNS TABLE (user_id uuid, organization_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT id, organization_id FROM users WHERE email = lower(p_email) $$;

CREATE FUNCTION auth_find_session(p_token_hash text)
  RETURNS TABLE (session_id uuid, organization_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT id, organization_id FROM sessions WHERE token_hash = p_token_hash AND ended_at IS NULL $$;

CREATE FUNCTION auth_find_invitation(p_token_hash text)
  RETURNS TABLE (invitation_id uuid, organization_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT id, organization_id FROM invitations WHERE token_hash = p_token_hash $$;

REVOKE ALL ON FUNCTION auth_find_user_by_email(text), auth_find_session(text), auth_find_invitation(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_find_user_by_email(text), auth_find_session(text), auth_find_invitation(text) TO fascia_app;
GRANT EXECUTE ON FUNCTION app_current_organization() TO fascia_app;
GRANT USAGE ON SCHEMA public TO fascia_app;
