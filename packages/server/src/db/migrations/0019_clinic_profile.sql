-- The clinic's letterhead and identifiers, printed on every PDF it sends: legal name, locations,
-- phone and fax, its organisational NPI (type 2), tax id, logo, and the units it records in.
CREATE TABLE clinic_profiles (
  organization_id uuid PRIMARY KEY REFERENCES organizations(id),
  legal_name text NOT NULL CHECK (length(legal_name) BETWEEN 1 AND 200),
  -- [{ label, lines[], city, region, postalCode, country }], the first is the letterhead's.
  locations jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(locations) = 'array'),
  phone text,
  fax text,
  npi text CHECK (npi ~ '^[0-9]{10}$'),
  tax_id text,
  units text NOT NULL DEFAULT 'metric' CHECK (units IN ('metric', 'us')),
  logo bytea,
  logo_media_type text CHECK (logo_media_type IN ('image/png', 'image/jpeg')),
  logo_sha256 text CHECK (logo_sha256 ~ '^[0-9a-f]{64}$'),
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((logo IS NULL) = (logo_media_type IS NULL)),
  -- Composite, so the reference carries the clinic (distributed by organization_id, DESIGN.md).
  FOREIGN KEY (organization_id, updated_by) REFERENCES users (organization_id, id)
);
SELECT fascia_protect_tenant_table('clinic_profiles', 'SELECT, INSERT, UPDATE');

-- What a generated document was made from (the signed content's hash, its addenda, the letterhead
-- and the signer's credentials), so printing an unchanged record again opens the same PDF rather
-- than adding a version.
ALTER TABLE documents ADD COLUMN source_hash text CHECK (source_hash ~ '^[0-9a-f]{64}$');
CREATE INDEX documents_note_source_idx ON documents (organization_id, note_id, source_hash)
  WHERE note_id IS NOT NULL;
