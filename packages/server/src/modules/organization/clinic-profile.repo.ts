import type { ClinicLocation, UnitSystem } from '@fascia/domain/clinic/clinic-profile.schema';
import type { Tx } from '../../platform/tenancy.ts';

export interface ClinicProfileRow {
  legalName: string;
  locations: ClinicLocation[];
  phone: string | null;
  fax: string | null;
  npi: string | null;
  taxId: string | null;
  units: UnitSystem;
  logo: { mediaType: 'image/png' | 'image/jpeg'; sha256: string } | null;
  updatedAt: string | null;
}

/** The profile, or the clinic's name with nothing else while no profile has been saved. */
export async function getClinicProfile(tx: Tx, organizationId: string): Promise<ClinicProfileRow> {
  const row = await tx
    .selectFrom('clinic_profiles')
    .select([
      'legal_name',
      'locations',
      'phone',
      'fax',
      'npi',
      'tax_id',
      'units',
      'logo_media_type',
      'logo_sha256',
      'updated_at',
    ])
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  if (!row) {
    const org = await tx
      .selectFrom('organizations')
      .select('name')
      .where('id', '=', organizationId)
      .executeTakeFirstOrThrow();
    return {
      legalName: org.name,
      locations: [],
      phone: null,
      fax: null,
      npi: null,
      taxId: null,
      units: 'metric',
      logo: null,
      updatedAt: null,
    };
  }
  return {
    legalName: row.legal_name,
    locations: row.locations as ClinicLocation[],
    phone: row.phone,
    fax: row.fax,
    npi: row.npi,
    taxId: row.tax_id,
    units: row.units,
    logo:
      row.logo_media_type && row.logo_sha256
        ? { mediaType: row.logo_media_type, sha256: row.logo_sha256 }
        : null,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export function getClinicLogo(tx: Tx, organizationId: string) {
  return tx
    .selectFrom('clinic_profiles')
    .select(['logo', 'logo_media_type'])
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

export async function saveClinicProfile(
  tx: Tx,
  organizationId: string,
  userId: string,
  p: Omit<ClinicProfileRow, 'logo' | 'updatedAt'>,
) {
  const values = {
    legal_name: p.legalName,
    locations: JSON.stringify(p.locations),
    phone: p.phone,
    fax: p.fax,
    npi: p.npi,
    tax_id: p.taxId,
    units: p.units,
    updated_by: userId,
    updated_at: new Date(),
  };
  await tx
    .insertInto('clinic_profiles')
    .values({ organization_id: organizationId, ...values })
    .onConflict((oc) => oc.column('organization_id').doUpdateSet(values))
    .execute();
}

/** Sets or clears the logo; the profile must exist (a logo without a legal name prints nothing). */
export async function setClinicLogo(
  tx: Tx,
  organizationId: string,
  userId: string,
  logo: { content: Buffer; mediaType: 'image/png' | 'image/jpeg'; sha256: string } | null,
) {
  const result = await tx
    .updateTable('clinic_profiles')
    .set({
      logo: logo?.content ?? null,
      logo_media_type: logo?.mediaType ?? null,
      logo_sha256: logo?.sha256 ?? null,
      updated_by: userId,
      updated_at: new Date(),
    })
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
