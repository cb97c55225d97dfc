import { createHash } from 'node:crypto';
import { providerDisplayName, type ReferringProvider } from '@fascia/domain/referrals/provider.schema';
import { orderedVisits, type Referral, referralSchema } from '@fascia/domain/referrals/referral.schema';
import { Invalid, NotFound } from '../../platform/errors.ts';
import { uploadProblem } from '../../platform/file-types.ts';
import { assertPatientExists } from '../../platform/patient-access.ts';
import { type Actor, auditActor } from '../../platform/request-auth.ts';
import type { Tenancy, TenantTx } from '../../platform/tenancy.ts';
import { type ReferralStanding, referralStandings } from './referral-status.ts';
import * as repo from './referrals.repo.ts';
import type { ReferralView } from './referrals.schemas.ts';

const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export class ReferralsService {
  constructor(private readonly tenancy: Tenancy) {}

  listProviders(actor: Actor, q: string | undefined) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) =>
      (await repo.listProviders(tx.db, q, 100)).map(providerOut),
    );
  }

  saveProvider(actor: Actor, provider: ReferringProvider, id?: string) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      const holder = await repo.findProviderByNpi(tx.db, provider.npi);
      if (holder && holder.id !== id) {
        throw new Invalid([{ field: 'npi', message: 'This NPI is already in the directory.' }]);
      }
      const row = await repo.saveProvider(
        tx.db,
        actor.organizationId,
        { npi: provider.npi, displayName: providerDisplayName(provider), data: provider },
        id,
      );
      if (!row) throw new NotFound('The referring provider');
      tx.audit({
        action: id ? 'provider.update' : 'provider.create',
        resourceType: 'referring_provider',
        resourceId: row.id,
        detail: { npi: provider.npi },
      });
      return providerOut(row);
    });
  }

  list(actor: Actor, patientId: string) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      await assertPatientExists(tx.db, patientId);
      const rows = await repo.listReferrals(tx.db, patientId);
      tx.audit({
        action: 'patient.referral.list',
        patientId,
        resourceType: 'patient',
        resourceId: patientId,
      });
      return this.views(tx, rows);
    });
  }

  get(actor: Actor, referralId: string) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      const row = await repo.getReferral(tx.db, referralId);
      if (!row) throw new NotFound('The referral');
      tx.audit({
        action: 'patient.referral.read',
        patientId: row.patient_id,
        resourceType: 'referral',
        resourceId: referralId,
      });
      return (await this.views(tx, [row]))[0] as ReferralView;
    });
  }

  save(actor: Actor, patientId: string | undefined, input: Record<string, unknown>, referralId?: string) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      let owner = patientId;
      if (referralId) {
        const existing = await repo.getReferral(tx.db, referralId);
        if (!existing) throw new NotFound('The referral');
        owner = existing.patient_id;
      }
      if (!owner) throw new NotFound('The patient');
      await assertPatientExists(tx.db, owner);
      const referral = parseReferral({ ...input, patientId: owner });
      if (!(await repo.getProvider(tx.db, referral.providerId))) {
        throw new Invalid([{ field: 'providerId', message: 'Choose a provider from the directory.' }]);
      }
      const { patientId: _p, ...data } = referral;
      const fields = {
        providerId: referral.providerId,
        validFrom: referral.validFrom,
        validUntil: referral.validUntil,
        data,
      };
      const id = referralId
        ? (await repo.updateReferral(tx.db, referralId, fields))?.id
        : (
            await repo.insertReferral(tx.db, {
              organizationId: actor.organizationId,
              patientId: owner,
              createdBy: actor.userId,
              ...fields,
            })
          ).id;
      if (!id) throw new NotFound('The referral');
      tx.audit({
        action: referralId ? 'patient.referral.update' : 'patient.referral.create',
        patientId: owner,
        resourceType: 'referral',
        resourceId: id,
        detail: { diagnoses: referral.diagnoses },
      });
      const row = await repo.getReferral(tx.db, id);
      return (await this.views(tx, row ? [row] : []))[0] as ReferralView;
    });
  }

  async attach(
    actor: Actor,
    referralId: string,
    file: { fileName: string; mediaType: string; dataBase64: string },
  ) {
    const content = Buffer.from(file.dataBase64, 'base64');
    if (content.length === 0 || content.length > MAX_ATTACHMENT_BYTES) {
      throw new Invalid([{ field: 'dataBase64', message: 'The file must be between 1 byte and 10 MB.' }]);
    }
    const problem = await uploadProblem(content, file.mediaType);
    if (problem) {
      throw new Invalid([
        { field: 'dataBase64', message: `This is not a well-formed ${file.mediaType} file: ${problem}.` },
      ]);
    }
    const sha256 = createHash('sha256').update(content).digest('hex');
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      const row = await repo.getReferral(tx.db, referralId);
      if (!row) throw new NotFound('The referral');
      await repo.saveAttachment(tx.db, {
        organizationId: actor.organizationId,
        referralId,
        sha256,
        mediaType: file.mediaType,
        fileName: file.fileName,
        content,
        uploadedBy: actor.userId,
      });
      tx.audit({
        action: 'patient.referral.attach',
        patientId: row.patient_id,
        resourceType: 'referral',
        resourceId: referralId,
        detail: { sha256, size: content.length },
      });
      return { sha256, mediaType: file.mediaType, fileName: file.fileName, sizeBytes: content.length };
    });
  }

  download(actor: Actor, referralId: string) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      const row = await repo.getReferral(tx.db, referralId);
      const file = row ? await repo.getAttachment(tx.db, referralId) : undefined;
      if (!row || !file) throw new NotFound('The attachment');
      tx.audit({
        action: 'patient.referral.attachment_read',
        patientId: row.patient_id,
        resourceType: 'referral',
        resourceId: referralId,
      });
      return file;
    });
  }

  private async views(
    tx: TenantTx,
    rows: Awaited<ReturnType<typeof repo.getReferral>>[],
  ): Promise<ReferralView[]> {
    const present = rows.filter((r): r is NonNullable<typeof r> => r !== undefined);
    if (present.length === 0) return [];
    const standings = await referralStandings(
      tx.db,
      present.map((r) => ({ id: r.id, data: r.data })),
    );
    return present.map((r) => {
      const referral = r.data as Omit<Referral, 'patientId'>;
      const provider = r.provider_data as ReferringProvider;
      const { visitsUsed, ...status } = standings.get(r.id) as ReferralStanding;
      return {
        id: r.id,
        patientId: r.patient_id,
        provider: { id: r.provider_id, displayName: providerDisplayName(provider), npi: provider.npi },
        referral: referral as Record<string, unknown>,
        orderedVisits: orderedVisits(referral),
        visitsUsed,
        status,
        attachment: r.sha256
          ? {
              sha256: r.sha256,
              mediaType: r.media_type as string,
              fileName: r.file_name as string,
              sizeBytes: r.size_bytes as number,
            }
          : null,
        createdAt: new Date(r.created_at).toISOString(),
      };
    });
  }
}

function parseReferral(input: Record<string, unknown>): Referral {
  const parsed = referralSchema.safeParse(input);
  if (!parsed.success) {
    throw new Invalid(
      parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.') || 'body', message: i.message })),
    );
  }
  return parsed.data;
}

function providerOut(row: { id: string; npi: string; data: unknown }) {
  const provider = row.data as ReferringProvider;
  return { id: row.id, displayName: providerDisplayName(provider), provider };
}
