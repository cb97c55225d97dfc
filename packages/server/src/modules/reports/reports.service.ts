import { createHash } from 'node:crypto';
import type { ScoreResult } from '@fascia/domain/outcomes/score';
import type { PlanOfCare } from '@fascia/domain/plans/plan-of-care.schema';
import { providerDisplayName, type ReferringProvider } from '@fascia/domain/referrals/provider.schema';
import type { Referral } from '@fascia/domain/referrals/referral.schema';
import { progressSummary } from '@fascia/domain/reports/progress-summary';
import type { SignedNote } from '@fascia/domain/sessions/session-note.schema';
import { addendaOf, addendumView } from '../../platform/addenda.repo.ts';
import { Invalid, NotFound } from '../../platform/errors.ts';
import { assertClinicalAccess, clinicToday } from '../../platform/patient-access.ts';
import { type Actor, auditActor } from '../../platform/request-auth.ts';
import type { Tenancy, TenantTx } from '../../platform/tenancy.ts';
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
        tx.db.selectFrom('organizations').select(['name', 'time_zone']).executeTakeFirstOrThrow(),
        tx.db
          .selectFrom('users')
          .select(['name', 'credentials', 'license_number'])
          .where('id', '=', actor.userId)
          .executeTakeFirstOrThrow(),
        repo.signedNotesForReferral(tx.db, actor.organizationId, referralId),
        repo.latestPlanFor(tx.db, referralId),
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
        ...(plan ? { plan: plan.content as PlanOfCare } : {}),
        ...(referral.visitsAuthorized === undefined ? {} : { visitsAuthorized: referral.visitsAuthorized }),
      });
      const record = patient.data as PatientRecordLike;
      const pdf = await renderProgressReport({
        kind: req.kind,
        clinicName: org.name,
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
        therapist: {
          name: therapist.name,
          credentials: therapist.credentials,
          licenseNumber: therapist.license_number,
        },
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
      const row = await tx.db
        .selectFrom('session_notes')
        .selectAll()
        .where('id', '=', noteId)
        .executeTakeFirst();
      if (!row) throw new NotFound('The session note');
      await assertClinicalAccess(tx.db, actor, row.patient_id);
      if (row.status !== 'signed' || !row.content_hash || !row.signed_at)
        throw new Invalid([{ field: 'noteId', message: 'Only a signed note can be printed.' }]);
      const [patient, org, signer, screening, addenda] = await Promise.all([
        tx.db
          .selectFrom('patients')
          .select('data')
          .where('id', '=', row.patient_id)
          .executeTakeFirstOrThrow(),
        tx.db.selectFrom('organizations').select('name').executeTakeFirstOrThrow(),
        tx.db
          .selectFrom('users')
          .select(['name', 'credentials'])
          .where('id', '=', row.signed_by ?? '')
          .executeTakeFirstOrThrow(),
        tx.db
          .selectFrom('screenings')
          .select(['decision', 'findings'])
          .where('id', '=', row.screening_id)
          .executeTakeFirstOrThrow(),
        addendaOf(tx.db, 'session_note', noteId),
      ]);
      const record = patient.data as PatientRecordLike;
      const pdf = await renderVisitNote({
        clinicName: org.name,
        patient: { name: patientName(record), dateOfBirth: record.dateOfBirth },
        note: row.content as SignedNote,
        billing: row.billing as never,
        signedBy: [signer.name, signer.credentials].filter(Boolean).join(', '),
        signedAt: new Date(row.signed_at).toISOString().slice(0, 16).replace('T', ' '),
        contentHash: row.content_hash,
        lateEntry: row.late_entry,
        screening: {
          decision: screening.decision,
          findings: screening.findings as Array<{ severity: string; reason: string }>,
        },
        addenda: addenda.map(addendumView),
      });
      return this.store(tx, actor, {
        patientId: row.patient_id,
        referralId: row.referral_id,
        noteId,
        kind: 'visit_note',
        title: `Visit note ${row.visit_date} - ${patientName(record)}`,
        pdf,
      });
    });
  }

  list(actor: Actor, patientId: string) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      await assertClinicalAccess(tx.db, actor, patientId);
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
      await assertClinicalAccess(tx.db, actor, doc.patient_id);
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
    });
    tx.audit({
      action: 'patient.document.generate',
      patientId: d.patientId,
      resourceType: 'document',
      resourceId: row.id,
      detail: { kind: d.kind, version: row.version, sha256 },
    });
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
}
