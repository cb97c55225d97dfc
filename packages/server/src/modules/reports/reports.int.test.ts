import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { examplePlan } from '@fascia/domain/plans/example-patient.fixture';
import { signedVisit } from '@fascia/domain/sessions/example-note.fixture';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFlagshipPatient, daysFromToday, ok } from '../../../test/flagship-patient.ts';
import {
  call,
  createTestClinic,
  type Session,
  signIn,
  startTestApp,
  type TestContext,
} from '../../../test/harness.ts';

// Reports are checked with poppler, the PDF library most Linux viewers use: pdftotext must find the
// patient, the scores and the MCID wording; pdftoppm must render the first page.
let ctx: TestContext;
let therapist: Session;
let owner: Session;
let flagship: Awaited<ReturnType<typeof createFlagshipPatient>>;
const work = mkdtempSync(path.join(tmpdir(), 'fascia-report-'));

function pdfToText(pdf: Buffer): string {
  const file = path.join(work, `r-${Date.now()}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
}

beforeAll(async () => {
  ctx = await startTestApp();
  const clinic = await createTestClinic(ctx);
  therapist = await signIn(ctx.app, clinic.emailOf('therapist'));
  owner = await signIn(ctx.app, clinic.emailOf('owner'));
  await ok(
    await call(ctx.app, therapist, 'PATCH', '/api/account/profile', {
      credentials: 'LMT',
      licenseNumber: 'MA-60417',
    }),
  );
  flagship = await createFlagshipPatient(ctx, therapist);
  const { patientId, referralId, assessmentId, today } = flagship;
  const plan = await ok(
    await call(ctx.app, therapist, 'POST', `/api/patients/${patientId}/plans`, {
      content: { ...examplePlan, referralId, assessmentId },
    }),
    201,
  );
  // HIT-6 at baseline and later (scores 66 then 48): a change beyond the 6-point MCID.
  for (const [value, day] of [
    [11, today],
    [8, today],
  ] as const) {
    const answers = Object.fromEntries([1, 2, 3, 4, 5, 6].map((i) => [`hit${i}`, value]));
    await ok(
      await call(ctx.app, therapist, 'POST', `/api/patients/${patientId}/outcomes`, {
        instrumentId: 'hit6',
        administeredOn: day,
        answers,
      }),
      201,
    );
  }
  const screening = await ok(
    await call(ctx.app, therapist, 'POST', `/api/patients/${patientId}/screenings`, {
      dayOf: {},
      acknowledged: true,
    }),
    201,
  );
  const note = await ok(
    await call(ctx.app, therapist, 'POST', `/api/patients/${patientId}/notes`, {
      screeningId: screening.id,
      planId: plan.id,
    }),
    201,
  );
  const content = {
    ...signedVisit,
    patientId,
    planId: plan.id,
    visitDate: today,
    visitStartedAt: undefined,
    visitEndedAt: undefined,
    subjective: { ...signedVisit.subjective, screeningId: screening.id },
  };
  await ok(await call(ctx.app, therapist, 'PUT', `/api/notes/${note.id}`, { content, version: 1 }));
  await ok(await call(ctx.app, therapist, 'POST', `/api/notes/${note.id}/sign`, { version: 2 }));
  await ok(
    await call(ctx.app, therapist, 'POST', `/api/notes/${note.id}/addenda`, {
      reason: 'Clarification',
      body: 'Piriformis stretch demonstrated.',
    }),
    201,
  );
  flagship = { ...flagship, noteId: note.id } as typeof flagship & { noteId: string };
});

describe('progress report PDF', () => {
  it('opens in poppler with the patient, the scores, the MCID wording and the signature; renders to PNG', async () => {
    const created = await ok(
      await call(ctx.app, therapist, 'POST', `/api/referrals/${flagship.referralId}/reports`, {
        kind: 'progress_report',
        assessment: 'Sciatic pain easing; sitting tolerance improved.',
        recommendation: 'continue',
      }),
      201,
    );
    expect(created).toMatchObject({
      kind: 'progress_report',
      version: 1,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const pdf = await call(ctx.app, therapist, 'GET', `/api/documents/${created.id}`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfToText(pdf.rawPayload);
    expect(text).toMatch(/page 2 of 2/);
    for (const expected of [
      'Rosa Lindqvist',
      'Progress report',
      'M54.31',
      'Ana Reyes, MD',
      'NPI 1234567893',
      '1 of 12 authorized',
      'HIT-6',
      '66',
      '48',
      'Minimal clinically important difference (MCID)',
      'Continue the plan of care',
      'LMT',
      'MA-60417',
      'Buttock (gluteal)',
    ]) {
      expect(text, expected).toContain(expected);
    }
    const file = path.join(work, 'report.pdf');
    writeFileSync(file, pdf.rawPayload);
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', file, path.join(work, 'page')]);
    const png = readFileSync(path.join(work, 'page-1.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');

    const again = await ok(
      await call(ctx.app, therapist, 'POST', `/api/referrals/${flagship.referralId}/reports`, {
        kind: 'discharge_summary',
        assessment: 'Goals met.',
        recommendation: 'discharge',
      }),
      201,
    );
    expect(again.version).toBe(1);
    const list = (
      await call(ctx.app, therapist, 'GET', `/api/patients/${flagship.patientId}/documents`)
    ).json().items;
    expect(list.map((d: { kind: string }) => d.kind)).toEqual(['discharge_summary', 'progress_report']);
  });

  it('prints a signed visit note with its addenda and units', async () => {
    const { noteId } = flagship as typeof flagship & { noteId: string };
    const created = await ok(await call(ctx.app, therapist, 'POST', `/api/notes/${noteId}/pdf`), 201);
    const text = pdfToText(
      (await call(ctx.app, therapist, 'GET', `/api/documents/${created.id}`)).rawPayload,
    );
    for (const expected of [
      'Visit note',
      'S - Subjective',
      '97140',
      '97124',
      'Total timed units: 3',
      'Piriformis stretch demonstrated',
      'SHA-256',
    ]) {
      expect(text, expected).toContain(expected);
    }
  });
});

describe('sharing with the physician', () => {
  it('opens only with the code, audits every open, locks after wrong codes, and can be revoked', async () => {
    const doc = (
      await call(ctx.app, therapist, 'GET', `/api/patients/${flagship.patientId}/documents`)
    ).json().items[0];
    const share = await ok(
      await call(ctx.app, therapist, 'POST', `/api/documents/${doc.id}/shares`, {
        expiresInDays: 7,
        recipientEmail: 'referrals@physician.example',
      }),
      201,
    );
    const token = String(share.url).split('/share/')[1];
    // Issue 13, item 18: without a mail server the answer says nothing was emailed.
    expect(share.email).toBe('not_configured');
    const outbox = (await call(ctx.app, owner, 'GET', '/api/outbox')).json().items[0];
    // Neither half of the secret stays in the outbox: the link was mailed only (finding 4).
    expect(outbox.text).not.toContain(token);
    expect(outbox.linkWithheld).toBe(true);
    expect(outbox.text).not.toContain(String(share.code));

    const about = await ctx.app.inject({ method: 'GET', url: `/api/shared/${token}` });
    expect(about.json()).toEqual({ clinicName: expect.any(String), expiresAt: expect.any(String) });
    const wrong = await ctx.app.inject({
      method: 'POST',
      url: `/api/shared/${token}/open`,
      payload: { code: share.code === '000000' ? '111111' : '000000' },
    });
    expect(wrong.statusCode).toBe(422);
    const opened = await ctx.app.inject({
      method: 'POST',
      url: `/api/shared/${token}/open`,
      payload: { code: share.code },
    });
    expect(opened.headers['content-type']).toBe('application/pdf');
    expect(pdfToText(opened.rawPayload)).toContain('Rosa Lindqvist');

    const audit = await ctx.ownerDb
      .selectFrom('audit_events')
      .select(['action', 'outcome'])
      .where('action', '=', 'patient.document.share_open')
      .execute();
    expect(audit.map((a) => a.outcome).sort()).toEqual(['failure', 'success']);

    expect((await call(ctx.app, owner, 'DELETE', `/api/shares/${share.id}`)).statusCode).toBe(204);
    expect(
      (
        await ctx.app.inject({
          method: 'POST',
          url: `/api/shared/${token}/open`,
          payload: { code: share.code },
        })
      ).statusCode,
    ).toBe(410);

    const second = await ok(
      await call(ctx.app, therapist, 'POST', `/api/documents/${doc.id}/shares`, { expiresInDays: 1 }),
      201,
    );
    const t2 = String(second.url).split('/share/')[1];
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      codes.push(
        (
          await ctx.app.inject({
            method: 'POST',
            url: `/api/shared/${t2}/open`,
            payload: { code: second.code === '123456' ? '654321' : '123456' },
          })
        ).statusCode,
      );
    }
    expect(codes).toEqual([422, 422, 422, 422, 410, 410]);
  });

  it('finding 9: 100 concurrent wrong codes get at most five compared, then the link is closed', async () => {
    const doc = (
      await call(ctx.app, therapist, 'GET', `/api/patients/${flagship.patientId}/documents`)
    ).json().items[0];
    const share = await ok(
      await call(ctx.app, therapist, 'POST', `/api/documents/${doc.id}/shares`, { expiresInDays: 1 }),
      201,
    );
    const token = String(share.url).split('/share/')[1];
    const wrongCode = share.code === '123456' ? '654321' : '123456';
    const answers = await Promise.all(
      Array.from({ length: 100 }, () =>
        ctx.app.inject({ method: 'POST', url: `/api/shared/${token}/open`, payload: { code: wrongCode } }),
      ),
    );
    const statuses = answers.map((a) => a.statusCode);
    // Four "does not match", the fifth closes the link, every later guess finds it closed.
    expect(statuses.filter((s) => s === 422)).toHaveLength(4);
    expect(statuses.filter((s) => s === 410)).toHaveLength(96);
    const row = await ctx.ownerDb
      .selectFrom('document_shares')
      .select(['failed_codes', 'revoked_at'])
      .where('id', '=', share.id)
      .executeTakeFirstOrThrow();
    expect(row.failed_codes).toBe(5);
    expect(row.revoked_at).not.toBeNull();
    const compared = await ctx.ownerDb
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'patient.document.share_open')
      .where('outcome', '=', 'failure')
      .where('resource_id', '=', share.id)
      .execute();
    expect(compared).toHaveLength(5);
    const right = await ctx.app.inject({
      method: 'POST',
      url: `/api/shared/${token}/open`,
      payload: { code: share.code },
    });
    expect(right.statusCode).toBe(410);
  });

  it('front desk cannot read documents', async () => {
    const clinicDesk = await createTestClinic(ctx, { roles: ['owner', 'front_desk'] });
    const desk = await signIn(ctx.app, clinicDesk.emailOf('front_desk'));
    expect(
      (await call(ctx.app, desk, 'GET', `/api/patients/${flagship.patientId}/documents`)).statusCode,
    ).toBe(403);
    expect(daysFromToday(0)).toBe(flagship.today);
  });
});
