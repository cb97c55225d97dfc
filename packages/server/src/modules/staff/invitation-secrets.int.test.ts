import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestClinic,
  type Session,
  signIn,
  startTestApp,
  type TestContext,
} from '../../../test/harness.ts';

// Issue 12, finding 4: an admin read the outbox, took the link of an owner's invitation and
// accepted it with their own password. One-time links are now mailed and never stored, and only
// owners invite owners. Mail is observed at a real SMTP listener on loopback, as a mail server
// would receive it from the app's nodemailer transport.

const received: string[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, _session, done) {
    let raw = '';
    stream.on('data', (chunk: Buffer) => {
      raw += chunk.toString('utf8');
    });
    stream.on('end', () => {
      received.push(raw);
      done();
    });
  },
});

let ctx: TestContext;
let clinic: Awaited<ReturnType<typeof createTestClinic>>;
let owner: Session;
let admin: Session;

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  ctx = await startTestApp({ FASCIA_SMTP_URL: `smtp://127.0.0.1:${port}` });
  clinic = await createTestClinic(ctx);
  owner = await signIn(ctx.app, clinic.emailOf('owner'));
  admin = await signIn(ctx.app, clinic.emailOf('admin'));
});

afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

/** Quoted-printable soft line breaks (=\r\n) split long links in the raw message. */
const unfold = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
const tokenIn = (text: string) => text.match(/\/invite\/([A-Za-z0-9_-]{20,})/)?.[1];

function accept(token: string, password = 'an admin taking over the clinic') {
  return ctx.app.inject({
    method: 'POST',
    url: `/api/invitations/${encodeURIComponent(token)}/accept`,
    payload: { displayName: 'Taken Over', password },
  });
}

describe('finding 4: invitation links are not readable from the outbox', () => {
  it('finding 4: an admin reading the outbox finds no usable invitation link', async () => {
    const invited = await call(ctx.app, owner, 'POST', '/api/staff/invitations', {
      email: 'second.owner@clinic.example',
      displayName: 'Second Owner',
      role: 'owner',
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const realToken = tokenIn(invited.json().link) as string;
    expect(realToken).toBeDefined();

    const res = await call(ctx.app, admin, 'GET', '/api/outbox');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(realToken);
    const mail = res.json().items.find((m: { to: string }) => m.to === 'second.owner@clinic.example');
    expect(mail).toMatchObject({ linkWithheld: true, regarding: { type: 'invitation' } });
    expect(tokenIn(mail.text)).toBeUndefined();
    // Anything in the outbox that could pass for a token opens nothing.
    const candidates = [...res.body.matchAll(/[A-Za-z0-9_-]{20,100}/g)].map((m) => m[0]);
    for (const candidate of candidates) {
      expect((await accept(candidate)).statusCode, candidate).not.toBe(201);
    }
    expect((await accept('[link sent by email only]')).statusCode).not.toBe(201);
    const stored = await ctx.ownerDb
      .selectFrom('outbox')
      .select('body')
      .where('organization_id', '=', clinic.organizationId)
      .execute();
    expect(stored.every((r) => !r.body.includes(realToken))).toBe(true);
  });

  it('finding 4: an admin cannot invite (or invite again) an owner', async () => {
    const before = (await call(ctx.app, owner, 'GET', '/api/staff/invitations')).json().items.length;
    for (const email of ['admin.made.owner@clinic.example', 'second.owner@clinic.example']) {
      const res = await call(ctx.app, admin, 'POST', '/api/staff/invitations', {
        email,
        displayName: 'Not Allowed',
        role: 'owner',
      });
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await call(ctx.app, owner, 'GET', '/api/staff/invitations')).json().items).toHaveLength(before);
    // An admin still invites the roles below them.
    const therapist = await call(ctx.app, admin, 'POST', '/api/staff/invitations', {
      email: 'hired.by.admin@clinic.example',
      displayName: 'Hired',
      role: 'therapist',
    });
    expect(therapist.statusCode).toBe(201);
  });

  it('finding 4: an owner invites an owner, and the mail reaches the mail server with a working link', async () => {
    received.length = 0;
    const invited = await call(ctx.app, owner, 'POST', '/api/staff/invitations', {
      email: 'partner@clinic.example',
      displayName: 'Partner',
      role: 'owner',
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const message = received.map(unfold).find((m) => m.includes('partner@clinic.example'));
    expect(message).toBeDefined();
    const mailedToken = tokenIn(message as string) as string;
    expect(mailedToken).toBe(tokenIn(invited.json().link));

    const outbox = (await call(ctx.app, owner, 'GET', '/api/outbox')).json().items;
    const row = outbox.find((m: { to: string }) => m.to === 'partner@clinic.example');
    expect(row.sentAt).not.toBeNull();
    expect(row.text).not.toContain(mailedToken);

    const accepted = await accept(mailedToken, 'the partner chose this phrase');
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json().user.role).toBe('owner');
  });
});
