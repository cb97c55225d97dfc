import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { type Kysely, sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_APP_PASSWORD, TEST_AUDIT_KEY } from '../../test/constants.ts';
import { createTestClinic, startTestApp, type TestContext } from '../../test/harness.ts';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/schema.ts';
import { createClinic } from '../modules/organization/organization.setup.ts';
import { auditRowHash, GENESIS_HASH } from './audit.ts';
import { advanceCheckpoints, readCheckpoints } from './audit-checkpoints.ts';
import { startCheckpointing } from './audit-cli.ts';
import { AUDIT_KEY_FILE, type AuditKeyring, auditKeyring, loadAuditKeyring } from './audit-keys.ts';
import { verifyAuditChain } from './audit-verify.ts';
import { Tenancy } from './tenancy.ts';

/**
 * Issue 12, finding 7: the chain had no anchor outside the database, so deleting its last rows,
 * re-hashing an edited row or inserting a correctly chained row all verified "ok". Each attack
 * here is carried out with the owner's database credentials (all an insider needs), and
 * `fascia audit verify` must name it.
 */
let ctx: TestContext;
let keys: AuditKeyring;
beforeAll(async () => {
  ctx = await startTestApp();
  keys = loadAuditKeyring(ctx.config, { create: false }) as AuditKeyring;
});

const checkpointFile = () => path.join(tmpdir(), `fascia-checkpoints-${randomUUID()}.json`);

async function clinicWithEvents(n: number) {
  const c = await createTestClinic(ctx);
  const tenancy = new Tenancy(ctx.appDb, 'sync', keys);
  for (let i = 0; i < n; i++)
    await tenancy.record(c.organizationId, {}, { action: 'test.event', detail: { i } });
  return c;
}

/** Owner credentials can switch the append-only trigger off; that is the insider this is about. */
async function behindTheTrigger(work: (db: Kysely<Database>) => Promise<unknown>) {
  await sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update`.execute(ctx.ownerDb);
  try {
    await work(ctx.ownerDb);
  } finally {
    await sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update`.execute(ctx.ownerDb);
  }
}

const chain = (organizationId: string) =>
  ctx.ownerDb
    .selectFrom('audit_events')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('seq')
    .execute();

/** What a careful forger does after any change: renumber from 1 and recompute every link and hash. */
async function rebuildChain(db: Kysely<Database>, organizationId: string) {
  let prev = GENESIS_HASH;
  let seq = 0;
  for (const r of await chain(organizationId)) {
    seq += 1;
    const { id, hash: _h, mac: _m, mac_key_id: _k, ...fields } = r;
    const hash = auditRowHash({ ...fields, seq: String(seq), prev_hash: prev });
    await sql`UPDATE audit_events SET seq = ${seq}, prev_hash = ${prev}, hash = ${hash} WHERE id = ${id}`.execute(
      db,
    );
    prev = hash;
  }
}

const kindsOf = (report: { breaks: Array<{ kind: string; seq?: string }> }) =>
  report.breaks.map((b) => `${b.kind}${b.seq ? ` ${b.seq}` : ''}`);

describe('finding 7: the audit chain is anchored outside the database', () => {
  it('finding 7: deleting the last rows is reported as tail deleted, and the checkpoint is not moved back', async () => {
    const c = await clinicWithEvents(5);
    const file = checkpointFile();
    await advanceCheckpoints(ctx.ownerDb, file, keys);
    const checkpoint = readCheckpoints(file).get(c.organizationId);
    expect(checkpoint?.seq).toBeDefined();
    const before = await verifyAuditChain(ctx.ownerDb, c.organizationId, { keys, checkpoint });
    expect(before.breaks).toEqual([]);

    await behindTheTrigger((db) =>
      sql`DELETE FROM audit_events WHERE organization_id = ${c.organizationId}
            AND seq > ${Number(checkpoint?.seq) - 2}`.execute(db),
    );
    const after = await verifyAuditChain(ctx.ownerDb, c.organizationId, { keys, checkpoint });
    expect(kindsOf(after)).toEqual(['tail-deleted']);
    expect(after.breaks[0]?.reason).toContain(`recorded seq ${checkpoint?.seq}`);

    const { contradicted } = await advanceCheckpoints(ctx.ownerDb, file, keys);
    expect(contradicted.map((h) => h.organizationId)).toContain(c.organizationId);
    expect(readCheckpoints(file).get(c.organizationId)).toEqual(checkpoint);
  });

  it('finding 7: a row edited and re-hashed, with the chain rebuilt after it, is reported as forged', async () => {
    const c = await clinicWithEvents(4);
    const rows = await chain(c.organizationId);
    const target = rows[rows.length - 3];
    await behindTheTrigger(async (db) => {
      await sql`UPDATE audit_events SET actor_email = 'nobody@clinic.example' WHERE id = ${target?.id}`.execute(
        db,
      );
      await rebuildChain(db, c.organizationId);
    });
    const report = await verifyAuditChain(ctx.ownerDb, c.organizationId, { keys });
    expect(report.breaks).toEqual([
      {
        kind: 'forged',
        seq: String(target?.seq),
        id: target?.id,
        reason: expect.stringMatching(/re-hashed/),
      },
    ]);
  });

  it('finding 7: a correctly chained row inserted with owner credentials is reported as forged or unkeyed', async () => {
    const c = await clinicWithEvents(2);
    const insertChained = async (mac: { mac: string; mac_key_id: string } | null) => {
      const rows = await chain(c.organizationId);
      const head = rows[rows.length - 1];
      const fields = {
        organization_id: c.organizationId,
        occurred_at: new Date(),
        actor_id: c.idOf('owner'),
        actor_email: null,
        action: 'patient.read',
        outcome: 'success' as const,
        patient_id: null,
        resource_type: null,
        resource_id: null,
        ip: null,
        detail: {},
        seq: String(Number(head?.seq) + 1),
        prev_hash: head?.hash as string,
      };
      const row = {
        ...fields,
        hash: auditRowHash(fields),
        mac: mac?.mac ?? null,
        mac_key_id: mac?.mac_key_id ?? null,
      };
      await ctx.ownerDb
        .insertInto('audit_events')
        .values({ ...row, detail: JSON.stringify(row.detail) })
        .execute();
      return row.seq;
    };
    const unsigned = await insertChained(null);
    const guessed = await insertChained({
      mac: randomBytes(32).toString('hex'),
      mac_key_id: keys.current.id,
    });
    const unknownKey = await insertChained({
      mac: randomBytes(32).toString('hex'),
      mac_key_id: 'feedfacefeedface',
    });
    const report = await verifyAuditChain(ctx.ownerDb, c.organizationId, { keys });
    expect(kindsOf(report)).toEqual([`unkeyed ${unsigned}`, `forged ${guessed}`, `forged ${unknownKey}`]);
    expect(report.breaks[2]?.reason).toContain('unknown audit key feedfacefeedface');
  });

  it('finding 7: the app role cannot INSERT into the audit trail, nor append to another clinic', async () => {
    const a = await createTestClinic(ctx);
    const b = await createTestClinic(ctx);
    const tenancy = new Tenancy(ctx.appDb, 'sync', keys);
    await expect(
      tenancy.run(a.organizationId, {}, (tx) =>
        tx.db
          .insertInto('audit_events')
          .values({
            organization_id: a.organizationId,
            seq: 999,
            occurred_at: new Date(),
            actor_id: null,
            actor_email: null,
            action: 'forged',
            outcome: 'success',
            patient_id: null,
            resource_type: null,
            resource_id: null,
            ip: null,
            detail: '{}',
            prev_hash: GENESIS_HASH,
            hash: GENESIS_HASH,
            mac: null,
            mac_key_id: null,
          })
          .execute(),
      ),
    ).rejects.toThrow(/permission denied/);
    await expect(
      tenancy.run(a.organizationId, {}, (tx) =>
        sql`SELECT audit_append(${b.organizationId}::uuid, '[]'::jsonb, false)`.execute(tx.db),
      ),
    ).rejects.toThrow(/not the clinic of this transaction/);
  });

  it('finding 7: verify continues past the first break and reports every later one, by kind', async () => {
    const c = await clinicWithEvents(8);
    const rows = await chain(c.organizationId);
    const [early, later, removed] = [rows[2], rows[5], rows[7]];
    await behindTheTrigger(async (db) => {
      await sql`UPDATE audit_events SET detail = '{"i": 99}' WHERE id IN (${early?.id}, ${later?.id})`.execute(
        db,
      );
      await sql`DELETE FROM audit_events WHERE id = ${removed?.id}`.execute(db);
    });
    const report = await verifyAuditChain(ctx.ownerDb, c.organizationId, { keys });
    expect(kindsOf(report)).toEqual([`edited ${early?.seq}`, `edited ${later?.seq}`, `gap ${rows[8]?.seq}`]);

    const cli = await fasciaCli(['audit', 'verify']).then(
      () => ({ code: 0, stdout: '' }),
      (err: { code: number; stdout: string }) => err,
    );
    expect(cli.code).toBe(1);
    const lines = cli.stdout.split('\n');
    const at = lines.findIndex((l) => l.includes(`(${c.organizationId})`));
    expect(lines[at]).toMatch(/^BROKEN Clinic .*: 3 problems in \d+ rows$/);
    expect(lines.slice(at + 1, at + 4)).toEqual([
      expect.stringMatching(new RegExp(`^  edited +row seq ${early?.seq} id ${early?.id}: `)),
      expect.stringMatching(new RegExp(`^  edited +row seq ${later?.seq} id ${later?.id}: `)),
      expect.stringMatching(
        new RegExp(`^  gap +row seq ${rows[8]?.seq} id ${rows[8]?.id}: rows ${removed?.seq} are missing`),
      ),
    ]);
  }, 60_000);

  it('finding 7: a row removed from the middle and the chain rebuilt is caught at the checkpoint', async () => {
    const c = await clinicWithEvents(5);
    const file = checkpointFile();
    await advanceCheckpoints(ctx.ownerDb, file, keys);
    const checkpoint = readCheckpoints(file).get(c.organizationId);
    const rows = await chain(c.organizationId);
    await behindTheTrigger(async (db) => {
      await sql`DELETE FROM audit_events WHERE id = ${rows[3]?.id}`.execute(db);
      await rebuildChain(db, c.organizationId);
    });
    // New genuine rows bring the head past the checkpoint again.
    await new Tenancy(ctx.appDb, 'sync', keys).record(c.organizationId, {}, { action: 'test.after' });
    const report = await verifyAuditChain(ctx.ownerDb, c.organizationId, { keys, checkpoint });
    expect(kindsOf(report)).toEqual([`rewritten ${checkpoint?.seq}`]);
  });

  it('finding 7: the running server checkpoints every clinic at start and when it stops', async () => {
    const c = await clinicWithEvents(1);
    const file = checkpointFile();
    const said: string[] = [];
    const checkpointing = startCheckpointing(
      ctx.ownerUrl,
      { ...ctx.config, auditCheckpointFile: file },
      (m) => said.push(m),
    );
    await new Tenancy(ctx.appDb, 'sync', keys).record(c.organizationId, {}, { action: 'test.while.serving' });
    await checkpointing.stop();
    const head = (await chain(c.organizationId)).at(-1);
    expect(readCheckpoints(file).get(c.organizationId)).toMatchObject({ seq: head?.seq, hash: head?.hash });
    expect(said).toEqual([]);
  });

  it('finding 7: a checkpoint not signed with the audit key is refused', async () => {
    const c = await clinicWithEvents(1);
    const file = checkpointFile();
    await advanceCheckpoints(ctx.ownerDb, file, keys);
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    stored.clinics[c.organizationId].seq = '1';
    writeFileSync(file, JSON.stringify(stored));
    const checkpoint = readCheckpoints(file).get(c.organizationId);
    const report = await verifyAuditChain(ctx.ownerDb, c.organizationId, { keys, checkpoint });
    expect(kindsOf(report)).toEqual(['checkpoint-invalid']);
  });

  it('finding 7: rows from before migration 0013 are reported as unkeyed, not as broken', async () => {
    const unkeyed = async () =>
      createClinic(ctx.ownerDb, {
        name: 'Clinic from before the key',
        requireMfa: false,
        idleMinutes: 15,
        staff: [
          { email: `${randomUUID()}@clinic.example`, name: 'Owner', role: 'owner', password: 'x'.repeat(20) },
        ],
      });
    const old = await unkeyed();
    // What migration 0013 records for a clinic that already had rows.
    await ctx.ownerDb
      .insertInto('audit_keying_start')
      .values({ organization_id: old.organizationId, first_keyed_seq: '3' })
      .execute();
    await new Tenancy(ctx.appDb, 'sync', keys).record(old.organizationId, {}, { action: 'test.after' });
    const report = await verifyAuditChain(ctx.ownerDb, old.organizationId, { keys });
    expect(report).toMatchObject({ rows: 3, unkeyedBeforeMigration: 2, breaks: [] });

    const recent = await unkeyed();
    expect(kindsOf(await verifyAuditChain(ctx.ownerDb, recent.organizationId, { keys }))).toEqual([
      'unkeyed 1',
      'unkeyed 2',
    ]);
  });

  it('finding 7: after a key rotation, rows signed with the retired key still verify', async () => {
    const c = await clinicWithEvents(2);
    const rotated = auditKeyring([TEST_AUDIT_KEY, 'the-next-audit-key-0123456789abcdef']);
    await new Tenancy(ctx.appDb, 'sync', rotated).record(c.organizationId, {}, { action: 'test.rotated' });
    const rows = await chain(c.organizationId);
    expect(new Set(rows.map((r) => r.mac_key_id)).size).toBe(2);
    expect((await verifyAuditChain(ctx.ownerDb, c.organizationId, { keys: rotated })).breaks).toEqual([]);
    const withoutRetired = auditKeyring(['the-next-audit-key-0123456789abcdef']);
    const report = await verifyAuditChain(ctx.ownerDb, c.organizationId, { keys: withoutRetired });
    expect(report.breaks.map((b) => b.kind)).toEqual(rows.slice(0, -1).map(() => 'forged'));
  });
});

describe('finding 7: where the audit key lives', () => {
  it('finding 7: without FASCIA_AUDIT_KEY the server keeps a generated key in the data folder, mode 0600', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'fascia-data-'));
    const config = loadConfig({ FASCIA_DATA_DIR: dataDir });
    expect(loadAuditKeyring(config, { create: false })).toBeNull();
    const created = loadAuditKeyring(config, { create: true });
    expect(statSync(path.join(dataDir, AUDIT_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(loadAuditKeyring(config, { create: false })?.current.id).toBe(created?.current.id);
  });

  it('finding 7: a short FASCIA_AUDIT_KEY, or retired keys without a current one, stop the start', () => {
    expect(() => loadConfig({ FASCIA_AUDIT_KEY: 'short' })).toThrow(/FASCIA_AUDIT_KEY: must be at least 32/);
    expect(() => loadConfig({ FASCIA_AUDIT_RETIRED_KEYS: TEST_AUDIT_KEY })).toThrow(
      /FASCIA_AUDIT_RETIRED_KEYS: needs FASCIA_AUDIT_KEY/,
    );
    const keysOf = loadConfig({
      FASCIA_AUDIT_KEY: 'b'.repeat(32),
      FASCIA_AUDIT_RETIRED_KEYS: `${'a'.repeat(32)}, ${TEST_AUDIT_KEY}`,
    });
    expect(keysOf.auditKeys).toEqual(['a'.repeat(32), TEST_AUDIT_KEY, 'b'.repeat(32)]);
  });
});

function fasciaCli(args: string[]) {
  return promisify(execFile)(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts', ...args], {
    cwd: path.resolve(import.meta.dirname, '../../../..'),
    env: {
      ...process.env,
      DATABASE_URL: ctx.ownerUrl,
      FASCIA_DB_APP_PASSWORD: TEST_APP_PASSWORD,
      FASCIA_LOG_LEVEL: 'silent',
      FASCIA_AUDIT_KEY: TEST_AUDIT_KEY,
      FASCIA_AUDIT_CHECKPOINT_FILE: checkpointFile(),
    },
  });
}
