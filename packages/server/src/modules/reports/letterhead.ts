import { createHash } from 'node:crypto';
import { addressLines, type UnitSystem } from '@fascia/domain/clinic/clinic-profile.schema';
import type { Tx } from '../../platform/tenancy.ts';
import { getClinicLogo, getClinicProfile } from '../organization/clinic-profile.repo.ts';

/** What the top of every PDF the clinic sends shows. */
export interface Letterhead {
  name: string;
  addressLines: string[];
  phone: string | null;
  fax: string | null;
  npi: string | null;
  logo: Buffer | null;
  units: UnitSystem;
  /** Changes whenever anything printed in the letterhead changes. */
  fingerprint: string;
}

export async function loadLetterhead(tx: Tx, organizationId: string): Promise<Letterhead> {
  const [profile, logo] = await Promise.all([
    getClinicProfile(tx, organizationId),
    getClinicLogo(tx, organizationId),
  ]);
  const first = profile.locations[0];
  const head = {
    name: profile.legalName,
    addressLines: first ? addressLines(first) : [],
    phone: profile.phone,
    fax: profile.fax,
    npi: profile.npi,
    units: profile.units,
  };
  const fingerprint = createHash('sha256')
    .update(JSON.stringify({ ...head, logo: profile.logo?.sha256 ?? null }))
    .digest('hex');
  return { ...head, logo: logo?.logo ?? null, fingerprint };
}

/** "Name, credentials — licence no. …", the way a signed record names its signer. */
export function signatureLine(user: {
  name: string;
  credentials: string | null;
  license_number: string | null;
}): string {
  const who = [user.name, user.credentials].filter(Boolean).join(', ');
  return user.license_number ? `${who} — licence no. ${user.license_number}` : who;
}
