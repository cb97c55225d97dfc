import { sql } from 'kysely';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_APP_PASSWORD } from '../../test/constants.ts';
import { createTestClinic, startTestApp, type TestContext } from '../../test/harness.ts';
import { findUnprotectedTenantTables, migrate, readMigrations } from '../db/migrate.ts';
import { Tenancy } from './tenancy.ts';

let ctx: TestContext;
let a: Awaited<ReturnType<typeof createTestClinic>>;
let b: Awaited<ReturnType<typeof createTestClinic>>;

beforeAll(async () => {
  ctx = await startTestApp();
  a = await createTestClinic(ctx);
  b = await createTestClinic(ctx);
});

describe('tenant isolation by row-level security', () => {
  it('a query without a tenant filter returns only the current clinic', async () => {
    const rows = await new Tenancy(ctx.appDb).run(a.organizationId, {}, (tx) =>
      tx.db.selectFrom('users').select(['organization_id', 'email']).execute(),
    );
    expect(rows.length).toBe(5);
    expect(new Set(rows.map((r) => r.organization_id))).toEqual(new Set([a.organizationId]));
  });

  it('without a tenant the app role sees nothing at all', async () => {
    const users = await ctx.appDb.selectFrom('users').selectAll().execute();
    const audit = await ctx.appDb.selectFrom('audit_events').selectAll().execute();
    const orgs = await ctx.appDb.selectFrom('organizations').selectAll().execute();
    expect([users.length, audit.length, orgs.length]).toEqual([0, 0, 0]);
  });

  it('refuses to write a row into another clinic', async () => {
    const attempt = new Tenancy(ctx.appDb).run(a.organizationId, {}, (tx) =>
      tx.db
        .insertInto('outbox')
        .values({
          organization_id: b.organizationId,
          to_address: 'x@clinic.example',
          subject: 's',
          body: 'b',
        })
        .execute(),
    );
    await expect(attempt).rejects.toThrow(/row-level security/);
  });

  it('cannot see or update another clinic’s staff even by id', async () => {
    const updated = await new Tenancy(ctx.appDb).run(a.organizationId, {}, (tx) =>
      tx.db
        .updateTable('users')
        .set({ name: 'renamed' })
        .where('id', '=', b.idOf('owner'))
        .executeTakeFirst(),
    );
    expect(updated.numUpdatedRows).toBe(0n);
  });

  it('the app role owns no tables and cannot bypass RLS', async () => {
    const { rows } = await sql<{
      n: string;
    }>`SELECT count(*) AS n FROM pg_tables WHERE tableowner = 'fascia_app'`.execute(ctx.appDb);
    expect(rows[0]?.n).toBe('0');
    const role = await sql<{ rolbypassrls: boolean; rolsuper: boolean }>`
      SELECT rolbypassrls, rolsuper FROM pg_roles WHERE rolname = current_user`.execute(ctx.appDb);
    expect(role.rows[0]).toEqual({ rolbypassrls: false, rolsuper: false });
  });

  it('every table with organization_id has forced RLS and a policy', async () => {
    const client = new pg.Client({ connectionString: ctx.ownerUrl });
    await client.connect();
    try {
      expect(await findUnprotectedTenantTables(client)).toEqual([]);
    } finally {
      await client.end();
    }
  });

  it('a migration that adds a tenant table without a policy fails', async () => {
    const leaking = {
      version: 9999,
      name: '9999_leaky_table',
      sql: 'CREATE TABLE leaky_notes (id serial PRIMARY KEY, organization_id uuid NOT NULL, body text)',
      checksum: 'test',
    };
    await expect(
      migrate(ctx.ownerUrl, { appPassword: TEST_APP_PASSWORD, migrations: [...readMigrations(), leaking] }),
    ).rejects.toThrow(/leaky_notes/);
  });
});

describe('audit trail is append-only', () => {
  it('refuses UPDATE and DELETE even for the app role and the owner', async () => {
    const tenancy = new Tenancy(ctx.appDb);
    await tenancy.record(a.organizationId, {}, { action: 'test.event' });
    await expect(
      tenancy.run(a.organizationId, {}, (tx) =>
        tx.db.updateTable('audit_events').set({ action: 'x' }).execute(),
      ),
    ).rejects.toThrow(/permission denied|append-only/);
    await expect(
      tenancy.run(a.organizationId, {}, (tx) => tx.db.deleteFrom('audit_events').execute()),
    ).rejects.toThrow(/permission denied|append-only/);
    await expect(ctx.ownerDb.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_events`.execute(ctx.ownerDb)).rejects.toThrow(/append-only/);
  });
});
