import { beforeAll, describe, expect, it } from 'vitest';
import { createFlagshipPatient, ok } from '../../test/flagship-patient.ts';
import {
  call,
  createTestClinic,
  type Session,
  signIn,
  startTestApp,
  type TestContext,
} from '../../test/harness.ts';
import {
  HTML,
  onePagePdf,
  pdfWithHiddenScript,
  SVG,
  smallHeic,
  smallJpeg,
  smallPng,
  smallTiff,
} from '../../test/upload-files.ts';

// Uploads through the API as the web app sends them: a scanned prescription on a referral and
// posture photos on a draft assessment.
let ctx: TestContext;
let therapist: Session;
let referralId: string;
let draftId: string;

beforeAll(async () => {
  ctx = await startTestApp();
  const clinic = await createTestClinic(ctx);
  therapist = await signIn(ctx.app, clinic.emailOf('therapist'));
  const flagship = await createFlagshipPatient(ctx, therapist);
  referralId = flagship.referralId;
  draftId = (
    await ok(
      await call(ctx.app, therapist, 'POST', `/api/patients/${flagship.patientId}/assessments`, {
        kind: 'initial',
        performedOn: flagship.today,
        content: {},
      }),
      201,
    )
  ).id;
});

const attach = (mediaType: string, file: Buffer) =>
  call(ctx.app, therapist, 'PUT', `/api/referrals/${referralId}/attachment`, {
    fileName: 'prescription',
    mediaType,
    dataBase64: file.toString('base64'),
  });
const addPhoto = (mediaType: string, file: Buffer) =>
  call(ctx.app, therapist, 'POST', `/api/assessments/${draftId}/photos`, {
    mediaType,
    dataBase64: file.toString('base64'),
  });

function expectRefused(res: Awaited<ReturnType<typeof attach>>, what: string) {
  expect(res.statusCode, `${what}: ${res.body}`).toBe(422);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(
    res.json().errors.map((e: { field: string }) => e.field),
    what,
  ).toEqual(['dataBase64']);
}

describe('uploaded files', () => {
  it('finding 12: accepts small well-formed prescriptions of every type and photos', async () => {
    for (const [type, file] of [
      ['application/pdf', await onePagePdf()],
      ['image/png', smallPng()],
      ['image/jpeg', smallJpeg()],
      ['image/tiff', smallTiff()],
      ['image/heic', smallHeic()],
    ] as const) {
      const res = await attach(type, file);
      expect(res.statusCode, `${type}: ${res.body}`).toBe(200);
    }
    for (const [type, file] of [
      ['image/png', smallPng()],
      ['image/jpeg', smallJpeg()],
    ] as const) {
      const res = await addPhoto(type, file);
      expect(res.statusCode, `${type}: ${res.body}`).toBe(201);
    }
  });

  it('finding 12: refuses polyglots and files whose structure is not of their type', async () => {
    const pdf = await onePagePdf();
    const png = smallPng();
    const polyglots: [string, string, Buffer][] = [
      ['%PDF- then a web page', 'application/pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), HTML])],
      ['a real PDF with a web page after %%EOF', 'application/pdf', Buffer.concat([pdf, HTML])],
      ['%PDF- then no PDF', 'application/pdf', Buffer.from('%PDF-1.4\nnot a document\n%%EOF\n')],
      [
        'a PDF that runs a script',
        'application/pdf',
        Buffer.from('%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\n%%EOF'),
      ],
      [
        'a PDF whose script sits in a compressed object stream',
        'application/pdf',
        await pdfWithHiddenScript(),
      ],
      ['PNG magic then SVG', 'image/png', Buffer.concat([png.subarray(0, 8), SVG])],
      ['PNG magic then bare markup', 'image/png', Buffer.concat([png.subarray(0, 8), Buffer.from('<svg/>')])],
      ['a real PNG with a web page appended', 'image/png', Buffer.concat([png, HTML])],
      [
        'a real PNG with bytes after its end',
        'image/png',
        Buffer.concat([png, Buffer.from('PK\u0003\u0004')]),
      ],
      [
        'JPEG magic then a web page',
        'image/jpeg',
        Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), HTML]),
      ],
      ['a PNG declared as JPEG', 'image/jpeg', png],
      ['TIFF magic then a web page', 'image/tiff', Buffer.concat([Buffer.from('II*\u0000'), HTML])],
      [
        'ftyp "HEIC" then a web page',
        'image/heic',
        Buffer.concat([
          Buffer.from('\u0000\u0000\u0000\u0018ftypheic\u0000\u0000\u0000\u0000mif1heic', 'latin1'),
          HTML,
        ]),
      ],
      ['an MP4 declared as HEIC', 'image/heic', smallHeic('isom')],
      ['HEIC boxes with bytes after them', 'image/heic', Buffer.concat([smallHeic(), Buffer.from('tail')])],
    ];
    for (const [what, type, file] of polyglots) expectRefused(await attach(type, file), what);
    expectRefused(await addPhoto('image/png', Buffer.concat([png.subarray(0, 8), SVG])), 'photo PNG + SVG');
    expectRefused(await addPhoto('image/jpeg', Buffer.concat([smallJpeg(), HTML])), 'photo JPEG + HTML');
    // A refused upload changes nothing: the last accepted prescription is still the one on file.
    const referral = await call(ctx.app, therapist, 'GET', `/api/referrals/${referralId}`);
    expect(referral.json().attachment.mediaType).toBe('image/heic');
  });
});
