-- Two-factor re-enrolment: a new TOTP secret waits here, sealed like the active one, until a code
-- from it confirms it; the active secret stays in force meanwhile and an abandoned enrolment
-- changes nothing. Both columns hold only sealed values (fs1.<key id>.…); clear secrets left by
-- earlier versions are sealed by the server at start, which holds the key (a migration cannot).
ALTER TABLE users ADD COLUMN mfa_pending_secret text;

-- Sign-in failures counted per (account, address): one address guessing an account locks only
-- itself out of that account, so nobody can lock a known account out for everyone at will.
-- succeeded_at marks the addresses the account has signed in from, which stay usable while the
-- account as a whole is throttled for failures spread over many addresses.
-- The composite key on users that the foreign key below needs comes from migration 0015.
CREATE TABLE sign_in_throttle (
  organization_id uuid NOT NULL REFERENCES organizations(id),
  user_id uuid NOT NULL,
  ip text NOT NULL,
  failures integer NOT NULL DEFAULT 0,
  last_failure_at timestamptz,
  locked_until timestamptz,
  succeeded_at timestamptz,
  PRIMARY KEY (organization_id, user_id, ip),
  FOREIGN KEY (organization_id, user_id) REFERENCES users (organization_id, id)
);
SELECT fascia_protect_tenant_table('sign_in_throttle');
