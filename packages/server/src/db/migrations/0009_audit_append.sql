-- Appends a request's audit events at the end of its clinic's chain in one statement: the clinic's
-- append lock, the chain head, each row's hash and the inserts all happen here. The application
-- sends this call and COMMIT in one message, so the lock is held for as long as PostgreSQL takes
-- to write and flush, never across a network round trip or a busy event loop (measured in
-- docs/performance.md: waiting on this lock was most of a read request's time under load).
--
-- The hash is unchanged: SHA-256 over the row's RFC 8785 canonical JSON. Only the previous hash
-- and the sequence number are known here, so the application sends each row's canonical text
-- cut just before those two values (they are the keys "prev_hash" and "seq", the last one sorted).
--
-- A request that only read (its transaction wrote nothing before its audit rows) may commit
-- without waiting for the WAL flush (synchronous_commit off for that transaction only). The
-- clinic's append lock is held until COMMIT returns, so waiting for the disk there capped a
-- clinic's reads at one flush each, one after another (docs/performance.md).
--
-- What this risks, and why it is acceptable: if the database server itself crashes, the access
-- records of reads from its last moments (at most about three times wal_writer_delay, 600 ms by
-- default) may be lost. Nothing is corrupted: WAL is replayed in order, so what is lost is the
-- tail of the chain, which stays gap-free and verifiable, and every data change (and its audit
-- row) still commits durably. FASCIA_READ_AUDIT_COMMIT=sync keeps every commit synchronous.
CREATE FUNCTION audit_append(p_org uuid, p_events jsonb, p_read_commit_async boolean) RETURNS bigint
  LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  e jsonb;
  v_seq bigint;
  v_prev text;
  v_hash text;
BEGIN
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
    INSERT INTO audit_events (organization_id, seq, occurred_at, actor_id, actor_email, action,
        outcome, patient_id, resource_type, resource_id, ip, detail, prev_hash, hash)
      VALUES (p_org, v_seq, (e->>'occurred_at')::timestamptz, (e->>'actor_id')::uuid,
        e->>'actor_email', e->>'action', e->>'outcome', (e->>'patient_id')::uuid,
        e->>'resource_type', e->>'resource_id', e->>'ip', e->'detail', v_prev, v_hash);
    v_prev := v_hash;
  END LOOP;
  RETURN v_seq;
END $$;
REVOKE ALL ON FUNCTION audit_append(uuid, jsonb, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_append(uuid, jsonb, boolean) TO fascia_app;
DROP FUNCTION audit_chain_head(uuid);
