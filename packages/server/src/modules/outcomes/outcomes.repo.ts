import type { OutcomeResponse } from '@fascia/domain/outcomes/response.schema';
import type { ScoreResult } from '@fascia/domain/outcomes/score';
import { sql } from 'kysely';
import type { Tx } from '../../platform/tenancy.ts';

export function insertOutcomeResponse(
  tx: Tx,
  r: {
    organizationId: string;
    patientId: string;
    response: OutcomeResponse;
    result: ScoreResult;
    assessmentId?: string | null;
    source: 'assessment' | 'kiosk' | 'staff';
    createdBy: string | null;
  },
) {
  return tx
    .insertInto('outcome_responses')
    .values({
      organization_id: r.organizationId,
      patient_id: r.patientId,
      instrument_id: r.response.instrumentId,
      administered_on: r.response.administeredOn,
      response: JSON.stringify(r.response),
      result: JSON.stringify(r.result),
      score: r.result.score,
      assessment_id: r.assessmentId ?? null,
      source: r.source,
      created_by: r.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function responsesOf(tx: Tx, patientId: string, instrumentId?: string) {
  let q = tx
    .selectFrom('outcome_responses')
    .select(['id', 'instrument_id', 'administered_on', 'result', 'source', 'assessment_id'])
    .where('patient_id', '=', patientId)
    .orderBy('instrument_id')
    .orderBy('administered_on')
    .orderBy('created_at');
  if (instrumentId) q = q.where('instrument_id', '=', instrumentId);
  return q.execute();
}

export function insertKiosk(
  tx: Tx,
  k: {
    organizationId: string;
    patientId: string;
    tokenHash: string;
    deviceHash: string;
    instrumentIds: string[];
    createdBy: string;
    minutes: number;
  },
) {
  return tx
    .insertInto('kiosk_sessions')
    .values({
      organization_id: k.organizationId,
      patient_id: k.patientId,
      token_hash: k.tokenHash,
      device_hash: k.deviceHash,
      instrument_ids: k.instrumentIds,
      created_by: k.createdBy,
      expires_at: sql`now() + make_interval(mins => ${k.minutes})`,
    })
    .returning(['id', 'expires_at'])
    .executeTakeFirstOrThrow();
}

export function getKiosk(tx: Tx, id: string) {
  return tx.selectFrom('kiosk_sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export function markKioskProgress(tx: Tx, id: string, completed: string[], done: boolean) {
  return tx
    .updateTable('kiosk_sessions')
    .set({ completed_instrument_ids: completed, ...(done ? { completed_at: sql`now()` } : {}) })
    .where('id', '=', id)
    .execute();
}
