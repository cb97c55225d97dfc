-- The session look-up also returns the clinic's time zone: most chart and visit requests need the
-- clinic's calendar day, and reading it here saves each of them a statement.
DROP FUNCTION auth_resolve_session(text);
CREATE FUNCTION auth_resolve_session(p_token_hash text)
  RETURNS TABLE (status text, session_id uuid, organization_id uuid, user_id uuid, stage text,
                 csrf_token text, email text, name text, role text, mfa_enrolled boolean,
                 organization_name text, require_mfa boolean, idle_timeout_minutes integer,
                 time_zone text)
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
    u.role, u.mfa_enrolled_at IS NOT NULL, o.name, o.require_mfa, o.idle_timeout_minutes, o.time_zone;
END $$;
REVOKE ALL ON FUNCTION auth_resolve_session(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_resolve_session(text) TO fascia_app;
