-- Anchors the audit chain outside the database (docs/security.md, "Tampering with the record").
--
-- The hash chain alone proves nothing to someone who can write the table: whoever holds database
-- credentials can re-hash an edited row, insert a correctly chained row, or delete the last rows,
-- and the chain still verifies. So each row now also carries a MAC (HMAC-SHA-256) computed by the
-- application with a key the database never holds (FASCIA_AUDIT_KEY or <data>/audit-keys.secret),
-- and `fascia audit verify` compares the chain with signed checkpoints of its head kept in a file.
--
-- mac_key_id names the key (a fingerprint, never the key), so keys can be rotated: old keys stay
-- listed for verification only. The row id is chosen by the application and covered by the MAC,
-- so a genuine row copied into the chain a second time cannot carry a valid MAC (ids are unique).
ALTER TABLE audit_events
  ADD COLUMN mac text,
  ADD COLUMN mac_key_id text,
  ADD CONSTRAINT audit_events_mac_pair CHECK ((mac IS NULL) = (mac_key_id IS NULL));

-- Rows written before this migration have no MAC: verify reports them as "unkeyed (before
-- migration 0013)", not as broken. This records, per clinic, the first sequence number that must
-- carry one; a clinic created later has no row here, so all of its rows must.
CREATE TABLE audit_keying_start (
  organization_id uuid PRIMARY KEY REFERENCES organizations(id),
  first_keyed_seq bigint NOT NULL
);
INSERT INTO audit_keying_start (organization_id, first_keyed_seq)
  SELECT organization_id, max(seq) + 1 FROM audit_events GROUP BY organization_id;
SELECT fascia_protect_tenant_table('audit_keying_start', 'SELECT');

-- The only way the application writes the trail is the append function below, which runs as the
-- owner: the app role keeps SELECT (the audit screen, FHIR AuditEvent) and loses INSERT.
REVOKE INSERT ON audit_events FROM fascia_app;

-- Migration 0009's append, unchanged in its locking, hashing and commit mode, now SECURITY
-- DEFINER (the app role cannot insert itself) and therefore checking the clinic itself: the
-- tenant policy no longer applies to the insert, so a request may append only to the clinic its
-- transaction is bound to. It also stores the application's row id and MAC.
DROP FUNCTION audit_append(uuid, jsonb, boolean);
CREATE FUNCTION audit_append(p_org uuid, p_events jsonb, p_read_commit_async boolean) RETURNS bigint
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  e jsonb;
  v_seq bigint;
  v_prev text;
  v_hash text;
BEGIN
  IF p_org IS DISTINCT FROM app_current_organization() THEN
    RAISE EXCEPTION 'audit_append: clinic % is not the clinic of this transaction', p_org
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  -- No transaction id yet: the request wrote nothing, only its audit rows will be written.
  IF p_read_commit_async AND pg_current_xact_id_if_assigned() IS NULL THEN
    PERFORM set_config('synchronous_commit', 'off', true);
  END IF;
  PERFORM pg_advisory_xact_lock(hashtextextended('audit:' || p_org::text, 0));
  -- A new statement after the lock: a fresh snapshot, so the head is the latest committed one.
  SELECT a.seq, a.hash INTO v_seq, v_prev FROM audit_events a
    WHERE a.organization_id = p_org ORDER BY a.seq DESC LIMIT 1;
  v_seq := coalesce(v_seq, 0);
  v_prev := coalesce(v_prev, repeat('0', 64));
  FOR e IN SELECT value FROM jsonb_array_elements(p_events) LOOP
    v_seq := v_seq + 1;
    v_hash := encode(sha256(convert_to(
      (e->>'text_before_prev_hash') || v_prev || (e->>'text_before_seq') || v_seq::text || '"}',
      'UTF8')), 'hex');
    INSERT INTO audit_events (id, organization_id, seq, occurred_at, actor_id, actor_email, action,
        outcome, patient_id, resource_type, resource_id, ip, detail, prev_hash, hash, mac, mac_key_id)
      VALUES (coalesce((e->>'id')::uuid, gen_random_uuid()), p_org, v_seq,
        (e->>'occurred_at')::timestamptz, (e->>'actor_id')::uuid, e->>'actor_email', e->>'action',
        e->>'outcome', (e->>'patient_id')::uuid, e->>'resource_type', e->>'resource_id', e->>'ip',
        e->'detail', v_prev, v_hash, e->>'mac', e->>'mac_key_id');
    v_prev := v_hash;
  END LOOP;
  RETURN v_seq;
END $$;
REVOKE ALL ON FUNCTION audit_append(uuid, jsonb, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_append(uuid, jsonb, boolean) TO fascia_app;
