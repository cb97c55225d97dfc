import { screen } from '@fascia/domain/screening/engine';
import { type DayOfAnswers, screeningInputSchema } from '@fascia/domain/screening/screening-input.schema';
import type { ScreeningFinding } from '@fascia/domain/screening/types';
import { Invalid, NotFound } from '../../platform/errors.ts';
import { assertClinicalAccess, clinicDay } from '../../platform/patient-access.ts';
import { type Actor, auditActor } from '../../platform/request-auth.ts';
import type { Tenancy } from '../../platform/tenancy.ts';
import { loadHealthHistory } from '../health-history/health-history.repo.ts';
import * as repo from './screening.repo.ts';

export interface ScreeningRequest {
  dayOf: DayOfAnswers;
  acknowledged: boolean;
  overrides: Array<{ ruleId: string; reason: string }>;
}

/**
 * The day-of screening. The server rebuilds the input from what it holds (history, referral
 * precautions) plus the day's answers and runs the same engine the form runs, so the findings on
 * record are the server's, not whatever a client sent.
 */
export class ScreeningService {
  constructor(private readonly tenancy: Tenancy) {}

  /** What the live form needs to run the engine in the browser. */
  context(actor: Actor, patientId: string) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      await assertClinicalAccess(tx.db, actor, patientId);
      const asOf = await clinicDay(tx.db, actor);
      const input = {
        asOf,
        history: await loadHealthHistory(tx.db, patientId),
        precautions: await repo.activePrecautions(tx.db, patientId, asOf),
      };
      tx.audit({
        action: 'patient.screening.context',
        patientId,
        resourceType: 'patient',
        resourceId: patientId,
      });
      return { ...input, result: screen(screeningInputSchema.parse(input)) };
    });
  }

  record(actor: Actor, patientId: string, req: ScreeningRequest) {
    if (!req.acknowledged) {
      throw new Invalid([
        { field: 'acknowledged', message: 'Confirm that you have read the findings with the patient.' },
      ]);
    }
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      await assertClinicalAccess(tx.db, actor, patientId);
      const asOf = await clinicDay(tx.db, actor);
      const parsed = screeningInputSchema.safeParse({
        asOf,
        history: await loadHealthHistory(tx.db, patientId),
        precautions: await repo.activePrecautions(tx.db, patientId, asOf),
        dayOf: req.dayOf,
      });
      if (!parsed.success) {
        throw new Invalid(
          parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message })),
        );
      }
      const result = screen(parsed.data);
      const overrides = checkOverrides(result.findings, req.overrides);
      const row = await repo.insertScreening(tx.db, {
        organizationId: actor.organizationId,
        patientId,
        asOf,
        answers: req.dayOf,
        findings: result.findings,
        decision: result.decision,
        overrides: overrides.map((o) => ({ ...o, by: actor.userId })),
        acknowledgedBy: actor.userId,
      });
      tx.audit({
        action: 'patient.screening.record',
        patientId,
        resourceType: 'screening',
        resourceId: row.id,
        detail: { decision: result.decision, rules: result.findings.map((f) => f.ruleId) },
      });
      for (const o of overrides) {
        tx.audit({
          action: 'patient.screening.override',
          patientId,
          resourceType: 'screening',
          resourceId: row.id,
          detail: o,
        });
      }
      return toView(row);
    });
  }

  list(actor: Actor, patientId: string) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      await assertClinicalAccess(tx.db, actor, patientId);
      const rows = await repo.listScreenings(tx.db, patientId, 50);
      tx.audit({
        action: 'patient.screening.list',
        patientId,
        resourceType: 'patient',
        resourceId: patientId,
      });
      return rows.map(toView);
    });
  }

  get(actor: Actor, screeningId: string) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      const row = await repo.getScreening(tx.db, screeningId);
      if (!row) throw new NotFound('The screening');
      await assertClinicalAccess(tx.db, actor, row.patient_id);
      tx.audit({
        action: 'patient.screening.read',
        patientId: row.patient_id,
        resourceType: 'screening',
        resourceId: screeningId,
      });
      return toView(row);
    });
  }
}

/**
 * An override names a finding of this screening and says why. A "stop" cannot be overridden here:
 * the visit is postponed; the session note records a postponement instead.
 */
function checkOverrides(findings: ScreeningFinding[], overrides: ScreeningRequest['overrides']) {
  const errors = overrides.flatMap((o, i) => {
    const finding = findings.find((f) => f.ruleId === o.ruleId);
    if (!finding)
      return [{ field: `overrides.${i}.ruleId`, message: 'This rule did not fire in this screening.' }];
    if (finding.severity === 'stop')
      return [
        {
          field: `overrides.${i}.ruleId`,
          message: 'A stop finding postpones the visit and cannot be overridden.',
        },
      ];
    return [];
  });
  if (errors.length) throw new Invalid(errors);
  return overrides;
}

function toView(row: {
  id: string;
  patient_id: string;
  as_of: string;
  answers: unknown;
  findings: unknown;
  decision: 'proceed' | 'proceed_with_care' | 'stop';
  overrides: unknown;
  acknowledged_by: string;
  created_at: Date;
}) {
  return {
    id: row.id,
    patientId: row.patient_id,
    asOf: row.as_of,
    answers: row.answers as Record<string, unknown>,
    decision: row.decision,
    findings: row.findings as ScreeningFinding[],
    overrides: row.overrides as Array<{ ruleId: string; reason: string; by: string }>,
    acknowledgedBy: row.acknowledged_by,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
