import { checkPlanAgainstFindings, checkPlanAgainstReferral } from '@fascia/domain/plans/plan-checks';
import { type PlanOfCare, planOfCareSchema } from '@fascia/domain/plans/plan-of-care.schema';
import { diffPlans } from '@fascia/domain/plans/plan-versions';
import type { Referral } from '@fascia/domain/referrals/referral.schema';
import { Conflict, Invalid, NotFound, SafetyBlock } from '../../platform/errors.ts';
import { assertClinicalAccess } from '../../platform/patient-access.ts';
import { type Actor, auditActor } from '../../platform/request-auth.ts';
import type { Tenancy, TenantTx } from '../../platform/tenancy.ts';
import { currentFindings } from '../screening/current-findings.ts';
import { clinicLibrary } from './home-care.routes.ts';
import * as repo from './plans.repo.ts';

/**
 * Plans of care. Every save is a new version with its reason, checked first against the referral
 * (no more than the physician ordered unless asked of them) and against the patient's current
 * screening findings (no technique, pressure, position or region a finding rules out unless the
 * therapist wrote why). A refused change is answered with each reason and nothing is saved.
 */
export class PlansService {
  constructor(private readonly tenancy: Tenancy) {}

  create(actor: Actor, patientId: string, input: unknown, reason = 'Plan of care created') {
    const plan = parsePlan(input);
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      await assertClinicalAccess(tx.db, actor, patientId);
      const safety = await this.check(tx, patientId, plan);
      const row = await repo.insertPlan(tx.db, {
        organizationId: actor.organizationId,
        patientId,
        referralId: plan.referralId,
        assessmentId: plan.assessmentId,
        createdBy: actor.userId,
      });
      await repo.insertVersion(tx.db, {
        organizationId: actor.organizationId,
        planId: row.id,
        version: 1,
        content: plan,
        reason,
        safety,
        changedBy: actor.userId,
      });
      this.auditVersion(tx, patientId, row.id, 1, reason, safety);
      return this.view(tx, row.id);
    });
  }

  revise(actor: Actor, planId: string, input: unknown, reason: string, baseVersion: number) {
    const plan = parsePlan(input);
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      const current = await this.load(tx, actor, planId);
      if (plan.referralId !== current.referral_id)
        throw new Invalid([
          {
            field: 'content.referralId',
            message: 'A plan stays with its referral; start a new plan for a new referral.',
          },
        ]);
      const safety = await this.check(tx, current.patient_id, plan);
      const advanced = await repo.advanceVersion(tx.db, planId, baseVersion);
      if (!advanced)
        throw new Conflict('The plan was changed since you opened it; reload to see the latest version.');
      await repo.insertVersion(tx.db, {
        organizationId: actor.organizationId,
        planId,
        version: advanced.current_version,
        content: plan,
        reason,
        safety,
        changedBy: actor.userId,
      });
      this.auditVersion(tx, current.patient_id, planId, advanced.current_version, reason, safety);
      return this.view(tx, planId);
    });
  }

  get(actor: Actor, planId: string) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      const row = await this.load(tx, actor, planId);
      tx.audit({
        action: 'patient.plan.read',
        patientId: row.patient_id,
        resourceType: 'plan',
        resourceId: planId,
      });
      return this.view(tx, planId);
    });
  }

  list(actor: Actor, patientId: string) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      await assertClinicalAccess(tx.db, actor, patientId);
      const rows = await repo.listPlans(tx.db, patientId);
      tx.audit({ action: 'patient.plan.list', patientId, resourceType: 'patient', resourceId: patientId });
      return rows.map((r) => ({
        id: r.id,
        referralId: r.referral_id,
        assessmentId: r.assessment_id,
        currentVersion: r.current_version,
        content: r.content as PlanOfCare,
        updatedAt: new Date(r.changed_at).toISOString(),
      }));
    });
  }

  diff(actor: Actor, planId: string, from: number, to: number) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      const row = await this.load(tx, actor, planId);
      const versions = await repo.versionsOf(tx.db, planId);
      const a = versions.find((v) => v.version === from);
      const b = versions.find((v) => v.version === to);
      if (!a || !b) throw new NotFound('That version of the plan');
      tx.audit({
        action: 'patient.plan.read',
        patientId: row.patient_id,
        resourceType: 'plan',
        resourceId: planId,
        detail: { diff: [from, to] },
      });
      return { from, to, changes: diffPlans(a.content as PlanOfCare, b.content as PlanOfCare) };
    });
  }

  private async check(tx: TenantTx, patientId: string, plan: PlanOfCare) {
    const referral = await tx.db
      .selectFrom('referrals')
      .select(['data'])
      .where('id', '=', plan.referralId)
      .where('patient_id', '=', patientId)
      .executeTakeFirst();
    if (!referral)
      throw new Invalid([
        { field: 'content.referralId', message: "Choose one of this patient's referrals." },
      ]);
    const assessment = await tx.db
      .selectFrom('assessments')
      .select(['status'])
      .where('id', '=', plan.assessmentId)
      .where('patient_id', '=', patientId)
      .executeTakeFirst();
    if (!assessment)
      throw new Invalid([
        { field: 'content.assessmentId', message: "Choose one of this patient's assessments." },
      ]);
    if (assessment.status !== 'signed')
      throw new Invalid([
        { field: 'content.assessmentId', message: 'Sign the assessment before planning from it.' },
      ]);

    const order = referral.data as Referral;
    const referralIssues = checkPlanAgainstReferral(plan, {
      frequencyPerWeek: order.frequency.timesPerWeek,
      durationWeeks: order.durationWeeks,
      ...(order.visitsAuthorized ? { totalVisits: order.visitsAuthorized } : {}),
    });
    const beyondOrder = referralIssues.filter((i) => !i.requested);
    if (beyondOrder.length) {
      throw new Invalid(
        beyondOrder.map((i) => ({
          field: `content.${i.field === 'totalVisits' ? 'frequencyPerWeek' : i.field}`,
          message: `${i.reason}. Reduce it, or record it as a request to the physician.`,
        })),
      );
    }
    const library = await clinicLibrary(tx.db);
    const unknown = plan.homeCare.flatMap((h, i) =>
      library.some((item) => item.id === h.itemId) ? [] : [i],
    );
    if (unknown.length) {
      throw new Invalid(
        unknown.map((i) => ({
          field: `content.homeCare.${i}.itemId`,
          message: "Not in the clinic's home-care library.",
        })),
      );
    }
    const { asOf, findings } = await currentFindings(tx.db, patientId);
    const violations = checkPlanAgainstFindings(plan, findings);
    const refused = violations.filter((v) => !v.overridden);
    if (refused.length) {
      throw new SafetyBlock(
        refused.map((v) => (v.intervention ? `${v.intervention}: ${v.reason}` : v.reason)).join(' '),
        refused,
      );
    }
    return {
      checkedOn: asOf,
      rules: findings.map((f) => f.ruleId),
      overridden: violations.filter((v) => v.overridden),
      requestedFromPhysician: referralIssues,
    };
  }

  private auditVersion(
    tx: TenantTx,
    patientId: string,
    planId: string,
    version: number,
    reason: string,
    safety: { overridden: Array<{ ruleId: string; interventionId: string | null }> },
  ) {
    tx.audit({
      action: version === 1 ? 'patient.plan.create' : 'patient.plan.revise',
      patientId,
      resourceType: 'plan',
      resourceId: planId,
      detail: { version, reason },
    });
    for (const o of safety.overridden) {
      tx.audit({
        action: 'patient.plan.override',
        patientId,
        resourceType: 'plan',
        resourceId: planId,
        detail: { version, ruleId: o.ruleId, interventionId: o.interventionId },
      });
    }
  }

  private async load(tx: TenantTx, actor: Actor, planId: string) {
    const row = await repo.getPlan(tx.db, planId);
    if (!row) throw new NotFound('The plan');
    await assertClinicalAccess(tx.db, actor, row.patient_id);
    return row;
  }

  private async view(tx: TenantTx, planId: string) {
    const row = await repo.getPlan(tx.db, planId);
    if (!row) throw new NotFound('The plan');
    const versions = await repo.versionsOf(tx.db, planId);
    const current = versions.find((v) => v.version === row.current_version);
    return {
      id: row.id,
      patientId: row.patient_id,
      referralId: row.referral_id,
      assessmentId: row.assessment_id,
      currentVersion: row.current_version,
      content: current?.content as PlanOfCare,
      versions: versions.map((v) => ({
        version: v.version,
        reason: v.reason,
        changedAt: new Date(v.changed_at).toISOString(),
        changedBy: v.changed_by,
        changedByName: v.changed_by_name,
        safety: v.safety as Record<string, unknown>,
      })),
    };
  }
}

function parsePlan(input: unknown): PlanOfCare {
  const parsed = planOfCareSchema.safeParse(input);
  if (!parsed.success)
    throw new Invalid(
      parsed.error.issues.map((i) => ({ field: `content.${i.path.join('.')}`, message: i.message })),
    );
  return parsed.data;
}
