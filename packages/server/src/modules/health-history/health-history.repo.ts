import type { HealthHistory } from '@fascia/domain/patients/health-history.schema';
import { sql } from 'kysely';
import type { Tx } from '../../platform/tenancy.ts';

export const HISTORY_KINDS = [
  'conditions',
  'surgeries',
  'injuries',
  'medications',
  'allergies',
  'pregnancy',
  'devices',
  'labs',
  'radiation',
] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

export function activeItems(tx: Tx, patientId: string) {
  return tx
    .selectFrom('health_history_items')
    .select(['id', 'kind', 'data', 'recorded_at', 'recorded_by'])
    .where('patient_id', '=', patientId)
    .where('retired_at', 'is', null)
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
}

/**
 * The history in the shape the screening engine reads. Each item carries its row id; pregnancy is
 * a single record, the latest one recorded.
 */
export function toHealthHistory(rows: Array<{ id: string; kind: string; data: unknown }>): HealthHistory {
  const history: Record<string, unknown> = {};
  for (const row of rows) {
    const item = { ...(row.data as Record<string, unknown>), id: row.id };
    if (row.kind === 'pregnancy') history.pregnancy = item;
    else {
      const list = (history[row.kind] as unknown[] | undefined) ?? [];
      list.push(item);
      history[row.kind] = list;
    }
  }
  return history as HealthHistory;
}

export async function loadHealthHistory(tx: Tx, patientId: string): Promise<HealthHistory> {
  return toHealthHistory(await activeItems(tx, patientId));
}

export function insertItem(
  tx: Tx,
  row: {
    organizationId: string;
    patientId: string;
    kind: HistoryKind;
    data: unknown;
    recordedBy: string;
    recordedAt: Date;
    replacesId?: string;
  },
) {
  return tx
    .insertInto('health_history_items')
    .values({
      organization_id: row.organizationId,
      patient_id: row.patientId,
      kind: row.kind,
      data: JSON.stringify(row.data),
      recorded_by: row.recordedBy,
      recorded_at: row.recordedAt,
      replaces_id: row.replacesId ?? null,
    })
    .returning(['id', 'kind', 'recorded_at'])
    .executeTakeFirstOrThrow();
}

export function getActiveItem(tx: Tx, patientId: string, id: string) {
  return tx
    .selectFrom('health_history_items')
    .select(['id', 'kind', 'data'])
    .where('id', '=', id)
    .where('patient_id', '=', patientId)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
}

export function retireItem(tx: Tx, id: string, by: string, reason: string) {
  return tx
    .updateTable('health_history_items')
    .set({ retired_at: sql`now()`, retired_by: by, retire_reason: reason })
    .where('id', '=', id)
    .where('retired_at', 'is', null)
    .execute();
}

/** A new pregnancy record supersedes the previous one. */
export function retireKind(tx: Tx, patientId: string, kind: HistoryKind, by: string, reason: string) {
  return tx
    .updateTable('health_history_items')
    .set({ retired_at: sql`now()`, retired_by: by, retire_reason: reason })
    .where('patient_id', '=', patientId)
    .where('kind', '=', kind)
    .where('retired_at', 'is', null)
    .execute();
}
