import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import type { Config } from '../../config.ts';
import { randomToken, safeEqual, tokenHash } from '../../platform/auth/credentials.ts';
import { Forbidden, Gone, Invalid, NotFound } from '../../platform/errors.ts';
import type { Mailer, QueuedMail } from '../../platform/mail.ts';
import { assertClinicalAccess } from '../../platform/patient-access.ts';
import { type Actor, auditActor } from '../../platform/request-auth.ts';
import type { Tenancy, TenantTx } from '../../platform/tenancy.ts';
import { findShare, recordWrongCode } from './shares.repo.ts';

const MAX_WRONG_CODES = 5;

/**
 * Sharing a document with the referring physician without giving them an account: a link that
 * expires, plus a 6-digit code the therapist passes on separately (phone, fax), so an intercepted
 * email alone opens nothing. Every open is audited; five wrong codes or the owner revoke the link.
 */
export class SharesService {
  constructor(
    private readonly tenancy: Tenancy,
    private readonly mailer: Mailer,
    private readonly config: Config,
  ) {}

  async create(
    actor: Actor,
    documentId: string,
    input: { expiresInDays: number; recipientEmail?: string | undefined },
  ) {
    const token = randomToken();
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const link = `${this.config.publicUrl}/share/${token}`;
    const { share, mail } = await this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      const doc = await tx.db
        .selectFrom('documents')
        .select(['id', 'patient_id', 'title'])
        .where('id', '=', documentId)
        .executeTakeFirst();
      if (!doc) throw new NotFound('The document');
      await assertClinicalAccess(tx.db, actor, doc.patient_id);
      const share = await tx.db
        .insertInto('document_shares')
        .values({
          organization_id: actor.organizationId,
          document_id: documentId,
          token_hash: tokenHash(token),
          code_hash: tokenHash(code),
          recipient_email: input.recipientEmail ?? null,
          expires_at: sql`now() + make_interval(days => ${input.expiresInDays})`,
          created_by: actor.userId,
        })
        .returning(['id', 'expires_at'])
        .executeTakeFirstOrThrow();
      let mail: QueuedMail | null = null;
      if (input.recipientEmail) {
        mail = await this.mailer.queue(tx, {
          to: input.recipientEmail,
          secretLink: link,
          regarding: { type: 'document_share', id: share.id },
          subject: `${actor.organization.name} shared a document with you`,
          text: `${actor.organization.name} shared a clinical document with you.\n\nOpen it here: ${link}\n\nYou will be asked for an access code, which the clinic gives you separately. The link expires on ${new Date(share.expires_at).toISOString().slice(0, 10)}.`,
        });
      }
      tx.audit({
        action: 'patient.document.share',
        patientId: doc.patient_id,
        resourceType: 'document',
        resourceId: documentId,
        detail: {
          shareId: share.id,
          recipient: input.recipientEmail ?? null,
          expiresInDays: input.expiresInDays,
        },
      });
      return { share, mail };
    });
    const email = mail ? await this.mailer.deliver(actor.organizationId, [mail]) : null;
    return { id: share.id, url: link, code, expiresAt: new Date(share.expires_at).toISOString(), email };
  }

  revoke(actor: Actor, shareId: string) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      const share = await tx.db
        .selectFrom('document_shares as s')
        .innerJoin('documents as d', 'd.id', 's.document_id')
        .select(['s.id', 's.created_by', 'd.patient_id'])
        .where('s.id', '=', shareId)
        .executeTakeFirst();
      if (!share) throw new NotFound('The share link');
      if (share.created_by !== actor.userId && actor.role !== 'owner' && actor.role !== 'admin')
        throw new Forbidden('Only the clinic owner or whoever shared it can revoke a link.');
      await tx.db
        .updateTable('document_shares')
        .set({ revoked_at: sql`now()`, revoked_by: actor.userId })
        .where('id', '=', shareId)
        .where('revoked_at', 'is', null)
        .execute();
      tx.audit({
        action: 'patient.document.share_revoke',
        patientId: share.patient_id,
        resourceType: 'document_share',
        resourceId: shareId,
      });
    });
  }

  /** What the share page shows before the code: no patient data, only what it is and until when. */
  describe(token: string) {
    return this.withShare(token, { lock: false }, async (tx, share) => {
      const org = await tx.db.selectFrom('organizations').select('name').executeTakeFirstOrThrow();
      return { clinicName: org.name, expiresAt: new Date(share.expires_at).toISOString() };
    });
  }

  open(token: string, code: string, ip: string) {
    // The share row stays locked until this open commits: concurrent guesses queue behind it and
    // each sees the count (and closing) of the ones before, so at most five codes are ever compared.
    return this.withShare(token, { lock: true }, async (tx, share) => {
      const doc = await tx.db
        .selectFrom('documents')
        .select(['id', 'patient_id', 'title', 'content', 'sha256'])
        .where('id', '=', share.document_id)
        .executeTakeFirstOrThrow();
      if (!safeEqual(tokenHash(code.trim()), share.code_hash)) {
        const failed = await recordWrongCode(tx, share.id, MAX_WRONG_CODES);
        tx.audit({
          action: 'patient.document.share_open',
          outcome: 'failure',
          patientId: doc.patient_id,
          resourceType: 'document_share',
          resourceId: share.id,
          detail: { ip, failed },
        });
        return { ok: false as const, failed };
      }
      await tx.db
        .updateTable('document_shares')
        .set({ opens: sql`opens + 1` })
        .where('id', '=', share.id)
        .execute();
      tx.audit({
        action: 'patient.document.share_open',
        patientId: doc.patient_id,
        resourceType: 'document_share',
        resourceId: share.id,
        detail: { ip, documentId: doc.id },
      });
      return { ok: true as const, doc };
    }).then((r) => {
      if (!r.ok) {
        throw r.failed >= MAX_WRONG_CODES
          ? new Gone('Too many wrong codes; this link is now closed. Ask the clinic for a new one.')
          : new Invalid([{ field: 'code', message: 'This code does not match.' }]);
      }
      return r.doc;
    });
  }

  private async withShare<T>(
    token: string,
    opts: { lock: boolean },
    work: (
      tx: TenantTx,
      share: { id: string; document_id: string; code_hash: string; failed_codes: number; expires_at: Date },
    ) => Promise<T>,
  ) {
    const { rows } = await sql<{
      share_id: string;
      organization_id: string;
    }>`SELECT * FROM auth_find_share(${tokenHash(token)})`.execute(this.tenancy.db);
    const found = rows[0];
    if (!found) throw new NotFound('This link');
    return this.tenancy.run(found.organization_id, {}, async (tx) => {
      const share = await findShare(tx, found.share_id, opts);
      if (share.revoked_at) throw new Gone('This link was withdrawn by the clinic.');
      if (new Date(share.expires_at) <= new Date())
        throw new Gone('This link has expired. Ask the clinic for a new one.');
      return work(tx, { ...share, expires_at: new Date(share.expires_at) });
    });
  }
}
