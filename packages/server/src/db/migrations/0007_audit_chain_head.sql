-- The head of a clinic's audit chain, read under the clinic's append lock in one round trip. The
-- lock is transaction-scoped, so it is held only for the few statements left before COMMIT; each
-- statement of a VOLATILE function takes a fresh snapshot, so the head read after the lock is the
-- latest committed one.
CREATE FUNCTION audit_chain_head(p_org uuid) RETURNS TABLE (seq bigint, hash text)
  LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('audit:' || p_org::text, 0));
  RETURN QUERY SELECT a.seq, a.hash FROM audit_events a WHERE a.organization_id = p_org ORDER BY a.seq DESC LIMIT 1;
END $$;
GRANT EXECUTE ON FUNCTION audit_chain_head(uuid) TO fascia_app;
