import { normalizeForSearch } from '@fascia/domain/patients/name-search';
import { sql } from 'kysely';
import type { Tx } from '../../platform/tenancy.ts';

export function listProviders(tx: Tx, q: string | undefined, limit: number) {
  let query = tx
    .selectFrom('referring_providers')
    .select(['id', 'npi', 'data'])
    .orderBy('display_name')
    .orderBy('id')
    .limit(limit);
  if (q) {
    const text = normalizeForSearch(q).replace(/[%_\\]/g, '\\$&');
    query = query.where((eb) =>
      eb.or([eb('search_name', 'like', `%${text}%`), eb('npi', 'like', `${text}%`)]),
    );
  }
  return query.execute();
}

export function getProvider(tx: Tx, id: string) {
  return tx
    .selectFrom('referring_providers')
    .select(['id', 'npi', 'data'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findProviderByNpi(tx: Tx, npi: string) {
  return tx.selectFrom('referring_providers').select('id').where('npi', '=', npi).executeTakeFirst();
}

export function saveProvider(
  tx: Tx,
  organizationId: string,
  p: { npi: string; displayName: string; data: unknown },
  id?: string,
) {
  const values = {
    npi: p.npi,
    display_name: p.displayName,
    search_name: normalizeForSearch(p.displayName),
    data: JSON.stringify(p.data),
  };
  if (id) {
    return tx
      .updateTable('referring_providers')
      .set({ ...values, updated_at: sql`now()` })
      .where('id', '=', id)
      .returning(['id', 'npi', 'data'])
      .executeTakeFirst();
  }
  return tx
    .insertInto('referring_providers')
    .values({ organization_id: organizationId, ...values })
    .returning(['id', 'npi', 'data'])
    .executeTakeFirst();
}

const referralColumns = [
  'r.id',
  'r.patient_id',
  'r.provider_id',
  'r.data',
  'r.created_at',
  'p.data as provider_data',
] as const;

export function listReferrals(tx: Tx, patientId: string) {
  return tx
    .selectFrom('referrals as r')
    .innerJoin('referring_providers as p', 'p.id', 'r.provider_id')
    .leftJoin('referral_attachments as a', 'a.referral_id', 'r.id')
    .select([...referralColumns, 'a.sha256', 'a.media_type', 'a.file_name', 'a.size_bytes'])
    .where('r.patient_id', '=', patientId)
    .orderBy('r.valid_until', 'desc')
    .orderBy('r.id')
    .execute();
}

export function getReferral(tx: Tx, id: string) {
  return tx
    .selectFrom('referrals as r')
    .innerJoin('referring_providers as p', 'p.id', 'r.provider_id')
    .leftJoin('referral_attachments as a', 'a.referral_id', 'r.id')
    .select([...referralColumns, 'a.sha256', 'a.media_type', 'a.file_name', 'a.size_bytes'])
    .where('r.id', '=', id)
    .executeTakeFirst();
}

export function insertReferral(
  tx: Tx,
  r: {
    organizationId: string;
    patientId: string;
    providerId: string;
    validFrom: string;
    validUntil: string;
    data: unknown;
    createdBy: string;
  },
) {
  return tx
    .insertInto('referrals')
    .values({
      organization_id: r.organizationId,
      patient_id: r.patientId,
      provider_id: r.providerId,
      valid_from: r.validFrom,
      valid_until: r.validUntil,
      data: JSON.stringify(r.data),
      created_by: r.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function updateReferral(
  tx: Tx,
  id: string,
  r: { providerId: string; validFrom: string; validUntil: string; data: unknown },
) {
  return tx
    .updateTable('referrals')
    .set({
      provider_id: r.providerId,
      valid_from: r.validFrom,
      valid_until: r.validUntil,
      data: JSON.stringify(r.data),
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
}

/** Visits used per referral: signed session notes of treated visits linked to it. */
export async function visitsUsed(tx: Tx, referralIds: string[]): Promise<Map<string, number>> {
  const counts = new Map(referralIds.map((id) => [id, 0]));
  if (referralIds.length === 0) return counts;
  const rows = await tx
    .selectFrom('session_notes')
    .select(['referral_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('referral_id', 'in', referralIds)
    .where('status', '=', 'signed')
    .where('outcome', '=', 'treated')
    .groupBy('referral_id')
    .execute();
  for (const r of rows) if (r.referral_id) counts.set(r.referral_id, Number(r.n));
  return counts;
}

export function saveAttachment(
  tx: Tx,
  a: {
    organizationId: string;
    referralId: string;
    sha256: string;
    mediaType: string;
    fileName: string;
    content: Buffer;
    uploadedBy: string;
  },
) {
  const values = {
    sha256: a.sha256,
    media_type: a.mediaType,
    file_name: a.fileName,
    size_bytes: a.content.length,
    content: a.content,
    uploaded_by: a.uploadedBy,
    uploaded_at: new Date(),
  };
  return tx
    .insertInto('referral_attachments')
    .values({ referral_id: a.referralId, organization_id: a.organizationId, ...values })
    .onConflict((oc) => oc.column('referral_id').doUpdateSet(values))
    .execute();
}

export function getAttachment(tx: Tx, referralId: string) {
  return tx
    .selectFrom('referral_attachments')
    .select(['sha256', 'media_type', 'file_name', 'content'])
    .where('referral_id', '=', referralId)
    .executeTakeFirst();
}
