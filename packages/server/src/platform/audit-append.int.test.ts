import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestClinic, startTestApp, type TestContext } from '../../test/harness.ts';
import { auditAppendStatement } from './audit.ts';
import { type AuditKeyring, loadAuditKeyring } from './audit-keys.ts';
import { verifyAuditChain } from './audit-verify.ts';
import { setTenantStatement, Tenancy } from './tenancy.ts';

/**
 * The append runs in the database with COMMIT in the same message (migration 0009). These cases
 * check that the hash PostgreSQL computes is the one `fascia audit verify` recomputes, whatever
 * the row holds, that concurrent requests still form one gap-free chain, and that a failed append
 * takes the request's data change with it.
 */
let ctx: TestContext;
let keys: AuditKeyring;
beforeAll(async () => {
  ctx = await startTestApp();
  keys = loadAuditKeyring(ctx.config, { create: false }) as AuditKeyring;
});
const breaksOf = async (organizationId: string) =>
  (await verifyAuditChain(ctx.ownerDb, organizationId, { keys })).breaks;

const awkward = [
  'quote \' and "double" and back\\slash',
  '"prev_hash":""',
  '","seq":"99"}',
  'Ünïcödé — 痛み 🙂',
  'line\nbreak\ttab',
];

describe('audit append in the database', () => {
  it('hashes rows with awkward text exactly as verify recomputes them', async () => {
    const c = await createTestClinic(ctx);
    const tenancy = new Tenancy(ctx.appDb, 'sync', keys);
    await tenancy.record(
      c.organizationId,
      { userId: c.idOf('owner'), email: "o'neil@clinic.example", ip: '::1' },
      ...awkward.map((text, i) => ({
        action: 'test.awkward',
        resourceType: text,
        resourceId: `${text}-${i}`,
        detail: { text, nested: { prev_hash: '', seq: '' }, list: [1, 2.5, -0, 1e21, true, null] },
      })),
    );
    const rows = await ctx.ownerDb
      .selectFrom('audit_events')
      .select(['resource_type', 'seq'])
      .where('organization_id', '=', c.organizationId)
      .where('action', '=', 'test.awkward')
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => r.resource_type)).toEqual(awkward);
    expect(await breaksOf(c.organizationId)).toEqual([]);
  });

  it('keeps one gap-free chain when many requests of one clinic append at once', async () => {
    const c = await createTestClinic(ctx);
    const tenancy = new Tenancy(ctx.appDb, 'sync', keys);
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        tenancy.run(c.organizationId, { userId: c.idOf('therapist') }, async (tx) => {
          tx.audit({ action: 'test.concurrent', detail: { i } });
          if (i % 3 === 0) tx.audit({ action: 'test.concurrent.second', detail: { i } });
        }),
      ),
    );
    expect(await breaksOf(c.organizationId)).toEqual([]);
    const counted = await ctx.ownerDb
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('organization_id', '=', c.organizationId)
      .where('action', 'like', 'test.concurrent%')
      .executeTakeFirstOrThrow();
    expect(Number(counted.n)).toBe(40 + 14);
  });

  it('rolls the request back when its audit rows cannot be written', async () => {
    const c = await createTestClinic(ctx);
    const tenancy = new Tenancy(ctx.appDb, 'sync', keys);
    const attempt = tenancy.run(c.organizationId, {}, async (tx) => {
      await tx.db
        .updateTable('organizations')
        .set({ name: 'Renamed without a trace' })
        .where('id', '=', c.organizationId)
        .execute();
      // An outcome the table refuses: the append fails inside the COMMIT message.
      tx.audit({ action: 'organization.renamed', outcome: 'maybe' as 'success' });
    });
    await expect(attempt).rejects.toThrow(/outcome/);
    const org = await ctx.ownerDb
      .selectFrom('organizations')
      .select('name')
      .where('id', '=', c.organizationId)
      .executeTakeFirstOrThrow();
    expect(org.name).not.toBe('Renamed without a trace');
    // The connection went back to the pool clean: the next request on it works and sees its clinic.
    const again = await tenancy.run(c.organizationId, {}, (tx) =>
      tx.db.selectFrom('organizations').select('id').execute(),
    );
    expect(again.map((o) => o.id)).toEqual([c.organizationId]);
  });

  it('leaves no tenant on the connection after the request', async () => {
    const c = await createTestClinic(ctx);
    const tenancy = new Tenancy(ctx.appDb, 'sync', keys);
    await tenancy.run(c.organizationId, {}, async (tx) => {
      tx.audit({ action: 'test.tenant' });
    });
    const seen = await ctx.appDb
      .connection()
      .execute(async (conn) => conn.selectFrom('users').select('id').execute());
    expect(seen).toEqual([]);
  });

  it('lets a request that only read commit without waiting for the disk, and only such a request', async () => {
    const c = await createTestClinic(ctx);
    const afterAppend = (wroteFirst: boolean, readCommit: 'async' | 'sync') =>
      ctx.appDb.connection().execute(async (conn) => {
        await sql.raw(`BEGIN; ${setTenantStatement(c.organizationId)}`).execute(conn);
        if (wroteFirst)
          await conn
            .insertInto('outbox')
            .values({
              organization_id: c.organizationId,
              to_address: 'x@clinic.example',
              subject: 's',
              body: 'b',
            })
            .execute();
        await sql
          .raw(auditAppendStatement(c.organizationId, {}, [{ action: 'test.read' }], readCommit))
          .execute(conn);
        const { rows } = await sql<{
          mode: string;
        }>`SELECT current_setting('synchronous_commit') AS mode`.execute(conn);
        await sql.raw('ROLLBACK').execute(conn);
        return rows[0]?.mode;
      });
    expect(await afterAppend(false, 'async')).toBe('off');
    expect(await afterAppend(true, 'async')).toBe('on');
    expect(await afterAppend(false, 'sync')).toBe('on');
  });
});
