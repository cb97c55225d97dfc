-- A clinic's own home-care items (self-care and stretches), added to the built-in library.
CREATE TABLE clinic_home_care_items (
  organization_id uuid NOT NULL REFERENCES organizations(id),
  item_id text NOT NULL CHECK (item_id ~ '^clinic\.[a-z0-9_]+$'),
  data jsonb NOT NULL,
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, item_id)
);
SELECT fascia_protect_tenant_table('clinic_home_care_items', 'SELECT, INSERT, UPDATE');
