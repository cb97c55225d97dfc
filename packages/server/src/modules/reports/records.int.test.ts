import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { examplePlan } from '@fascia/domain/plans/example-patient.fixture';
import { signedVisit } from '@fascia/domain/sessions/example-note.fixture';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFlagshipPatient, ok } from '../../../test/flagship-patient.ts';
import {
  call,
  createTestClinic,
  type Session,
  signIn,
  startTestApp,
  type TestContext,
} from '../../../test/harness.ts';

// The records a physician reads, read back with poppler's pdftotext as a physician's viewer would.
let ctx: TestContext;
let therapist: Session;
let owner: Session;
let flagship: Awaited<ReturnType<typeof createFlagshipPatient>>;
let planId: string;
const work = mkdtempSync(path.join(tmpdir(), 'fascia-records-'));
let fileNo = 0;

function pdfToText(pdf: Buffer): string {
  fileNo += 1;
  const file = path.join(work, `r-${fileNo}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
}

// A 1×1 PNG (the smallest valid image pdfkit draws).
const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const PROFILE = {
  legalName: 'Lakeside Medical Massage LLC',
  locations: [
    { lines: ['200 Main St', 'Suite 4'], city: 'Madison', region: 'WI', postalCode: '53703', country: 'US' },
  ],
  phone: '(608) 555-0100',
  fax: '(608) 555-0199',
  npi: '1245319599',
  taxId: '12-3456789',
  units: 'us',
};

async function signNote(content: Record<string, unknown>) {
  const { patientId } = flagship;
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
      planId,
    }),
    201,
  );
  const body = {
    ...signedVisit,
    ...content,
    patientId,
    planId,
    visitDate: flagship.today,
    visitStartedAt: undefined,
    visitEndedAt: undefined,
    subjective: { ...signedVisit.subjective, ...(content.subjective as object), screeningId: screening.id },
  };
  await ok(await call(ctx.app, therapist, 'PUT', `/api/notes/${note.id}`, { content: body, version: 1 }));
  await ok(await call(ctx.app, therapist, 'POST', `/api/notes/${note.id}/sign`, { version: 2 }));
  return note.id;
}

const gluteal = (techniqueId: string, minutes: number) => ({
  techniqueId,
  regionId: 'gluteal',
  side: 'left',
  minutes,
  pressure: 2,
  position: 'side_lying',
});

let firstNoteId: string;

beforeAll(async () => {
  ctx = await startTestApp();
  const clinic = await createTestClinic(ctx);
  therapist = await signIn(ctx.app, clinic.emailOf('therapist'));
  owner = await signIn(ctx.app, clinic.emailOf('owner'));
  await ok(await call(ctx.app, owner, 'PUT', '/api/organization/profile', PROFILE));
  await ok(
    await call(ctx.app, owner, 'PUT', '/api/organization/profile/logo', {
      mediaType: 'image/png',
      dataBase64: PNG_1X1.toString('base64'),
    }),
  );
  await ok(
    await call(ctx.app, therapist, 'POST', '/api/home-care', {
      id: 'clinic.walking',
      kind: 'activity',
      label: 'Brisk walk on level ground',
      instructions: 'Walk at a pace that warms you, on level ground.',
      regions: [],
      dose: { minutes: 20 },
    }),
    201,
  );
  flagship = await createFlagshipPatient(ctx, therapist);
  const plan = await ok(
    await call(ctx.app, therapist, 'POST', `/api/patients/${flagship.patientId}/plans`, {
      content: { ...examplePlan, referralId: flagship.referralId, assessmentId: flagship.assessmentId },
    }),
    201,
  );
  planId = plan.id;
  /*
   * The chart, by hand (both visits today, signed in this order; goal g-pain is "NPRS at most 3"):
   *   visit 1: gluteal (left) MFR 15 + trigger point 10 = 25 min; pain before 6; vitals 128/82, 72/min,
   *            36.8 °C; goal progress g-pain progressing, g-odi not started; home care piriformis
   *            stretch and the clinic's "Brisk walk on level ground".
   *   visit 2: gluteal (left) MFR 15, thigh back (left) effleurage 10; pain before 3; g-pain progressing.
   * Expected in the progress report:
   *   Buttock (gluteal) (left): 40 minutes over 2 visits; Thigh, back (hamstrings) (left): 10 over 1.
   *   g-pain: the last note says progressing, but the NPRS of 3 meets "at most 3" → met.
   */
  firstNoteId = await signNote({
    objective: {
      ...signedVisit.objective,
      techniques: [gluteal('myofascial_release', 15), gluteal('trigger_point_therapy', 10)],
      vitals: { systolic: 128, diastolic: 82, heartRate: 72, temperatureC: 36.8 },
    },
    plan: { nextVisit: { date: flagship.today }, homeCareGiven: ['piriformis_stretch', 'clinic.walking'] },
  });
  await signNote({
    subjective: { painBefore: 3 },
    objective: {
      ...signedVisit.objective,
      techniques: [
        gluteal('myofascial_release', 15),
        { ...gluteal('swedish_effleurage', 10), regionId: 'thigh_posterior' },
      ],
    },
    assessment: {
      ...signedVisit.assessment,
      goalProgress: [
        { goalId: 'g-pain', status: 'progressing' },
        { goalId: 'g-odi', status: 'progressing' },
      ],
    },
  });
});

describe('the visit note a physician reads', () => {
  it('finding 1: every coded value prints by its label, with the vitals, and no internal id remains', async () => {
    const created = await ok(await call(ctx.app, therapist, 'POST', `/api/notes/${firstNoteId}/pdf`), 201);
    const text = pdfToText(
      (await call(ctx.app, therapist, 'GET', `/api/documents/${created.id}`)).rawPayload,
    );
    for (const expected of [
      'NPRS at most 3 (short-term): progressing',
      'ODI reduced by 10',
      'Piriformis stretch (lying), Brisk walk on level ground',
      'Side-lying',
      'Buttock (gluteal) (left)',
      'Blood pressure: 128/82 mmHg',
      'Heart rate: 72 beats/min',
      'Temperature: 98.2 °F (36.8 °C)',
      'Decision: Proceed',
      '97140 Manual therapy',
    ]) {
      expect(text, expected).toContain(expected);
    }
    for (const code of [
      'g-pain',
      'g-odi',
      'piriformis_stretch',
      'clinic.walking',
      'side_lying',
      'myofascial_release',
    ])
      expect(text, code).not.toContain(code);
    // No snake_case code and no generated id of the kind the issue quoted ("g-ephzt6").
    expect(text).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
    expect(text).not.toMatch(/\bg-[a-z0-9]{4,}\b/);
  });

  it('finding 1: printing an unchanged signed note opens the PDF already made instead of a new version', async () => {
    const again = await call(ctx.app, therapist, 'POST', `/api/notes/${firstNoteId}/pdf`);
    expect(again.statusCode).toBe(200);
    const list = (
      await call(ctx.app, therapist, 'GET', `/api/patients/${flagship.patientId}/documents`)
    ).json().items;
    const notePdfs = list.filter((d: { noteId: string }) => d.noteId === firstNoteId);
    expect(notePdfs).toHaveLength(1);
    expect(again.json()).toMatchObject({ id: notePdfs[0].id, version: 1, reused: true });

    await ok(
      await call(ctx.app, therapist, 'POST', `/api/notes/${firstNoteId}/addenda`, {
        reason: 'Clarification',
        body: 'Walking on level ground only.',
      }),
      201,
    );
    const changed = await ok(await call(ctx.app, therapist, 'POST', `/api/notes/${firstNoteId}/pdf`), 201);
    expect(changed).toMatchObject({ version: 2, reused: false });
  });
});

describe('the progress report from the chart', () => {
  it('finding 2: goal met by the latest NPRS; treatment by region counts both same-day visits', async () => {
    const created = await ok(
      await call(ctx.app, therapist, 'POST', `/api/referrals/${flagship.referralId}/reports`, {
        kind: 'progress_report',
        assessment: 'Pain at target.',
        recommendation: 'continue',
      }),
      201,
    );
    const text = pdfToText(
      (await call(ctx.app, therapist, 'GET', `/api/documents/${created.id}`)).rawPayload,
    );
    const rows = text.split('\n');
    const glutealRow = rows.find((r) => r.includes('Buttock (gluteal) (left)')) ?? '';
    expect(glutealRow).toMatch(/\b40\b/);
    expect(glutealRow).toMatch(/\b2\b/);
    const thighRow = rows.find((r) => r.includes('Thigh, back')) ?? '';
    expect(thighRow).toMatch(/\b10\b/);
    const goalRow = rows.find((r) => r.includes('NPRS at most 3')) ?? '';
    expect(goalRow).toMatch(/\bmet\b/);
    expect(goalRow).not.toMatch(/progressing/);
  });
});

describe('a goal status set at a re-assessment', () => {
  it('finding 2: a plan revised after the visits (ODI goal met) outranks the earlier notes', async () => {
    const revised = await call(ctx.app, therapist, 'PUT', `/api/plans/${planId}`, {
      content: {
        ...examplePlan,
        referralId: flagship.referralId,
        assessmentId: flagship.assessmentId,
        goals: examplePlan.goals.map((g) => (g.id === 'g-odi' ? { ...g, status: 'met' } : g)),
      },
      reason: 'Re-evaluation: the ODI goal is met',
      baseVersion: 1,
    });
    expect(revised.statusCode, revised.body).toBe(200);
    const created = await ok(
      await call(ctx.app, therapist, 'POST', `/api/referrals/${flagship.referralId}/reports`, {
        kind: 're_evaluation',
        assessment: 'Re-evaluated.',
        recommendation: 'continue',
      }),
      201,
    );
    const text = pdfToText(
      (await call(ctx.app, therapist, 'GET', `/api/documents/${created.id}`)).rawPayload,
    );
    const odiRow = text.split('\n').find((r) => r.includes('ODI reduced by 10')) ?? '';
    expect(odiRow).toMatch(/\bmet\b/);
  });
});

describe('clinic profile and signatures', () => {
  it('finding 3: every PDF carries the letterhead and the signer with credentials and licence', async () => {
    const docs = (
      await call(ctx.app, therapist, 'GET', `/api/patients/${flagship.patientId}/documents`)
    ).json().items;
    expect(docs.length).toBeGreaterThanOrEqual(2);
    for (const d of docs) {
      const pdf = (await call(ctx.app, therapist, 'GET', `/api/documents/${d.id}`)).rawPayload;
      const text = pdfToText(pdf);
      for (const expected of [
        'Lakeside Medical Massage LLC',
        '200 Main St',
        'Madison, WI 53703',
        'Phone (608) 555-0100',
        'Fax (608) 555-0199',
        'NPI 1245319599',
        'LMT - licence no. MT-therapist-',
      ])
        expect(text, `${d.kind}: ${expected}`).toContain(expected);
      // The logo is drawn as an image XObject.
      expect(pdf.toString('latin1')).toMatch(/\/Subtype \/Image/);
    }
  });

  it('finding 3: the profile refuses a bad NPI, EIN or logo as problem+json naming the field', async () => {
    const badNpi = await call(ctx.app, owner, 'PUT', '/api/organization/profile', {
      ...PROFILE,
      npi: '1245319598',
    });
    expect(badNpi.statusCode).toBe(422);
    expect(badNpi.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(badNpi.json())).toMatch(/npi.*check digit/);
    const badEin = await call(ctx.app, owner, 'PUT', '/api/organization/profile', {
      ...PROFILE,
      taxId: '123456789',
    });
    expect(badEin.statusCode).toBe(422);
    expect(JSON.stringify(badEin.json())).toMatch(/taxId.*EIN/);
    const exe = await call(ctx.app, owner, 'PUT', '/api/organization/profile/logo', {
      mediaType: 'image/png',
      dataBase64: Buffer.from('MZ\x90\x00 not a png').toString('base64'),
    });
    expect(exe.statusCode).toBe(422);
    expect(JSON.stringify(exe.json())).toContain('dataBase64');
    const profile = (await call(ctx.app, therapist, 'GET', '/api/organization/profile')).json();
    expect(profile).toMatchObject({ npi: '1245319599', taxId: '12-3456789', units: 'us' });
  });

  it('finding 3: signing without credentials or licence number is refused with the missing field named', async () => {
    const bare = await createTestClinic(ctx, { roles: ['owner', 'therapist'], withoutCredentials: true });
    const t = await signIn(ctx.app, bare.emailOf('therapist'));
    const patient = await createFlagshipPatient(ctx, t, { given: 'Ines', family: 'Moreau' }).catch((e) => e);
    // The flagship patient's assessment is signed on creation: that signature is the first refusal.
    expect(String(patient)).toContain('Add your credentials to your profile before signing');
    await ok(await call(ctx.app, t, 'PATCH', '/api/account/profile', { credentials: 'LMT' }));
    const drafts = await ctx.ownerDb
      .selectFrom('assessments')
      .select(['id', 'status', 'version'])
      .where('organization_id', '=', bare.organizationId)
      .execute();
    expect(drafts.map((d) => d.status)).toEqual(['draft']);
    const refused = await call(ctx.app, t, 'POST', `/api/assessments/${drafts[0]?.id}/sign`, {
      version: drafts[0]?.version,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors ?? refused.json()).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'licenseNumber' })]),
    );
    const referral = await ctx.ownerDb
      .selectFrom('referrals')
      .select('id')
      .where('organization_id', '=', bare.organizationId)
      .executeTakeFirstOrThrow();
    const report = await call(ctx.app, t, 'POST', `/api/referrals/${referral.id}/reports`, {
      kind: 'progress_report',
      assessment: 'x',
      recommendation: 'continue',
    });
    expect(report.statusCode).toBe(422);
    expect(report.body).toContain('Add your licence number to your profile before signing');
    await ok(await call(ctx.app, t, 'PATCH', '/api/account/profile', { licenseNumber: 'MA-77001' }));
    await ok(
      await call(ctx.app, t, 'POST', `/api/assessments/${drafts[0]?.id}/sign`, {
        version: drafts[0]?.version,
      }),
    );
  });
});
