import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_APP_PASSWORD, TEST_AUDIT_KEY } from '../../test/constants.ts';
import { call, createTestClinic, signIn, startTestApp, type TestContext } from '../../test/harness.ts';
import { type AuditKeyring, loadAuditKeyring } from './audit-keys.ts';
import { verifyAuditChain } from './audit-verify.ts';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../../../..');

let ctx: TestContext;
let keys: AuditKeyring;
beforeAll(async () => {
  ctx = await startTestApp();
  keys = loadAuditKeyring(ctx.config, { create: false }) as AuditKeyring;
});

function fasciaCli(args: string[]) {
  return run(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts', ...args], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATABASE_URL: ctx.ownerUrl,
      FASCIA_DB_APP_PASSWORD: TEST_APP_PASSWORD,
      FASCIA_LOG_LEVEL: 'silent',
      FASCIA_AUDIT_KEY: TEST_AUDIT_KEY,
      FASCIA_AUDIT_CHECKPOINT_FILE: ctx.config.auditCheckpointFile,
    },
  });
}

describe('audit chain', () => {
  it('chains rows per clinic; GET /api/audit filters and pages them', async () => {
    const c = await createTestClinic(ctx);
    const owner = await signIn(ctx.app, c.emailOf('owner'));
    await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: c.emailOf('biller'), password: 'wrong password here' },
    });
    const failures = await call(ctx.app, owner, 'GET', '/api/audit?action=auth.sign_in&outcome=failure');
    expect(failures.json().items).toHaveLength(1);
    expect(failures.json().items[0]).toMatchObject({
      action: 'auth.sign_in',
      outcome: 'failure',
      actorEmail: c.emailOf('biller'),
    });
    const page1 = (await call(ctx.app, owner, 'GET', '/api/audit?limit=2')).json();
    expect(page1.items).toHaveLength(2);
    const page2 = (await call(ctx.app, owner, 'GET', `/api/audit?limit=2&cursor=${page1.nextCursor}`)).json();
    expect(Number(page2.items[0].seq)).toBeLessThan(Number(page1.items[1].seq));
    const bad = await call(ctx.app, owner, 'GET', '/api/audit?limit=5000&outcome=maybe');
    expect(bad.statusCode).toBe(422);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['query.limit', 'query.outcome']);
    expect((await verifyAuditChain(ctx.ownerDb, c.organizationId, { keys })).breaks).toEqual([]);
  });

  it('`fascia audit verify` passes, then names the row edited behind the trigger’s back', async () => {
    const c = await createTestClinic(ctx);
    await signIn(ctx.app, c.emailOf('owner'));
    await signIn(ctx.app, c.emailOf('therapist'));
    const ok = await fasciaCli(['audit', 'verify']);
    expect(ok.stdout).toMatch(new RegExp(`ok +Clinic .*\\(${c.organizationId}\\)`));

    // Someone with the owner's credentials disables the trigger and rewrites history.
    const target = await ctx.ownerDb
      .selectFrom('audit_events')
      .select(['id', 'seq'])
      .where('organization_id', '=', c.organizationId)
      .where('action', '=', 'auth.sign_in')
      .orderBy('seq')
      .executeTakeFirstOrThrow();
    await sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update`.execute(ctx.ownerDb);
    await sql`UPDATE audit_events SET actor_email = 'someone.else@clinic.example' WHERE id = ${target.id}`.execute(
      ctx.ownerDb,
    );
    await sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update`.execute(ctx.ownerDb);

    const report = await verifyAuditChain(ctx.ownerDb, c.organizationId, { keys });
    expect(report.breaks).toEqual([
      { kind: 'edited', seq: String(target.seq), id: target.id, reason: expect.stringMatching(/hash/) },
    ]);
    const failed = await fasciaCli(['audit', 'verify']).then(
      () => null,
      (err: { code: number; stdout: string }) => err,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toContain(`BROKEN Clinic`);
    expect(failed?.stdout).toMatch(new RegExp(`edited +row seq ${target.seq} id ${target.id}`));
  }, 60_000);
});
