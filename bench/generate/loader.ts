import type pg from 'pg';

/**
 * Bulk loading without pg-copy-streams (not a dependency): each batch is one
 * INSERT … SELECT * FROM unnest($1::type[], …) with one array parameter per column, which
 * PostgreSQL plans once and runs at close to COPY speed. One batch is in flight while the
 * generator builds the next, and each table's rows/s counts only the time its own batches took.
 */
export type Column = readonly [name: string, type: string];

export interface TableSpec {
  table: string;
  columns: readonly Column[];
}

export interface TableStats {
  rows: number;
  ms: number;
}

export class Loader {
  readonly stats = new Map<string, TableStats>();
  private inFlight: Promise<void> = Promise.resolve();
  private readonly sqlFor = new Map<string, string>();

  constructor(
    private readonly client: pg.Client,
    private readonly batchRows = 2000,
  ) {}

  /** Queues rows (one array per row, in column order); sends them in batches. */
  async insert(spec: TableSpec, rows: unknown[][]): Promise<void> {
    for (let i = 0; i < rows.length; i += this.batchRows) {
      await this.send(spec, rows.slice(i, i + this.batchRows));
    }
  }

  /** Waits for the batch still in flight; call before reading what was loaded. */
  async drain(): Promise<void> {
    await this.inFlight;
  }

  private async send(spec: TableSpec, rows: unknown[][]): Promise<void> {
    if (rows.length === 0) return;
    await this.inFlight;
    const columns = spec.columns.map((_, c) => rows.map((r) => r[c] ?? null));
    const text = this.statement(spec);
    const started = performance.now();
    this.inFlight = this.client.query(text, columns).then(() => {
      const s = this.stats.get(spec.table) ?? { rows: 0, ms: 0 };
      s.rows += rows.length;
      s.ms += performance.now() - started;
      this.stats.set(spec.table, s);
    });
  }

  private statement(spec: TableSpec): string {
    let text = this.sqlFor.get(spec.table);
    if (!text) {
      const names = spec.columns.map(([n]) => n).join(', ');
      const arrays = spec.columns.map(([, t], i) => `$${i + 1}::${t}[]`).join(', ');
      text = `INSERT INTO ${spec.table} (${names}) SELECT * FROM unnest(${arrays})`;
      this.sqlFor.set(spec.table, text);
    }
    return text;
  }
}

export const T = {
  organizations: {
    table: 'organizations',
    columns: [
      ['id', 'uuid'],
      ['name', 'text'],
      ['require_mfa', 'boolean'],
      ['idle_timeout_minutes', 'int'],
      ['time_zone', 'text'],
    ],
  },
  users: {
    table: 'users',
    columns: [
      ['id', 'uuid'],
      ['organization_id', 'uuid'],
      ['email', 'text'],
      ['name', 'text'],
      ['role', 'text'],
      ['password_hash', 'text'],
      ['credentials', 'text'],
      ['license_number', 'text'],
    ],
  },
  referring_providers: {
    table: 'referring_providers',
    columns: [
      ['id', 'uuid'],
      ['organization_id', 'uuid'],
      ['npi', 'text'],
      ['display_name', 'text'],
      ['search_name', 'text'],
      ['data', 'jsonb'],
    ],
  },
  patients: {
    table: 'patients',
    columns: [
      ['id', 'uuid'],
      ['organization_id', 'uuid'],
      ['family_name', 'text'],
      ['given_name', 'text'],
      ['search_name', 'text'],
      ['date_of_birth', 'date'],
      ['phone_digits', 'text'],
      ['data', 'jsonb'],
      ['created_by', 'uuid'],
      ['created_at', 'timestamptz'],
    ],
  },
  patient_care_team: {
    table: 'patient_care_team',
    columns: [
      ['organization_id', 'uuid'],
      ['patient_id', 'uuid'],
      ['user_id', 'uuid'],
    ],
  },
  health_history_items: {
    table: 'health_history_items',
    columns: [
      ['id', 'uuid'],
      ['organization_id', 'uuid'],
      ['patient_id', 'uuid'],
      ['kind', 'text'],
      ['data', 'jsonb'],
      ['recorded_at', 'timestamptz'],
      ['recorded_by', 'uuid'],
    ],
  },
  referrals: {
    table: 'referrals',
    columns: [
      ['id', 'uuid'],
      ['organization_id', 'uuid'],
      ['patient_id', 'uuid'],
      ['provider_id', 'uuid'],
      ['valid_from', 'date'],
      ['valid_until', 'date'],
      ['data', 'jsonb'],
      ['created_by', 'uuid'],
      ['created_at', 'timestamptz'],
    ],
  },
  assessments: {
    table: 'assessments',
    columns: [
      ['id', 'uuid'],
      ['organization_id', 'uuid'],
      ['patient_id', 'uuid'],
      ['referral_id', 'uuid'],
      ['kind', 'text'],
      ['performed_on', 'date'],
      ['therapist_id', 'uuid'],
      ['content', 'jsonb'],
      ['status', 'text'],
      ['content_hash', 'text'],
      ['signed_by', 'uuid'],
      ['signed_at', 'timestamptz'],
    ],
  },
  plans: {
    table: 'plans',
    columns: [
      ['id', 'uuid'],
      ['organization_id', 'uuid'],
      ['patient_id', 'uuid'],
      ['referral_id', 'uuid'],
      ['assessment_id', 'uuid'],
      ['created_by', 'uuid'],
      ['created_at', 'timestamptz'],
    ],
  },
  plan_versions: {
    table: 'plan_versions',
    columns: [
      ['id', 'uuid'],
      ['organization_id', 'uuid'],
      ['plan_id', 'uuid'],
      ['version', 'int'],
      ['content', 'jsonb'],
      ['reason', 'text'],
      ['changed_by', 'uuid'],
      ['changed_at', 'timestamptz'],
    ],
  },
  screenings: {
    table: 'screenings',
    columns: [
      ['id', 'uuid'],
      ['organization_id', 'uuid'],
      ['patient_id', 'uuid'],
      ['as_of', 'date'],
      ['answers', 'jsonb'],
      ['findings', 'jsonb'],
      ['decision', 'text'],
      ['acknowledged_by', 'uuid'],
      ['created_at', 'timestamptz'],
    ],
  },
  session_notes: {
    table: 'session_notes',
    columns: [
      ['id', 'uuid'],
      ['organization_id', 'uuid'],
      ['patient_id', 'uuid'],
      ['screening_id', 'uuid'],
      ['plan_id', 'uuid'],
      ['referral_id', 'uuid'],
      ['visit_date', 'date'],
      ['therapist_id', 'uuid'],
      ['status', 'text'],
      ['content', 'jsonb'],
      ['billing', 'jsonb'],
      ['content_hash', 'text'],
      ['signed_by', 'uuid'],
      ['signed_at', 'timestamptz'],
      ['created_at', 'timestamptz'],
    ],
  },
  outcome_responses: {
    table: 'outcome_responses',
    columns: [
      ['id', 'uuid'],
      ['organization_id', 'uuid'],
      ['patient_id', 'uuid'],
      ['instrument_id', 'text'],
      ['administered_on', 'date'],
      ['response', 'jsonb'],
      ['result', 'jsonb'],
      ['score', 'numeric'],
      ['source', 'text'],
      ['created_by', 'uuid'],
    ],
  },
  audit_events: {
    table: 'audit_events',
    columns: [
      ['id', 'uuid'],
      ['organization_id', 'uuid'],
      ['seq', 'bigint'],
      ['occurred_at', 'timestamptz'],
      ['actor_id', 'uuid'],
      ['actor_email', 'text'],
      ['action', 'text'],
      ['outcome', 'text'],
      ['patient_id', 'uuid'],
      ['resource_type', 'text'],
      ['resource_id', 'text'],
      ['ip', 'text'],
      ['detail', 'jsonb'],
      ['prev_hash', 'text'],
      ['hash', 'text'],
    ],
  },
} as const satisfies Record<string, TableSpec>;
