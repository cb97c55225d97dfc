import type { Transporter } from 'nodemailer';
import type { Config } from '../config.ts';
import type { Tenancy, TenantTx } from './tenancy.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Mail goes through the outbox table: it is written in the same transaction as the action that
 * sends it (an invitation exists if and only if its email does), and delivered after commit when
 * SMTP is configured. Without SMTP the outbox is the record a clinic reads in Admin → Outbox.
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

  async queue(tx: TenantTx, mail: OutgoingMail): Promise<string> {
    const row = await tx.db
      .insertInto('outbox')
      .values({
        organization_id: tx.organizationId,
        to_address: mail.to,
        subject: mail.subject,
        body: mail.text,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** Sends queued mail; failures stay in the outbox with the error so nothing is silently lost. */
  async deliver(organizationId: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const transport = await this.smtp();
    if (!transport) return;
    await this.tenancy.run(organizationId, {}, async (tx) => {
      const pending = await tx.db
        .selectFrom('outbox')
        .selectAll()
        .where('id', 'in', ids)
        .where('sent_at', 'is', null)
        .execute();
      for (const m of pending) {
        try {
          await transport.sendMail({
            from: this.config.mailFrom,
            to: m.to_address,
            subject: m.subject,
            text: m.body,
          });
          await tx.db
            .updateTable('outbox')
            .set({ sent_at: new Date(), error: null })
            .where('id', '=', m.id)
            .execute();
        } catch (err) {
          await tx.db
            .updateTable('outbox')
            .set({ error: String((err as Error).message).slice(0, 500) })
            .where('id', '=', m.id)
            .execute();
        }
      }
    });
  }
}
