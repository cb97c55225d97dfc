import { createHash } from 'node:crypto';
import { type Assessment, assessmentSchema } from '@fascia/domain/assessment/assessment.schema';
import { compareAssessments } from '@fascia/domain/assessment/assessment-compare';
import { draftAssessmentContent } from '@fascia/domain/assessment/draft-content';
import { scoreOutcomeResponse } from '@fascia/domain/outcomes/response.schema';
import { canonicalJson } from '@fascia/domain/sessions/canonical';
import { addendaOf, addendumView, insertAddendum } from '../../platform/addenda.repo.ts';
import { Conflict, Invalid, NotFound, SafetyBlock } from '../../platform/errors.ts';
import { assertClinicalAccess } from '../../platform/patient-access.ts';
import { type Actor, auditActor } from '../../platform/request-auth.ts';
import { signerOf } from '../../platform/signer.ts';
import type { Tenancy, TenantTx } from '../../platform/tenancy.ts';
import { insertOutcomeResponse } from '../outcomes/outcomes.repo.ts';
import * as repo from './assessments.repo.ts';

type Kind = 'initial' | 're_evaluation' | 'discharge';
export interface DraftInput {
  kind: Kind;
  performedOn: string;
  referralId?: string | undefined;
  content: Record<string, unknown>;
}

/**
 * Assessment visits: drafts saved as the therapist works (any partial content, with the problems
 * still to fix reported back), then signed — validated in full, hashed over its canonical JSON,
 * locked by the database — and after that corrected only by addenda.
 */
export class AssessmentsService {
  constructor(private readonly tenancy: Tenancy) {}

  create(actor: Actor, patientId: string, input: DraftInput) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      await assertClinicalAccess(tx.db, actor, patientId);
      await this.assertOwnReferral(tx, actor, patientId, input.referralId);
      const content = this.normalise(actor, patientId, input);
      const row = await repo.insertAssessment(tx.db, {
        organizationId: actor.organizationId,
        patientId,
        referralId: input.referralId ?? null,
        kind: input.kind,
        performedOn: input.performedOn,
        therapistId: actor.userId,
        content,
      });
      tx.audit({
        action: 'patient.assessment.create',
        patientId,
        resourceType: 'assessment',
        resourceId: row.id,
        detail: { kind: input.kind },
      });
      return this.view(tx, row.id);
    });
  }

  saveDraft(actor: Actor, id: string, version: number, input: DraftInput) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      const row = await this.load(tx, actor, id);
      if (row.status === 'signed')
        throw new SafetyBlock('This assessment is signed and locked; add an addendum instead.');
      await this.assertOwnReferral(tx, actor, row.patient_id, input.referralId);
      const content = this.normalise(actor, row.patient_id, input);
      const saved = await repo.updateDraft(tx.db, id, version, {
        referralId: input.referralId ?? null,
        kind: input.kind,
        performedOn: input.performedOn,
        content,
      });
      if (!saved)
        throw new Conflict('This assessment changed since you opened it (another tab or device); reload it.');
      tx.audit({
        action: 'patient.assessment.save',
        patientId: row.patient_id,
        resourceType: 'assessment',
        resourceId: id,
      });
      return this.view(tx, id);
    });
  }

  get(actor: Actor, id: string) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      const row = await this.load(tx, actor, id);
      tx.audit({
        action: 'patient.assessment.read',
        patientId: row.patient_id,
        resourceType: 'assessment',
        resourceId: id,
      });
      return this.view(tx, id);
    });
  }

  list(actor: Actor, patientId: string) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      await assertClinicalAccess(tx.db, actor, patientId);
      const rows = await repo.listAssessments(tx.db, patientId);
      tx.audit({
        action: 'patient.assessment.list',
        patientId,
        resourceType: 'patient',
        resourceId: patientId,
      });
      return rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        performedOn: r.performed_on,
        status: r.status,
        therapistId: r.therapist_id,
        referralId: r.referral_id,
        signedAt: r.signed_at ? new Date(r.signed_at).toISOString() : null,
      }));
    });
  }

  sign(actor: Actor, id: string, version: number) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      const row = await this.load(tx, actor, id);
      if (row.status === 'signed') throw new SafetyBlock('This assessment is already signed.');
      await signerOf(tx.db, actor);
      const parsed = assessmentSchema.safeParse(row.content);
      if (!parsed.success)
        throw new Invalid(
          parsed.error.issues.map((i) => ({ field: `content.${i.path.join('.')}`, message: i.message })),
        );
      const assessment = parsed.data;
      if (assessment.baselineAssessmentId)
        await this.signedContent(tx, actor, assessment.baselineAssessmentId, row.patient_id);
      const hash = createHash('sha256').update(canonicalJson(assessment)).digest('hex');
      const signed = await repo.markSigned(tx.db, id, version, hash, actor.userId);
      if (!signed)
        throw new Conflict('This assessment changed since you opened it; reload it before signing.');
      for (const outcome of assessment.outcomes) {
        await insertOutcomeResponse(tx.db, {
          organizationId: actor.organizationId,
          patientId: row.patient_id,
          response: outcome,
          result: scoreOutcomeResponse(outcome),
          assessmentId: id,
          source: 'assessment',
          createdBy: actor.userId,
        });
      }
      tx.audit({
        action: 'patient.assessment.sign',
        patientId: row.patient_id,
        resourceType: 'assessment',
        resourceId: id,
        detail: { contentHash: hash },
      });
      return this.view(tx, id);
    });
  }

  addAddendum(actor: Actor, id: string, reason: string, body: string) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      const row = await this.load(tx, actor, id);
      if (row.status !== 'signed')
        throw new Invalid([
          { field: 'body', message: 'A draft is edited directly; addenda are for signed assessments.' },
        ]);
      const added = await insertAddendum(tx.db, 'assessment', {
        organizationId: actor.organizationId,
        recordId: id,
        reason,
        body,
        authorId: actor.userId,
      });
      tx.audit({
        action: 'patient.assessment.addendum',
        patientId: row.patient_id,
        resourceType: 'assessment',
        resourceId: id,
        detail: { addendumId: added.id, reason },
      });
      return this.view(tx, id);
    });
  }

  /** This signed assessment against its baseline: pain, outcomes against their MCIDs, ROM. */
  compare(actor: Actor, id: string) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      const row = await this.load(tx, actor, id);
      const followUp = assessmentSchema.parse(row.content);
      if (!followUp.baselineAssessmentId) throw new NotFound('A baseline for this assessment');
      const baseline = await this.signedContent(tx, actor, followUp.baselineAssessmentId, row.patient_id);
      tx.audit({
        action: 'patient.assessment.compare',
        patientId: row.patient_id,
        resourceType: 'assessment',
        resourceId: id,
      });
      return {
        baselineId: followUp.baselineAssessmentId,
        comparison: compareAssessments(baseline, followUp),
      };
    });
  }

  private async signedContent(
    tx: TenantTx,
    actor: Actor,
    id: string,
    patientId: string,
  ): Promise<Assessment> {
    const base = await this.load(tx, actor, id);
    if (base.patient_id !== patientId || base.status !== 'signed') {
      throw new Invalid([
        {
          field: 'content.baselineAssessmentId',
          message: 'The baseline must be a signed assessment of the same patient.',
        },
      ]);
    }
    return assessmentSchema.parse(base.content);
  }

  private normalise(actor: Actor, patientId: string, input: DraftInput) {
    // The record says who assessed whom: these come from the session and the path, never the form.
    return {
      ...draftAssessmentContent(input.content),
      kind: input.kind,
      performedOn: input.performedOn,
      patientId,
      therapistId: actor.userId,
      ...(input.referralId ? { referralId: input.referralId } : {}),
    };
  }

  /** Another patient's referral (or another clinic's) is a wrong choice in the form, not a server fault. */
  private async assertOwnReferral(tx: TenantTx, actor: Actor, patientId: string, referralId?: string) {
    if (referralId && !(await repo.isPatientReferral(tx.db, actor.organizationId, patientId, referralId))) {
      throw new Invalid([{ field: 'referralId', message: "Choose one of this patient's referrals." }]);
    }
  }

  private async load(tx: TenantTx, actor: Actor, id: string) {
    const row = await repo.getAssessment(tx.db, id);
    if (!row) throw new NotFound('The assessment');
    await assertClinicalAccess(tx.db, actor, row.patient_id);
    return row;
  }

  private async view(tx: TenantTx, id: string) {
    const row = await repo.getAssessment(tx.db, id);
    if (!row) throw new NotFound('The assessment');
    const check = assessmentSchema.safeParse(row.content);
    const addenda = await addendaOf(tx.db, 'assessment', id);
    return {
      id: row.id,
      patientId: row.patient_id,
      referralId: row.referral_id,
      kind: row.kind,
      performedOn: row.performed_on,
      status: row.status,
      version: row.version,
      content: row.content as Record<string, unknown>,
      /** What still stands between this draft and signing; empty when it can be signed. */
      problems: check.success
        ? []
        : check.error.issues.map((i) => ({ field: `content.${i.path.join('.')}`, message: i.message })),
      contentHash: row.content_hash,
      signedBy: row.signed_by,
      signedAt: row.signed_at ? new Date(row.signed_at).toISOString() : null,
      addenda: addenda.map(addendumView),
    };
  }
}
