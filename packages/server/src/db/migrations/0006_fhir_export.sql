-- FHIR R4 interface: read-only API keys for system-to-system clients, and bulk exports
-- ($export) whose NDJSON files are kept in the database in chunks until downloaded or deleted.

CREATE TABLE api_keys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  -- The first characters of the key, shown in lists so the owner can tell keys apart.
  prefix text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  scope text NOT NULL DEFAULT 'read' CHECK (scope IN ('read')),
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  revoked_by uuid REFERENCES users(id)
);
CREATE INDEX api_keys_org_idx ON api_keys (organization_id, created_at DESC);
SELECT fascia_protect_tenant_table('api_keys', 'SELECT, INSERT, UPDATE');

-- A bearer key arrives before the clinic is known: like the session look-up, this reveals only ids.
CREATE FUNCTION auth_find_api_key(p_token_hash text)
  RETURNS TABLE (key_id uuid, organization_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT id, organization_id FROM api_keys WHERE token_hash = p_token_hash $$;
REVOKE ALL ON FUNCTION auth_find_api_key(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_find_api_key(text) TO fascia_app;

CREATE TABLE fhir_export_jobs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  requested_by uuid NOT NULL REFERENCES users(id),
  request_url text NOT NULL,
  types text[] NOT NULL,
  since timestamptz,
  status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'completed', 'failed')),
  -- Per type: the number of resources written ([{ "type": "Patient", "count": 12 }, …]).
  output jsonb NOT NULL DEFAULT '[]'::jsonb,
  error text,
  transaction_time timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz
);
CREATE INDEX fhir_export_jobs_org_idx ON fhir_export_jobs (organization_id, created_at DESC);
SELECT fascia_protect_tenant_table('fhir_export_jobs', 'SELECT, INSERT, UPDATE, DELETE');

-- NDJSON written in chunks of a few hundred lines, so writing and downloading both stream.
CREATE TABLE fhir_export_chunks (
  job_id uuid NOT NULL REFERENCES fhir_export_jobs(id) ON DELETE CASCADE,
  organization_id uuid NOT NULL REFERENCES organizations(id),
  resource_type text NOT NULL,
  seq integer NOT NULL,
  lines integer NOT NULL,
  body text NOT NULL,
  PRIMARY KEY (job_id, resource_type, seq)
);
SELECT fascia_protect_tenant_table('fhir_export_chunks', 'SELECT, INSERT, DELETE');
