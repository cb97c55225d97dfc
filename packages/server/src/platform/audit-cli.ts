import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import { createOwnerDb } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import {
  advanceCheckpoints,
  flushSeenCommits,
  readCheckpoints,
  saveCheckpoints,
  signCheckpoint,
} from './audit-checkpoints.ts';
import { AUDIT_KEY_FILE, loadAuditKeyring } from './audit-keys.ts';
import { verifyAuditChain } from './audit-verify.ts';

/**
 * `fascia audit verify`: every clinic's chain to its end, every break with its kind and row, in
 * lines an operator can read. Returns whether everything was intact. A clinic found intact gets a
 * new checkpoint at its head, so the next verify can tell if its last rows disappear.
 */
export async function verifyEveryClinic(
  ownerDb: Kysely<Database>,
  config: Config,
  say: (line: string) => void,
): Promise<boolean> {
  const keys = loadAuditKeyring(config, { create: false });
  if (!keys) {
    say(
      `No audit key: set FASCIA_AUDIT_KEY or keep ${path.join(config.dataDir, AUDIT_KEY_FILE)}; ` +
        'without it no row can be checked for forgery.',
    );
    return false;
  }
  const checkpoints = readCheckpoints(config.auditCheckpointFile);
  const orgs = await ownerDb
    .selectFrom('organizations')
    .select(['id', 'name'])
    .orderBy('created_at')
    .execute();
  let clean = true;
  const advanced = [];
  for (const org of orgs) {
    const checkpoint = checkpoints.get(org.id);
    const report = await verifyAuditChain(ownerDb, org.id, { keys, checkpoint });
    const clinic = `${org.name} (${org.id})`;
    const older = report.unkeyedBeforeMigration
      ? `, of which ${report.unkeyedBeforeMigration} unkeyed (before migration 0013)`
      : '';
    if (report.breaks.length === 0) {
      const checked = checkpoint ? `, reaches the checkpoint at seq ${checkpoint.seq}` : '';
      say(`ok     ${clinic}: ${report.rows} rows${older}${checked}`);
      if (report.head)
        advanced.push(
          signCheckpoint(keys, { organizationId: org.id, ...report.head, at: new Date().toISOString() }),
        );
      continue;
    }
    clean = false;
    const n = report.breaks.length;
    say(`BROKEN ${clinic}: ${n} problem${n === 1 ? '' : 's'} in ${report.rows} rows${older}`);
    for (const b of report.breaks) {
      const where = b.id ? `row seq ${b.seq} id ${b.id}` : b.seq ? `seq ${b.seq}` : 'chain';
      say(`  ${b.kind.padEnd(18)} ${where}: ${b.reason}`);
    }
  }
  if (advanced.length > 0) await flushSeenCommits(ownerDb);
  saveCheckpoints(config.auditCheckpointFile, advanced);
  return clean;
}

/**
 * The running server's checkpoints: one at start, then every FASCIA_AUDIT_CHECKPOINT_MINUTES, and
 * one when it stops. A chain that no longer holds its last checkpoint is reported on the console
 * every time, and its checkpoint is kept for `audit verify` to name the rows.
 */
export function startCheckpointing(ownerUrl: string, config: Config, say: (line: string) => void) {
  const ownerDb = createOwnerDb(ownerUrl);
  const keys = loadAuditKeyring(config, { create: true });
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    if (!keys) return running;
    running = running
      .then(async () => {
        const { contradicted } = await advanceCheckpoints(ownerDb, config.auditCheckpointFile, keys);
        for (const c of contradicted)
          say(
            `WARNING: the audit chain of clinic ${c.organizationId} no longer holds its last checkpoint ` +
              `(head now seq ${c.seq}): rows were deleted or rewritten; run \`fascia audit verify\``,
          );
      })
      .catch((err: Error) => say(`audit checkpoint not written: ${err.message}`));
    return running;
  };
  tick();
  const timer = setInterval(tick, config.auditCheckpointMinutes * 60_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await tick();
      await ownerDb.destroy();
    },
  };
}
