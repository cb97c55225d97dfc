import { beforeAll, describe, expect, it } from 'vitest';
import { call, createTestClinic, signIn, startTestApp, type TestContext } from '../../../test/harness.ts';
import { clinicToday } from '../../platform/patient-access.ts';

/**
 * The day a screening is "for" is the clinic's calendar day, in its own time zone. The session
 * look-up brings the time zone (migration 0011), so a change made by the owner applies to the very
 * next request of every signed-in member of staff.
 */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

describe("the clinic's day", () => {
  it('follows the time zone the owner sets, from the next request on', async () => {
    const c = await createTestClinic(ctx);
    const owner = await signIn(ctx.app, c.emailOf('owner'));
    const patient = await call(ctx.app, owner, 'POST', '/api/patients', {
      record: {
        legalName: { given: 'Tala', family: 'Fonoti' },
        dateOfBirth: '1984-02-02',
        sex: 'female',
        consents: {
          treatment: { given: true, date: new Date().toISOString().slice(0, 10) },
          communication: { given: false, channels: [] },
        },
      },
    });
    expect(patient.statusCode, patient.body).toBe(201);
    const id = patient.json().id as string;
    // UTC+14 and UTC-12 are on different calendar days at every moment.
    for (const timeZone of ['Pacific/Kiritimati', 'Etc/GMT+12']) {
      const set = await call(ctx.app, owner, 'PATCH', '/api/organization', { timeZone });
      expect(set.statusCode, set.body).toBe(200);
      const context = await call(ctx.app, owner, 'GET', `/api/patients/${id}/screening-context`);
      expect(context.statusCode, context.body).toBe(200);
      expect([clinicToday(timeZone), clinicToday(timeZone, new Date(Date.now() - 5000))]).toContain(
        context.json().asOf,
      );
    }
  });
});
