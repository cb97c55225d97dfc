import type { Transporter } from 'nodemailer';
import type { Config } from '../config.ts';
import type { Tenancy, TenantTx } from './tenancy.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /**
   * A one-time link inside `text` (an invitation, a share): mailed, never stored. Its token is kept
   * only hashed, so the outbox keeps the mail with the link blanked, and whoever reads the outbox
   * (admins) cannot use it — finding 4: an admin took an owner's invitation from there.
   */
  secretLink?: string;
  /** What the mail is about, so the outbox says where to send a fresh link from. */
  regarding?: { type: 'invitation' | 'document_share'; id: string };
}

/** A queued mail and, held only in memory until delivery, the link it must carry. */
export interface QueuedMail {
  id: string;
  secretLink?: string | undefined;
}

/** What became of mail handed to `deliver`: sent, kept in the outbox for want of SMTP, or refused by it. */
export type MailDelivery = 'sent' | 'not_configured' | 'failed';

/** What the outbox shows where a one-time link was. */
export const WITHHELD_LINK = '[link sent by email only]';

/**
 * Mail goes through the outbox table: it is written in the same transaction as the action that
 * sends it (an invitation exists if and only if its email does), and delivered after commit when
 * SMTP is configured. Without SMTP the outbox is the record a clinic reads in Admin → Outbox; a
 * one-time link is then handed to the person who created it, once, in the response of that request.
 */
export class Mailer {
  private transport: Promise<Transporter> | null = null;

  constructor(
    private readonly tenancy: Tenancy,
    private readonly config: Config,
  ) {}

  /** nodemailer is loaded when mail is first delivered: most installations never configure SMTP. */
  private smtp(): Promise<Transporter> | null {
    const url = this.config.smtpUrl;
    if (!url) return null;
    this.transport ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport(url),
    );
    return this.transport;
  }

  async queue(tx: TenantTx, mail: OutgoingMail): Promise<QueuedMail> {
    const secret = mail.secretLink;
    const row = await tx.db
      .insertInto('outbox')
      .values({
        organization_id: tx.organizationId,
        to_address: mail.to,
        subject: mail.subject,
        body: secret ? mail.text.replaceAll(secret, WITHHELD_LINK) : mail.text,
        link_withheld: Boolean(secret),
        regarding_type: mail.regarding?.type ?? null,
        regarding_id: mail.regarding?.id ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: row.id, secretLink: secret };
  }

  /**
   * Sends queued mail; failures stay in the outbox with the error so nothing is silently lost.
   * Says what happened, so a screen never claims an email went out when it did not.
   */
  async deliver(organizationId: string, mails: QueuedMail[]): Promise<MailDelivery> {
    if (mails.length === 0) return 'sent';
    const transport = await this.smtp();
    if (!transport) return 'not_configured';
    let failed = false;
    const links = new Map(mails.map((m) => [m.id, m.secretLink]));
    await this.tenancy.run(organizationId, {}, async (tx) => {
      const pending = await tx.db
        .selectFrom('outbox')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .where('id', 'in', [...links.keys()])
        .where('sent_at', 'is', null)
        .execute();
      for (const m of pending) {
        const link = links.get(m.id);
        try {
          await transport.sendMail({
            from: this.config.mailFrom,
            to: m.to_address,
            subject: m.subject,
            // The link is put back only into the message on its way out.
            text: link && m.link_withheld ? m.body.replaceAll(WITHHELD_LINK, link) : m.body,
          });
          await tx.db
            .updateTable('outbox')
            .set({ sent_at: new Date(), error: null })
            .where('organization_id', '=', organizationId)
            .where('id', '=', m.id)
            .execute();
        } catch (err) {
          failed = true;
          await tx.db
            .updateTable('outbox')
            .set({ error: String((err as Error).message).slice(0, 500) })
            .where('organization_id', '=', organizationId)
            .where('id', '=', m.id)
            .execute();
        }
      }
    });
    return failed ? 'failed' : 'sent';
  }
}
