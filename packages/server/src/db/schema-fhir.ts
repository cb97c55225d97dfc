import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Table types of migration 0006 (API keys, FHIR bulk exports), kept beside schema.ts so the FHIR
 * module's tables are typed without every module seeing them. `withFhirTables` widens a
 * transaction to these tables; row-level security applies exactly as for the others.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface ApiKeysTable {
  id: Generated<string>;
  organization_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  scope: Generated<'read'>;
  created_by: string;
  created_at: Timestamp;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
  revoked_by: string | null;
}

export interface FhirExportJobsTable {
  id: Generated<string>;
  organization_id: string;
  requested_by: string;
  request_url: string;
  types: string[];
  since: NullableTimestamp;
  status: Generated<'running' | 'completed' | 'failed'>;
  output: ColumnType<Array<{ type: string; count: number }>, string | undefined, string>;
  error: string | null;
  transaction_time: NullableTimestamp;
  created_at: Timestamp;
  completed_at: NullableTimestamp;
}

export interface FhirExportChunksTable {
  job_id: string;
  organization_id: string;
  resource_type: string;
  seq: number;
  lines: number;
  body: string;
}

export interface FhirTables {
  api_keys: ApiKeysTable;
  fhir_export_jobs: FhirExportJobsTable;
  fhir_export_chunks: FhirExportChunksTable;
}

export type FhirDatabase = Database & FhirTables;

export function withFhirTables(tx: Kysely<Database>): Kysely<FhirDatabase> {
  return tx as unknown as Kysely<FhirDatabase>;
}
