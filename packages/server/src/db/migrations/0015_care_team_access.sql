-- Who may open a chart (issue 12, findings 3 and 4).
--
-- 1. Changing a care team is its own permission; the front desk has it only where the clinic says so.
-- 2. "Break the glass": a therapist off the care team may open one patient's chart for a limited
--    time with a written reason (HIPAA 45 CFR 164.312(a)(2)(ii), emergency access procedure). Each
--    grant is a row here; reads under it carry detail.breakGlass in the audit trail.
-- 3. The outbox keeps no usable link: one-time tokens are mailed, never stored (mail.ts), and the
--    links already stored are blanked.

ALTER TABLE organizations ADD COLUMN front_desk_manages_care_team boolean NOT NULL DEFAULT false;
ALTER TABLE organizations ADD COLUMN emergency_access_minutes integer NOT NULL DEFAULT 60
  CHECK (emergency_access_minutes BETWEEN 15 AND 480);

-- Composite keys for the grant's foreign keys (tenant tables are distributed by organization_id).
CREATE UNIQUE INDEX IF NOT EXISTS patients_organization_id_id_key ON patients (organization_id, id);
CREATE UNIQUE INDEX IF NOT EXISTS users_organization_id_id_key ON users (organization_id, id);

CREATE TABLE emergency_access_grants (
  organization_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL,
  user_id uuid NOT NULL,
  reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 20 AND 1000),
  granted_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, patient_id) REFERENCES patients (organization_id, id),
  FOREIGN KEY (organization_id, user_id) REFERENCES users (organization_id, id),
  CHECK (expires_at > granted_at AND expires_at <= granted_at + interval '8 hours')
);
-- patientAccess() asks "has this user an unexpired grant for this patient" on every chart read.
CREATE INDEX emergency_access_grants_lookup_idx
  ON emergency_access_grants (organization_id, user_id, patient_id, expires_at DESC);
-- A grant is evidence: inserted, read, never changed or removed by the application.
SELECT fascia_protect_tenant_table('emergency_access_grants', 'SELECT, INSERT');

-- The audit view's "emergency access" filter finds the flagged reads without walking the trail.
CREATE INDEX audit_events_break_glass_idx
  ON audit_events (organization_id, seq DESC) WHERE detail ? 'breakGlass';

-- What the outbox row was about (an invitation, a share), so a reader knows where to resend from.
ALTER TABLE outbox ADD COLUMN regarding_type text CHECK (regarding_type IN ('invitation', 'document_share'));
ALTER TABLE outbox ADD COLUMN regarding_id uuid;
ALTER TABLE outbox ADD COLUMN link_withheld boolean NOT NULL DEFAULT false;
UPDATE outbox
   SET body = regexp_replace(body, 'https?://\S+/(invite|share)/[A-Za-z0-9_-]+',
                             '[link sent by email only]', 'g'),
       link_withheld = true
 WHERE body ~ '/(invite|share)/[A-Za-z0-9_-]{20,}';
