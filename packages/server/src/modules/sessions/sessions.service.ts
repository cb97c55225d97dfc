import { createHash } from 'node:crypto';
import { canonicalJson } from '@fascia/domain/sessions/canonical';
import { copyForward } from '@fascia/domain/sessions/copy-forward';
import { lateEntry } from '@fascia/domain/sessions/late-entry';
import { noteBilling } from '@fascia/domain/sessions/note-billing';
import { applyTemplate, NOTE_TEMPLATES } from '@fascia/domain/sessions/note-templates';
import { checkNoteAgainstFindings } from '@fascia/domain/sessions/safety-gate';
import {
  checkSignReady,
  type DraftNote,
  draftNoteSchema,
  type SignedNote,
} from '@fascia/domain/sessions/session-note.schema';
import { addendaOf, addendumView, insertAddendum } from '../../platform/addenda.repo.ts';
import { Conflict, Invalid, NotFound, SafetyBlock } from '../../platform/errors.ts';
import { assertClinicalAccess, clinicDay } from '../../platform/patient-access.ts';
import { type Actor, auditActor } from '../../platform/request-auth.ts';
import { signerOf } from '../../platform/signer.ts';
import type { Tenancy, TenantTx } from '../../platform/tenancy.ts';
import { loadNoteContext, type NoteContext } from './note-context.ts';
import * as repo from './sessions.repo.ts';

export interface StartNote {
  screeningId: string;
  planId?: string | undefined;
  referralId?: string | undefined;
  copyForward?: boolean | undefined;
  templateId?: string | undefined;
}

/**
 * Session notes behind the safety gate: a note starts only from today's day-of screening; a stop
 * finding allows only a postponement; documented treatment that a finding rules out blocks signing
 * unless overridden in writing; an expired or used-up referral blocks signing unless overridden.
 * Signing hashes the canonical content and the database locks the row; addenda follow.
 */
export class SessionsService {
  constructor(private readonly tenancy: Tenancy) {}

  start(actor: Actor, patientId: string, input: StartNote) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      await assertClinicalAccess(tx.db, actor, patientId);
      const screening = await tx.db
        .selectFrom('screenings')
        .select(['id', 'as_of', 'decision'])
        .where('id', '=', input.screeningId)
        .where('patient_id', '=', patientId)
        .executeTakeFirst();
      const today = await clinicDay(tx.db, actor);
      if (!screening || screening.as_of !== today) {
        throw new SafetyBlock("Record today's day-of screening for this patient before starting the note.");
      }
      const planId = input.planId ?? null;
      let referralId = input.referralId ?? null;
      if (planId) {
        const plan = await tx.db
          .selectFrom('plans')
          .select(['referral_id'])
          .where('id', '=', planId)
          .where('patient_id', '=', patientId)
          .executeTakeFirst();
        if (!plan) throw new Invalid([{ field: 'planId', message: "Choose one of this patient's plans." }]);
        referralId ??= plan.referral_id;
      }
      if (
        referralId &&
        !(await tx.db
          .selectFrom('referrals')
          .select('id')
          .where('id', '=', referralId)
          .where('patient_id', '=', patientId)
          .executeTakeFirst())
      ) {
        throw new Invalid([{ field: 'referralId', message: "Choose one of this patient's referrals." }]);
      }
      let draft: DraftNote = {
        patientId,
        ...(planId ? { planId } : {}),
        visitDate: today,
        outcome: screening.decision === 'stop' ? 'postponed' : 'treated',
        overrides: [],
        carriedOver: [],
        subjective: { screeningId: screening.id },
        objective: {},
        assessment: {},
        plan: {},
      };
      if (screening.decision !== 'stop' && input.copyForward) {
        const previous = await repo.lastSignedNote(tx.db, patientId);
        if (previous)
          draft = copyForward(previous.content as SignedNote, {
            visitDate: today,
            screeningId: screening.id,
            ...(planId ? { planId } : {}),
          });
      }
      if (screening.decision !== 'stop' && input.templateId) {
        const template = NOTE_TEMPLATES.find((t) => t.id === input.templateId);
        if (!template) throw new Invalid([{ field: 'templateId', message: 'Unknown note template.' }]);
        draft = applyTemplate(draft, template);
      }
      const row = await repo.insertNote(tx.db, {
        organizationId: actor.organizationId,
        patientId,
        screeningId: screening.id,
        planId,
        referralId,
        visitDate: today,
        therapistId: actor.userId,
        outcome: draft.outcome,
        content: draft,
      });
      tx.audit({
        action: 'patient.note.start',
        patientId,
        resourceType: 'session_note',
        resourceId: row.id,
        detail: { screeningId: screening.id, decision: screening.decision },
      });
      return this.view(tx, row.id);
    });
  }

  /** Autosave: any partial draft is kept; what the gate would refuse is reported, not lost. */
  save(actor: Actor, noteId: string, version: number, content: unknown) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      const row = await this.load(tx, actor, noteId);
      if (row.status === 'signed')
        throw new SafetyBlock('This note is signed and locked; add an addendum instead.');
      const draft = parseDraft(content);
      // Who, which visit and which screening come from the record, not from the form.
      const fixed = {
        ...draft,
        patientId: row.patient_id,
        visitDate: row.visit_date,
        subjective: { ...draft.subjective, screeningId: row.screening_id },
        ...(row.plan_id ? { planId: row.plan_id } : {}),
      };
      const saved = await repo.saveDraft(tx.db, noteId, version, fixed.outcome, fixed);
      if (!saved)
        throw new Conflict('This note was saved from another tab or device; reload it to continue.');
      tx.audit({
        action: 'patient.note.save',
        patientId: row.patient_id,
        resourceType: 'session_note',
        resourceId: noteId,
      });
      return this.view(tx, noteId);
    });
  }

  sign(actor: Actor, noteId: string, version: number, referralOverride?: string) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      const row = await this.load(tx, actor, noteId);
      if (row.status === 'signed') throw new SafetyBlock('This note is already signed.');
      await signerOf(tx.db, actor);
      const context = await loadNoteContext(tx.db, row);
      const ready = checkSignReady(row.content, { planGoalIds: context.planGoalIds });
      if (!ready.ok)
        throw new Invalid(ready.issues.map((i) => ({ field: `content.${i.path}`, message: i.message })));
      const note = ready.note;
      const gate = checkNoteAgainstFindings(note, context.screening.findings, note.overrides);
      if (gate.blocked) {
        throw new SafetyBlock(
          gate.violations
            .filter((v) => !v.overridden)
            .map((v) => v.reason)
            .join(' '),
          gate.violations.filter((v) => !v.overridden),
        );
      }
      if (context.referral?.blocksSigning && note.outcome === 'treated' && !referralOverride) {
        throw new SafetyBlock(
          `The referral is ${context.referral.status.replace('_', ' ')}: ${context.referral.explanation.join(' ')} Sign with a written reason to override.`,
        );
      }
      const billing = note.outcome === 'treated' ? noteBilling(note.objective.techniques) : null;
      const signedAt = new Date();
      const late = lateEntry(note.visitEndedAt ?? `${row.visit_date}T23:59:59Z`, signedAt);
      const hash = createHash('sha256').update(canonicalJson(note)).digest('hex');
      const signed = await repo.markSigned(tx.db, noteId, version, {
        content: note,
        outcome: note.outcome,
        hash,
        signedBy: actor.userId,
        billing,
        lateEntry: late.late,
        referralOverride: referralOverride ?? null,
      });
      if (!signed) throw new Conflict('This note changed since you opened it; reload it before signing.');
      tx.audit({
        action: 'patient.note.sign',
        patientId: row.patient_id,
        resourceType: 'session_note',
        resourceId: noteId,
        detail: {
          contentHash: hash,
          outcome: note.outcome,
          units: billing?.totalTimedUnits ?? 0,
          late: late.late,
        },
      });
      for (const o of note.overrides) {
        tx.audit({
          action: 'patient.note.override',
          patientId: row.patient_id,
          resourceType: 'session_note',
          resourceId: noteId,
          detail: { ...o },
        });
      }
      if (referralOverride) {
        tx.audit({
          action: 'patient.note.referral_override',
          patientId: row.patient_id,
          resourceType: 'session_note',
          resourceId: noteId,
          detail: { reason: referralOverride, status: context.referral?.status },
        });
      }
      return this.view(tx, noteId);
    });
  }

  addAddendum(actor: Actor, noteId: string, reason: string, body: string) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      const row = await this.load(tx, actor, noteId);
      if (row.status !== 'signed')
        throw new Invalid([
          { field: 'body', message: 'A draft is edited directly; addenda are for signed notes.' },
        ]);
      const added = await insertAddendum(tx.db, 'session_note', {
        organizationId: actor.organizationId,
        recordId: noteId,
        reason,
        body,
        authorId: actor.userId,
      });
      tx.audit({
        action: 'patient.note.addendum',
        patientId: row.patient_id,
        resourceType: 'session_note',
        resourceId: noteId,
        detail: { addendumId: added.id, reason },
      });
      return this.view(tx, noteId);
    });
  }

  get(actor: Actor, noteId: string) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      const row = await this.load(tx, actor, noteId);
      tx.audit({
        action: 'patient.note.read',
        patientId: row.patient_id,
        resourceType: 'session_note',
        resourceId: noteId,
      });
      return this.view(tx, noteId);
    });
  }

  list(actor: Actor, patientId: string) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      await assertClinicalAccess(tx.db, actor, patientId);
      const rows = await repo.listNotes(tx.db, patientId, 100);
      tx.audit({ action: 'patient.note.list', patientId, resourceType: 'patient', resourceId: patientId });
      return rows.map((r) => ({
        id: r.id,
        visitDate: r.visit_date,
        status: r.status,
        outcome: r.outcome,
        therapistId: r.therapist_id,
        signedAt: r.signed_at ? new Date(r.signed_at).toISOString() : null,
        lateEntry: r.late_entry,
        units: (r.billing as { totalTimedUnits?: number } | null)?.totalTimedUnits ?? null,
        referralId: r.referral_id,
        planId: r.plan_id,
      }));
    });
  }

  private async load(tx: TenantTx, actor: Actor, noteId: string) {
    const row = await repo.getNote(tx.db, noteId);
    if (!row) throw new NotFound('The session note');
    await assertClinicalAccess(tx.db, actor, row.patient_id);
    return row;
  }

  private async view(tx: TenantTx, noteId: string) {
    const row = await repo.getNote(tx.db, noteId);
    if (!row) throw new NotFound('The session note');
    const context: NoteContext = await loadNoteContext(tx.db, row);
    const content = row.content as DraftNote;
    const gate = checkNoteAgainstFindings(content, context.screening.findings, content.overrides ?? []);
    const billing = row.status === 'signed' ? row.billing : noteBilling(content.objective?.techniques ?? []);
    const ready =
      row.status === 'draft'
        ? checkSignReady(content, { planGoalIds: context.planGoalIds })
        : { ok: true as const };
    return {
      id: row.id,
      patientId: row.patient_id,
      screeningId: row.screening_id,
      planId: row.plan_id,
      referralId: row.referral_id,
      visitDate: row.visit_date,
      status: row.status,
      outcome: row.outcome,
      version: row.version,
      content: content as unknown as Record<string, unknown>,
      screening: context.screening,
      gate,
      billing: billing as Record<string, unknown> | null,
      signIssues: ready.ok
        ? []
        : ready.issues.map((i) => ({ field: `content.${i.path}`, message: i.message })),
      referral: context.referral,
      lateEntry: row.late_entry,
      referralOverride: row.referral_override,
      contentHash: row.content_hash,
      signedBy: row.signed_by,
      signedByName: row.signed_by
        ? ((
            await tx.db
              .selectFrom('users')
              .select(['name', 'credentials'])
              .where('id', '=', row.signed_by)
              .executeTakeFirst()
          )?.name ?? null)
        : null,
      signedAt: row.signed_at ? new Date(row.signed_at).toISOString() : null,
      addenda: (await addendaOf(tx.db, 'session_note', noteId)).map(addendumView),
    };
  }
}

function parseDraft(content: unknown): DraftNote {
  const parsed = draftNoteSchema.safeParse(content);
  if (!parsed.success)
    throw new Invalid(
      parsed.error.issues.map((i) => ({ field: `content.${i.path.join('.')}`, message: i.message })),
    );
  return parsed.data;
}
