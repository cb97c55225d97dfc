-- Foundation: clinics (organizations), staff accounts, sessions, invitations, mail outbox and the
-- append-only audit trail. Every table that holds a clinic's data carries organization_id and is
-- protected by forced row-level security keyed on the per-transaction setting app.organization_id.

-- The tenant of the current transaction, NULL when none is set (then every tenant policy hides all rows).
CREATE FUNCTION app_current_organization() RETURNS uuid
  LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.organization_id', true), '')::uuid $$;

-- One call protects a tenant table: RLS enabled and forced, the tenant policy for the app role, and
-- the app role's grants. The migrating owner keeps a policy of its own so that maintenance commands
-- (audit verification, backups) and the SECURITY DEFINER look-ups below work on a PostgreSQL where
-- the owner is not a superuser. Later migrations call this for each new clinical table.
CREATE FUNCTION fascia_protect_tenant_table(tbl regclass, privileges text DEFAULT 'SELECT, INSERT, UPDATE, DELETE')
  RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
  EXECUTE format('CREATE POLICY tenant_isolation ON %s TO fascia_app USING (organization_id = app_current_organization()) '
                 'WITH CHECK (organization_id = app_current_organization())', tbl);
  EXECUTE format('CREATE POLICY owner_maintenance ON %s TO %I USING (true) WITH CHECK (true)', tbl, current_user);
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
CREATE POLICY tenant_isolation ON organizations TO fascia_app USING (id = app_current_organization());
DO $$ BEGIN
  EXECUTE format('CREATE POLICY owner_maintenance ON organizations TO %I USING (true) WITH CHECK (true)', current_user);
END $$;
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

-- Resolves a session cookie in one round trip: finds the session, applies the idle timeout of its
-- clinic and the absolute lifetime, records activity, and returns what every request needs to know
-- about the signed-in user. status: active | idle_timeout | expired | ended.
CREATE FUNCTION auth_resolve_session(p_token_hash text)
  RETURNS TABLE (status text, session_id uuid, organization_id uuid, user_id uuid, stage text,
                 csrf_token text, email text, name text, role text, mfa_enrolled boolean,
                 organization_name text, require_mfa boolean, idle_timeout_minutes integer)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  s sessions%ROWTYPE;
  u users%ROWTYPE;
  o organizations%ROWTYPE;
  v_status text := 'active';
BEGIN
  SELECT * INTO s FROM sessions WHERE token_hash = p_token_hash;
  IF NOT FOUND THEN RETURN; END IF;
  SELECT * INTO u FROM users WHERE id = s.user_id;
  SELECT * INTO o FROM organizations WHERE id = s.organization_id;
  IF s.ended_at IS NOT NULL THEN
    v_status := 'ended';
  ELSIF NOT u.active THEN
    v_status := 'ended';
    UPDATE sessions SET ended_at = now(), end_reason = 'deactivated' WHERE id = s.id;
  ELSIF s.expires_at <= now() THEN
    v_status := 'expired';
    UPDATE sessions SET ended_at = now(), end_reason = 'expired' WHERE id = s.id;
  ELSIF s.last_seen_at + make_interval(mins => o.idle_timeout_minutes) <= now() THEN
    v_status := 'idle_timeout';
    UPDATE sessions SET ended_at = now(), end_reason = 'idle_timeout' WHERE id = s.id;
  ELSIF s.last_seen_at < now() - interval '15 seconds' THEN
    -- Activity is recorded at most every 15 s: the idle clock stays accurate without a write per request.
    UPDATE sessions SET last_seen_at = now() WHERE id = s.id;
  END IF;
  RETURN QUERY SELECT v_status, s.id, s.organization_id, s.user_id, s.stage, s.csrf_token, u.email, u.name,
    u.role, u.mfa_enrolled_at IS NOT NULL, o.name, o.require_mfa, o.idle_timeout_minutes;
END $$;

CREATE FUNCTION auth_find_invitation(p_token_hash text)
  RETURNS TABLE (invitation_id uuid, organization_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT id, organization_id FROM invitations WHERE token_hash = p_token_hash $$;

REVOKE ALL ON FUNCTION auth_find_user_by_email(text), auth_resolve_session(text), auth_find_invitation(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_find_user_by_email(text), auth_resolve_session(text), auth_find_invitation(text) TO fascia_app;
GRANT EXECUTE ON FUNCTION app_current_organization() TO fascia_app;
GRANT USAGE ON SCHEMA public TO fascia_app;

-- Instance-wide facts that belong to no clinic (e.g. whether the demo clinic was created).
CREATE TABLE instance_settings (key text PRIMARY KEY, value jsonb NOT NULL);
