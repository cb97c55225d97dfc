import { changeFromBaseline } from '@fascia/domain/outcomes/change';
import { findInstrument } from '@fascia/domain/outcomes/instruments.catalogue';
import { outcomeResponseSchema, scoreOutcomeResponse } from '@fascia/domain/outcomes/response.schema';
import type { ScoreResult } from '@fascia/domain/outcomes/score';
import { sql } from 'kysely';
import { randomToken, safeEqual, tokenHash } from '../../platform/auth/credentials.ts';
import { Gone, Invalid, NotFound } from '../../platform/errors.ts';
import { assertClinicalAccess, clinicToday } from '../../platform/patient-access.ts';
import { type Actor, auditActor } from '../../platform/request-auth.ts';
import type { Tenancy, TenantTx } from '../../platform/tenancy.ts';
import * as repo from './outcomes.repo.ts';

/** A questionnaire hand-over lasts a visit's waiting time, not a day (issue 13, item 11). */
export const KIOSK_MINUTES = 30;

/**
 * Outcome questionnaires: recorded by staff (a paper form transcribed), inside a signed assessment,
 * or by the patient on the clinic tablet (kiosk). Every response is scored on the server by the
 * same domain engine, and a patient's series is compared with its baseline against the MCID.
 */
export class OutcomesService {
  constructor(private readonly tenancy: Tenancy) {}

  record(actor: Actor, patientId: string, input: unknown) {
    const response = parseResponse(input);
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      await assertClinicalAccess(tx.db, actor, patientId);
      const result = scoreOutcomeResponse(response);
      const row = await repo.insertOutcomeResponse(tx.db, {
        organizationId: actor.organizationId,
        patientId,
        response,
        result,
        source: 'staff',
        createdBy: actor.userId,
      });
      tx.audit({
        action: 'patient.outcome.record',
        patientId,
        resourceType: 'outcome_response',
        resourceId: row.id,
        detail: { instrumentId: response.instrumentId, score: result.score },
      });
      return { id: row.id, result };
    });
  }

  series(actor: Actor, patientId: string, instrumentId?: string) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      await assertClinicalAccess(tx.db, actor, patientId);
      const rows = await repo.responsesOf(tx.db, patientId, instrumentId);
      tx.audit({ action: 'patient.outcome.read', patientId, resourceType: 'patient', resourceId: patientId });
      const byInstrument = new Map<string, typeof rows>();
      for (const r of rows)
        byInstrument.set(r.instrument_id, [...(byInstrument.get(r.instrument_id) ?? []), r]);
      return [...byInstrument.entries()].flatMap(([id, list]) => {
        const instrument = findInstrument(id);
        if (!instrument) return [];
        const administrations = list.map((r) => ({
          administeredOn: r.administered_on,
          result: r.result as ScoreResult,
        }));
        return [
          {
            instrumentId: id,
            name: instrument.name,
            responses: list.map((r) => ({
              id: r.id,
              administeredOn: r.administered_on,
              source: r.source,
              assessmentId: r.assessment_id,
              result: r.result as ScoreResult,
            })),
            series: changeFromBaseline(instrument, administrations),
          },
        ];
      });
    });
  }

  /** Hands questionnaires to the patient: a one-time link the tablet opens in kiosk mode. */
  startKiosk(actor: Actor, patientId: string, instrumentIds: string[]) {
    const unknown = instrumentIds.filter((id) => !findInstrument(id));
    if (unknown.length)
      throw new Invalid(
        unknown.map((id) => ({ field: 'instrumentIds', message: `${id} is not an instrument Fascia knows` })),
      );
    const token = randomToken();
    // The tablet that starts the kiosk keeps this secret (an HttpOnly cookie): the link alone,
    // opened in any other browser, shows nothing.
    const deviceSecret = randomToken();
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      await assertClinicalAccess(tx.db, actor, patientId);
      const row = await repo.insertKiosk(tx.db, {
        organizationId: actor.organizationId,
        patientId,
        tokenHash: tokenHash(token),
        deviceHash: tokenHash(deviceSecret),
        instrumentIds: [...new Set(instrumentIds)],
        createdBy: actor.userId,
        minutes: KIOSK_MINUTES,
      });
      tx.audit({
        action: 'patient.kiosk.start',
        patientId,
        resourceType: 'kiosk',
        resourceId: row.id,
        detail: { instrumentIds },
      });
      return {
        token,
        path: `/kiosk/${token}`,
        expiresAt: new Date(row.expires_at).toISOString(),
        deviceSecret,
      };
    });
  }

  /** What the kiosk shows: the questionnaires still to fill in, and the patient's first name only. */
  kioskView(token: string, deviceSecret: string | undefined) {
    return this.withKiosk(token, deviceSecret, async (tx, kiosk) => {
      const patient = await tx.db
        .selectFrom('patients')
        .select('data')
        .where('id', '=', kiosk.patient_id)
        .executeTakeFirstOrThrow();
      const record = patient.data as { preferredName?: string; legalName: { given: string } };
      tx.audit({
        action: 'patient.kiosk.open',
        patientId: kiosk.patient_id,
        resourceType: 'kiosk',
        resourceId: kiosk.id,
      });
      return {
        greetingName: record.preferredName ?? record.legalName.given,
        remaining: kiosk.instrument_ids.filter((id) => !kiosk.completed_instrument_ids.includes(id)),
        completed: kiosk.completed_instrument_ids,
      };
    });
  }

  kioskSubmit(
    token: string,
    deviceSecret: string | undefined,
    instrumentId: string,
    answers: Record<string, unknown>,
    itemLabels?: Record<string, string>,
  ) {
    return this.withKiosk(token, deviceSecret, async (tx, kiosk) => {
      if (
        !kiosk.instrument_ids.includes(instrumentId) ||
        kiosk.completed_instrument_ids.includes(instrumentId)
      ) {
        throw new Invalid([
          { field: 'instrumentId', message: 'This questionnaire is not waiting to be filled in here.' },
        ]);
      }
      const org = await tx.db.selectFrom('organizations').select('time_zone').executeTakeFirstOrThrow();
      const response = parseResponse({
        instrumentId,
        answers,
        itemLabels,
        administeredOn: clinicToday(org.time_zone),
        completedBy: 'patient',
      });
      const result = scoreOutcomeResponse(response);
      const row = await repo.insertOutcomeResponse(tx.db, {
        organizationId: kiosk.organization_id,
        patientId: kiosk.patient_id,
        response,
        result,
        source: 'kiosk',
        createdBy: null,
      });
      const completed = [...kiosk.completed_instrument_ids, instrumentId];
      const done = kiosk.instrument_ids.every((id) => completed.includes(id));
      await repo.markKioskProgress(tx.db, kiosk.id, completed, done);
      tx.audit({
        action: 'patient.outcome.record',
        patientId: kiosk.patient_id,
        resourceType: 'outcome_response',
        resourceId: row.id,
        detail: { instrumentId, via: 'kiosk' },
      });
      return { remaining: kiosk.instrument_ids.filter((id) => !completed.includes(id)), done };
    });
  }

  private async withKiosk<T>(
    token: string,
    deviceSecret: string | undefined,
    work: (tx: TenantTx, kiosk: NonNullable<Awaited<ReturnType<typeof repo.getKiosk>>>) => Promise<T>,
  ) {
    const { rows } = await sql<{
      kiosk_id: string;
      organization_id: string;
    }>`SELECT * FROM auth_find_kiosk(${tokenHash(token)})`.execute(this.tenancy.db);
    const found = rows[0];
    if (!found) throw new NotFound('This questionnaire link');
    return this.tenancy.run(found.organization_id, {}, async (tx) => {
      const kiosk = await repo.getKiosk(tx.db, found.kiosk_id);
      // Another device holding the link is told exactly what a wrong link is told.
      const onThisTablet =
        kiosk?.device_hash && deviceSecret ? safeEqual(kiosk.device_hash, tokenHash(deviceSecret)) : false;
      if (!kiosk || !onThisTablet) throw new NotFound('This questionnaire link');
      if (kiosk.completed_at)
        throw new Gone('These questionnaires are complete. Please hand the tablet back.');
      if (new Date(kiosk.expires_at) <= new Date())
        throw new Gone('This questionnaire link has expired. Please ask at the desk.');
      return work(tx, kiosk);
    });
  }
}

function parseResponse(input: unknown) {
  const parsed = outcomeResponseSchema.safeParse(input);
  if (!parsed.success)
    throw new Invalid(
      parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.') || 'body', message: i.message })),
    );
  return parsed.data;
}
