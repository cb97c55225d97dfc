import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestClinic,
  type Session,
  signIn,
  startTestApp,
  type TestContext,
} from '../../../test/harness.ts';

/**
 * Name search runs through patient_name_matches() (migration 0010), which searches as the owner
 * with the calling clinic as an explicit condition, so the trigram index can be used. These cases
 * pin what it must still do: rank typos and fragments, respect the other filters, and never see
 * past the calling clinic.
 */
let ctx: TestContext;
let a: Awaited<ReturnType<typeof createTestClinic>>;
let b: Awaited<ReturnType<typeof createTestClinic>>;
let deskA: Session;
let deskB: Session;
const today = new Date().toISOString().slice(0, 10);

async function register(
  desk: Session,
  given: string,
  family: string,
  dateOfBirth = '1980-05-05',
  phone?: string,
) {
  const res = await call(ctx.app, desk, 'POST', '/api/patients', {
    record: {
      legalName: { given, family },
      dateOfBirth,
      sex: 'female',
      ...(phone ? { phone } : {}),
      consents: { treatment: { given: true, date: today }, communication: { given: false, channels: [] } },
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const ids = async (desk: Session, query: string) =>
  (await call(ctx.app, desk, 'GET', `/api/patients?${query}`)).json().items.map((p: { id: string }) => p.id);

beforeAll(async () => {
  ctx = await startTestApp();
  a = await createTestClinic(ctx);
  b = await createTestClinic(ctx);
  deskA = await signIn(ctx.app, a.emailOf('front_desk'));
  deskB = await signIn(ctx.app, b.emailOf('front_desk'));
});

describe('patient name search', () => {
  it('finds typos, prefixes and mid-word fragments, best match first', async () => {
    const smith = await register(deskA, 'John', 'Smith');
    const smithers = await register(deskA, 'Joan', 'Smithers');
    const martinez = await register(deskA, 'Ana', 'Martinez');
    expect((await ids(deskA, 'q=jonh%20smiht'))[0]).toBe(smith);
    expect(await ids(deskA, 'q=smith')).toEqual(expect.arrayContaining([smith, smithers]));
    expect(await ids(deskA, 'q=tinez')).toContain(martinez);
    expect(await ids(deskA, 'q=tinez')).not.toContain(smith);
  });

  it('narrows a name search by date of birth and phone', async () => {
    const first = await register(deskA, 'Lena', 'Okonkwo', '1975-01-02', '+1 555 010 1111');
    const second = await register(deskA, 'Lena', 'Okonkwo', '1990-03-04', '+1 555 010 2222');
    expect(await ids(deskA, 'q=lena%20okonkwo&dateOfBirth=1990-03-04')).toEqual([second]);
    expect(await ids(deskA, 'q=okonkwo&phone=1111')).toEqual([first]);
  });

  it('never returns another clinic’s patient, even with the same name', async () => {
    const mine = await register(deskA, 'Priya', 'Raghunathan');
    const theirs = await register(deskB, 'Priya', 'Raghunathan');
    expect(await ids(deskA, 'q=raghunathan')).toEqual([mine]);
    expect(await ids(deskB, 'q=raghunathan')).toEqual([theirs]);
    // Called without a clinic the function finds nothing at all.
    const bare = await sql<{ patient_id: string }>`
      SELECT * FROM patient_name_matches('raghunathan', '%raghunathan%', NULL, NULL, 10)`.execute(ctx.appDb);
    expect(bare.rows).toEqual([]);
  });
});
