-- A progress report reads every signed note of its referral (treated or not: attendance counts
-- postponements) and the referral's latest plan. Neither had an index it could use: the referral
-- index on notes is limited to treated visits, and plans were indexed by patient only. At scale 50
-- (3 million notes) each report scanned the notes table: 13 s at p95 (docs/performance.md).
CREATE INDEX session_notes_referral_signed_idx ON session_notes (referral_id, visit_date)
  WHERE status = 'signed';
CREATE INDEX plans_referral_idx ON plans (referral_id, created_at DESC);
