import type { FhirType } from '@fascia/domain/fhir/capability';
import { sql } from 'kysely';
import { withFhirTables } from '../../db/schema-fhir.ts';
import { NotFound } from '../../platform/errors.ts';
import { clinicToday } from '../../platform/patient-access.ts';
import { type Actor, auditActor } from '../../platform/request-auth.ts';
import type { Tenancy } from '../../platform/tenancy.ts';
import { SOURCES } from './fhir.sources.ts';

/** Resources per stored NDJSON chunk, rows per source query, and chunks per download query. */
const CHUNK_LINES = 500;
const BATCH = 500;
const DOWNLOAD_CHUNKS = 8;
const STALE_AFTER_MS = 6 * 3600_000;

export interface ExportJob {
  id: string;
  status: 'running' | 'completed' | 'failed';
  requestUrl: string;
  transactionTime: Date | null;
  output: Array<{ type: string; count: number }>;
  error: string | null;
}

/**
 * Bulk export (FHIR Bulk Data `$export`, system level): the kick-off records a job and answers at
 * once; the job runs in this process in one REPEATABLE READ transaction, so every file is the same
 * snapshot of the clinic, and writes NDJSON in chunks as it goes. A download streams the chunks
 * back a few at a time: neither side ever holds a whole file in memory.
 */
export class FhirExportService {
  constructor(
    private readonly tenancy: Tenancy,
    private readonly log: (err: unknown) => void,
  ) {}

  async kickOff(
    actor: Actor,
    input: { types: FhirType[]; since?: string; requestUrl: string; baseUrl: string },
  ) {
    const id = await this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      const job = await withFhirTables(tx.db)
        .insertInto('fhir_export_jobs')
        .values({
          organization_id: actor.organizationId,
          requested_by: actor.userId,
          request_url: input.requestUrl,
          types: input.types,
          since: input.since ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      tx.audit({
        action: 'fhir.export',
        resourceType: 'fhir_export',
        resourceId: job.id,
        detail: { types: input.types, since: input.since ?? null },
      });
      return job.id;
    });
    setImmediate(() => {
      this.run(actor, id, input).catch((err) => this.log(err));
    });
    return id;
  }

  private async run(
    actor: Actor,
    jobId: string,
    input: { types: FhirType[]; since?: string; baseUrl: string },
  ) {
    const db = this.tenancy.db;
    const since = input.since ? Date.parse(input.since) : undefined;
    try {
      const output = await db
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute(async (trx) => {
          await sql`SELECT set_config('app.organization_id', ${actor.organizationId}, true)`.execute(trx);
          const org = await trx.selectFrom('organizations').select('time_zone').executeTakeFirstOrThrow();
          const ctx = { baseUrl: input.baseUrl, today: clinicToday(org.time_zone) };
          const fhirDb = withFhirTables(trx);
          const written: Array<{ type: string; count: number }> = [];
          for (const type of input.types) {
            let lines: string[] = [];
            let seq = 0;
            let count = 0;
            const flush = async () => {
              if (lines.length === 0) return;
              await fhirDb
                .insertInto('fhir_export_chunks')
                .values({
                  job_id: jobId,
                  organization_id: actor.organizationId,
                  resource_type: type,
                  seq: seq++,
                  lines: lines.length,
                  body: `${lines.join('\n')}\n`,
                })
                .execute();
              lines = [];
            };
            for (const source of SOURCES[type]) {
              for (let after: string | undefined; ; ) {
                const rows = await source.fetch(trx, { limit: BATCH, ...(after ? { after } : {}) }, ctx);
                for (const row of rows) {
                  for (const resource of row.resources()) {
                    if (since !== undefined && Date.parse(resource.meta?.lastUpdated ?? '') < since) continue;
                    lines.push(JSON.stringify(resource));
                    count += 1;
                    if (lines.length >= CHUNK_LINES) await flush();
                  }
                }
                if (rows.length < BATCH) break;
                after = rows[rows.length - 1]?.id;
              }
            }
            await flush();
            if (count > 0) written.push({ type, count });
          }
          await fhirDb
            .updateTable('fhir_export_jobs')
            .set({
              status: 'completed',
              output: JSON.stringify(written),
              transaction_time: sql`now()`,
              completed_at: sql`clock_timestamp()`,
            })
            .where('id', '=', jobId)
            .execute();
          return written;
        });
      await this.tenancy.record(actor.organizationId, auditActor(actor), {
        action: 'fhir.export.complete',
        resourceType: 'fhir_export',
        resourceId: jobId,
        detail: { output },
      });
    } catch (err) {
      this.log(err);
      await this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
        await withFhirTables(tx.db)
          .updateTable('fhir_export_jobs')
          .set({ status: 'failed', error: 'The export failed; start it again.', completed_at: sql`now()` })
          .where('id', '=', jobId)
          .execute();
        tx.audit({
          action: 'fhir.export.complete',
          outcome: 'failure',
          resourceType: 'fhir_export',
          resourceId: jobId,
        });
      });
    }
  }

  status(actor: Actor, jobId: string): Promise<ExportJob> {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      const job = await withFhirTables(tx.db)
        .selectFrom('fhir_export_jobs')
        .selectAll()
        .where('id', '=', jobId)
        .executeTakeFirst();
      if (!job) throw new NotFound('The export');
      // A job runs in the process that started it; one still running after hours was cut short by a restart.
      const stale =
        job.status === 'running' && Date.now() - new Date(job.created_at).getTime() > STALE_AFTER_MS;
      return {
        id: job.id,
        status: stale ? 'failed' : job.status,
        requestUrl: job.request_url,
        transactionTime: job.transaction_time,
        output: job.output,
        error: stale ? 'The export was interrupted; start it again.' : job.error,
      };
    });
  }

  delete(actor: Actor, jobId: string) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      const gone = await withFhirTables(tx.db)
        .deleteFrom('fhir_export_jobs')
        .where('id', '=', jobId)
        .executeTakeFirst();
      if (gone.numDeletedRows === 0n) throw new NotFound('The export');
      tx.audit({ action: 'fhir.export.delete', resourceType: 'fhir_export', resourceId: jobId });
    });
  }

  /** Checks the file exists and records the download; the caller then streams `chunks`. */
  async openFile(actor: Actor, jobId: string, type: string): Promise<void> {
    const job = await this.status(actor, jobId);
    if (job.status !== 'completed' || !job.output.some((o) => o.type === type))
      throw new NotFound('The export file');
    await this.tenancy.record(actor.organizationId, auditActor(actor), {
      action: 'fhir.export.download',
      resourceType: 'fhir_export',
      resourceId: jobId,
      detail: { type },
    });
  }

  async *chunks(actor: Actor, jobId: string, type: string): AsyncGenerator<string> {
    for (let seq = 0; ; seq += DOWNLOAD_CHUNKS) {
      const rows = await this.tenancy.run(actor.organizationId, auditActor(actor), (tx) =>
        withFhirTables(tx.db)
          .selectFrom('fhir_export_chunks')
          .select('body')
          .where('job_id', '=', jobId)
          .where('resource_type', '=', type)
          .where('seq', '>=', seq)
          .where('seq', '<', seq + DOWNLOAD_CHUNKS)
          .orderBy('seq')
          .execute(),
      );
      for (const r of rows) yield r.body;
      if (rows.length < DOWNLOAD_CHUNKS) return;
    }
  }
}
