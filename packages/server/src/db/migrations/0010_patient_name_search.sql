-- Patient name search at clinic-network scale. Under row-level security PostgreSQL may not use an
-- operator that is not LEAKPROOF (trigram similarity, LIKE) as an index condition beneath the
-- tenant policy, so the trigram index was never used for the app's searches: each one compared
-- every patient of the clinic (140 ms for a clinic of 20,000, docs/performance.md).
--
-- patient_name_matches() runs the search as the owner, whose own policy is `true`, with the
-- clinic of the calling transaction as an explicit condition, over an index keyed by clinic then
-- trigrams. Like the auth_* look-ups it reveals only ids (and the match score) of the caller's own
-- clinic; the app then reads those patients under the tenant policy as usual.
CREATE EXTENSION IF NOT EXISTS btree_gin;
CREATE INDEX patients_org_search_trgm_idx ON patients
  USING gin (organization_id, search_name gin_trgm_ops);
DROP INDEX patients_search_trgm_idx;

-- p_text: the normalised query; p_pattern: its LIKE fragment pattern; optional date of birth and
-- phone digits narrow the same search. The threshold (pg_trgm's default is 0.6) is lowered so
-- that "jonh smiht" finds John Smith.
CREATE FUNCTION patient_name_matches(p_text text, p_pattern text, p_date_of_birth date,
                                     p_phone_digits text, p_limit integer)
  RETURNS TABLE (patient_id uuid, score real)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  SET pg_trgm.word_similarity_threshold = 0.3 AS $$
  SELECT p.id, word_similarity(p_text, p.search_name)
  FROM patients p
  WHERE p.organization_id = app_current_organization()
    AND (p.search_name LIKE p_pattern OR p_text <% p.search_name)
    AND (p_date_of_birth IS NULL OR p.date_of_birth = p_date_of_birth)
    AND (p_phone_digits IS NULL OR p.phone_digits LIKE '%' || p_phone_digits)
  ORDER BY 2 DESC, p.family_name, p.id
  LIMIT p_limit $$;
REVOKE ALL ON FUNCTION patient_name_matches(text, text, date, text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION patient_name_matches(text, text, date, text, integer) TO fascia_app;
