import { createHash } from 'node:crypto';
import type { ScoreResult } from '@fascia/domain/outcomes/score';
import { type CustomHomeCareItem, clinicHomeCareLibrary } from '@fascia/domain/plans/home-care';
import type { PlanOfCare } from '@fascia/domain/plans/plan-of-care.schema';
import { providerDisplayName, type ReferringProvider } from '@fascia/domain/referrals/provider.schema';
import type { Referral } from '@fascia/domain/referrals/referral.schema';
import type { GoalStatusRecord } from '@fascia/domain/reports/goal-status';
import { progressSummary } from '@fascia/domain/reports/progress-summary';
import { SCREENING_RULES } from '@fascia/domain/screening/rules/screening-rules';
import { canonicalJson } from '@fascia/domain/sessions/canonical';
import type { SignedNote } from '@fascia/domain/sessions/session-note.schema';
import { addendaOf, addendumView } from '../../platform/addenda.repo.ts';
import { Invalid, NotFound } from '../../platform/errors.ts';
import { assertClinicalAccess, assertDocumentAccess, clinicToday } from '../../platform/patient-access.ts';
import { type Actor, auditActor } from '../../platform/request-auth.ts';
import { signerOf } from '../../platform/signer.ts';
import type { Tenancy, TenantTx } from '../../platform/tenancy.ts';
import { loadLetterhead, signatureLine } from './letterhead.ts';
import {
  REPORT_TITLES,
  type Recommendation,
  type ReportKind,
  renderProgressReport,
} from './pdf/progress-report.pdf.ts';
import { renderVisitNote } from './pdf/visit-note.pdf.ts';
import type { PatientRecordLike } from './report-names.ts';
import { patientName } from './report-names.ts';
import * as repo from './reports.repo.ts';

export interface ProgressReportRequest {
  kind: ReportKind;
  assessment: string;
  recommendation: Recommendation;
  recommendationNote?: string | undefined;
}

/**
 * Reports generated on the server from the signed record, stored as documents (exact bytes, hash,
 * version, who generated them), listed on the chart and shareable with the referring physician.
 */
export class ReportsService {
  constructor(private readonly tenancy: Tenancy) {}

  progressReport(actor: Actor, referralId: string, req: ProgressReportRequest) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      const referralRow = await tx.db
        .selectFrom('referrals as r')
        .innerJoin('referring_providers as p', 'p.id', 'r.provider_id')
        .select(['r.id', 'r.patient_id', 'r.data', 'p.data as provider'])
        .where('r.id', '=', referralId)
        .executeTakeFirst();
      if (!referralRow) throw new NotFound('The referral');
      await assertClinicalAccess(tx.db, actor, referralRow.patient_id);
      const referral = referralRow.data as Omit<Referral, 'patientId'>;
      const provider = referralRow.provider as ReferringProvider;
      const [patient, org, therapist, notes, plan] = await Promise.all([
        tx.db
          .selectFrom('patients')
          .select('data')
          .where('id', '=', referralRow.patient_id)
          .executeTakeFirstOrThrow(),
        tx.db
          .selectFrom('organizations')
          .select(['name', 'time_zone'])
          .where('id', '=', actor.organizationId)
          .executeTakeFirstOrThrow(),
        signerOf(tx.db, actor),
        repo.signedNotesForReferral(tx.db, actor.organizationId, referralId),
        repo.latestPlanFor(tx.db, actor.organizationId, referralId),
      ]);
      const today = clinicToday(org.time_zone);
      const outcomes = await repo.outcomeResponses(
        tx.db,
        referralRow.patient_id,
        referral.dateWritten,
        today,
      );
      const summary = progressSummary({
        visits: notes.map((n) => ({
          visitDate: n.visit_date,
          note: n.content as SignedNote,
          sequence: n.signed_at ? new Date(n.signed_at).getTime() : 0,
        })),
        outcomes: outcomes.map((o) => ({
          instrumentId: o.instrument_id,
          administeredOn: o.administered_on,
          result: o.result as ScoreResult,
        })),
        ...(plan
          ? { plan: plan.content as PlanOfCare, goalRecords: planGoalRecords(plan, org.time_zone) }
          : {}),
        ...(referral.visitsAuthorized === undefined ? {} : { visitsAuthorized: referral.visitsAuthorized }),
      });
      const record = patient.data as PatientRecordLike;
      const letterhead = await loadLetterhead(tx.db, actor.organizationId);
      const pdf = await renderProgressReport({
        kind: req.kind,
        clinicName: letterhead.name,
        letterhead,
        patient: { name: patientName(record), dateOfBirth: record.dateOfBirth, sex: record.sex },
        referral: {
          providerName: providerDisplayName(provider),
          npi: provider.npi,
          dateWritten: referral.dateWritten,
          validFrom: referral.validFrom,
          validUntil: referral.validUntil,
          diagnoses: referral.diagnoses,
          orderedFrequency: `${referral.frequency.timesPerWeek}x per week for ${referral.durationWeeks} weeks`,
          authorizationNumber: referral.authorizationNumber,
        },
        summary,
        assessment: req.assessment,
        recommendation: req.recommendation,
        recommendationNote: req.recommendationNote,
        therapist: { signature: signatureLine(therapist) },
        generatedAt: new Date(),
      });
      return this.store(tx, actor, {
        patientId: referralRow.patient_id,
        referralId,
        noteId: null,
        kind: req.kind,
        title: `${REPORT_TITLES[req.kind]} - ${patientName(record)}`,
        pdf,
      });
    });
  }

  visitNote(actor: Actor, noteId: string) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      const org = actor.organizationId;
      const row = await tx.db
        .selectFrom('session_notes')
        .selectAll()
        .where('organization_id', '=', org)
        .where('id', '=', noteId)
        .executeTakeFirst();
      if (!row) throw new NotFound('The session note');
      await assertClinicalAccess(tx.db, actor, row.patient_id);
      if (row.status !== 'signed' || !row.content_hash || !row.signed_at)
        throw new Invalid([{ field: 'noteId', message: 'Only a signed note can be printed.' }]);
      const [patient, letterhead, signer, screening, addenda, goals, homeCare] = await Promise.all([
        tx.db
          .selectFrom('patients')
          .select('data')
          .where('organization_id', '=', org)
          .where('id', '=', row.patient_id)
          .executeTakeFirstOrThrow(),
        loadLetterhead(tx.db, org),
        tx.db
          .selectFrom('users')
          .select(['name', 'credentials', 'license_number'])
          .where('organization_id', '=', org)
          .where('id', '=', row.signed_by ?? '')
          .executeTakeFirstOrThrow(),
        tx.db
          .selectFrom('screenings')
          .select(['decision', 'findings'])
          .where('organization_id', '=', org)
          .where('id', '=', row.screening_id)
          .executeTakeFirstOrThrow(),
        addendaOf(tx.db, 'session_note', noteId),
        repo.planGoals(tx.db, org, row.plan_id),
        repo.clinicHomeCareItems(tx.db, org),
      ]);
      const record = patient.data as PatientRecordLike;
      const addendaViews = addenda.map(addendumView);
      const signedBy = signatureLine(signer);
      // Same signed content, addenda, letterhead and signature: the PDF already made is the record.
      const sourceHash = createHash('sha256')
        .update(
          canonicalJson({
            content: row.content_hash,
            addenda: addendaViews,
            letterhead: letterhead.fingerprint,
            signedBy,
          }),
        )
        .digest('hex');
      const existing = await repo.documentFromSource(tx.db, org, noteId, sourceHash);
      if (existing) {
        tx.audit({
          action: 'patient.document.read',
          patientId: row.patient_id,
          resourceType: 'document',
          resourceId: existing.id,
          detail: { reprinted: true },
        });
        return { ...documentSummary(existing), reused: true };
      }
      const pdf = await renderVisitNote({
        clinicName: letterhead.name,
        letterhead,
        patient: { name: patientName(record), dateOfBirth: record.dateOfBirth },
        note: row.content as SignedNote,
        billing: row.billing as never,
        signedBy,
        signedAt: new Date(row.signed_at).toISOString().slice(0, 16).replace('T', ' '),
        contentHash: row.content_hash,
        lateEntry: row.late_entry,
        screening: {
          decision: screening.decision,
          findings: screening.findings as Array<{ severity: string; reason: string }>,
        },
        addenda: addendaViews,
        goals,
        homeCareLibrary: clinicHomeCareLibrary(homeCare.map((h) => h.data as CustomHomeCareItem)),
        ruleTitles: RULE_TITLES,
        units: letterhead.units,
      });
      const stored = await this.store(tx, actor, {
        patientId: row.patient_id,
        referralId: row.referral_id,
        noteId,
        kind: 'visit_note',
        title: `Visit note ${row.visit_date} - ${patientName(record)}`,
        pdf,
        sourceHash,
      });
      return { ...stored, reused: false };
    });
  }

  list(actor: Actor, patientId: string) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      await assertDocumentAccess(tx.db, actor, patientId);
      const rows = await repo.listDocuments(tx.db, patientId);
      tx.audit({
        action: 'patient.document.list',
        patientId,
        resourceType: 'patient',
        resourceId: patientId,
      });
      return rows.map((d) => ({
        id: d.id,
        kind: d.kind,
        version: d.version,
        title: d.title,
        sha256: d.sha256,
        sizeBytes: d.size_bytes,
        referralId: d.referral_id,
        noteId: d.note_id,
        generatedBy: d.generated_by,
        createdAt: new Date(d.created_at).toISOString(),
      }));
    });
  }

  download(actor: Actor, documentId: string) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      const doc = await repo.getDocument(tx.db, documentId);
      if (!doc) throw new NotFound('The document');
      await assertDocumentAccess(tx.db, actor, doc.patient_id);
      tx.audit({
        action: 'patient.document.read',
        patientId: doc.patient_id,
        resourceType: 'document',
        resourceId: documentId,
      });
      return doc;
    });
  }

  private async store(
    tx: TenantTx,
    actor: Actor,
    d: {
      patientId: string;
      referralId: string | null;
      noteId: string | null;
      kind: ReportKind | 'visit_note';
      title: string;
      pdf: Buffer;
      sourceHash?: string;
    },
  ) {
    const sha256 = createHash('sha256').update(d.pdf).digest('hex');
    const row = await repo.insertDocument(tx.db, {
      organization_id: actor.organizationId,
      patient_id: d.patientId,
      referral_id: d.referralId,
      note_id: d.noteId,
      kind: d.kind,
      title: d.title,
      sha256,
      size_bytes: d.pdf.length,
      content: d.pdf,
      generated_by: actor.userId,
      source_hash: d.sourceHash ?? null,
    });
    tx.audit({
      action: 'patient.document.generate',
      patientId: d.patientId,
      resourceType: 'document',
      resourceId: row.id,
      detail: { kind: d.kind, version: row.version, sha256 },
    });
    return documentSummary(row);
  }
}

/**
 * A goal status set in the plan itself (as at a re-assessment) counts as a record of its day; the
 * untouched "not started" of a new plan says nothing, so it does not outrank a note.
 */
function planGoalRecords(
  plan: { content: unknown; changed_at: Date | string },
  timeZone: string,
): GoalStatusRecord[] {
  const changed = new Date(plan.changed_at);
  // en-CA formats a date as YYYY-MM-DD, the form visit dates take, in the clinic's own day.
  const on = changed.toLocaleDateString('en-CA', { timeZone });
  return ((plan.content as PlanOfCare).goals ?? [])
    .filter((g) => g.status !== 'not_started')
    .map((g) => ({
      goalId: g.id,
      status: g.status,
      on,
      sequence: changed.getTime(),
    }));
}

const RULE_TITLES: ReadonlyMap<string, string> = new Map(SCREENING_RULES.map((r) => [r.id, r.title]));

function documentSummary(row: {
  id: string;
  kind: string;
  version: number;
  title: string;
  sha256: string;
  size_bytes: number;
  created_at: Date | string;
}) {
  return {
    id: row.id,
    kind: row.kind,
    version: row.version,
    title: row.title,
    sha256: row.sha256,
    sizeBytes: row.size_bytes,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
