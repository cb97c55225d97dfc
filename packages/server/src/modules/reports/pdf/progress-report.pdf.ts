import { findInstrument } from '@fascia/domain/outcomes/instruments.catalogue';
import { lookupIcd10 } from '@fascia/domain/patients/icd10';
import type { ProgressSummary } from '@fascia/domain/reports/progress-summary';
import type { Letterhead } from '../letterhead.ts';
import { drawLetterhead } from './letterhead.pdf.ts';
import { createPdf, finish, heading, labelled, paragraph, table } from './pdf-kit.ts';
import { trendChart } from './trend-chart.ts';

export type ReportKind = 'progress_report' | 'initial_evaluation' | 're_evaluation' | 'discharge_summary';

export const REPORT_TITLES: Record<ReportKind, string> = {
  progress_report: 'Progress report',
  initial_evaluation: 'Initial evaluation summary',
  re_evaluation: 'Re-evaluation summary',
  discharge_summary: 'Discharge summary',
};

export const RECOMMENDATIONS = {
  continue: 'Continue the plan of care as ordered',
  modify: 'Continue with the modifications described',
  discharge: 'Discharge from massage therapy',
  refer_back: 'Refer back to the physician for review',
} as const;
export type Recommendation = keyof typeof RECOMMENDATIONS;

export interface ProgressReportInput {
  kind: ReportKind;
  clinicName: string;
  letterhead: Letterhead;
  patient: { name: string; dateOfBirth: string; sex: string };
  referral: {
    providerName: string;
    npi: string;
    dateWritten: string;
    validFrom: string;
    validUntil: string;
    diagnoses: string[];
    orderedFrequency: string;
    authorizationNumber?: string | undefined;
  };
  summary: ProgressSummary;
  assessment: string;
  recommendation: Recommendation;
  recommendationNote?: string | undefined;
  /** "Name, credentials — licence no. …" */
  therapist: { signature: string };
  generatedAt: Date;
}

/** The report a referring physician reads: who, what was ordered, what was done, what changed, what next. */
export async function renderProgressReport(r: ProgressReportInput): Promise<Buffer> {
  const title = REPORT_TITLES[r.kind];
  const { doc, done } = await createPdf({
    title: `${title} - ${r.patient.name}`,
    author: r.clinicName,
    subject: 'Medical massage therapy',
  });
  drawLetterhead(doc, r.letterhead);
  doc.font('Helvetica').fontSize(12).fillColor('#000000').text(title);
  doc
    .fontSize(9)
    .fillColor('#555555')
    .text(`Generated ${r.generatedAt.toISOString().slice(0, 10)}`)
    .fillColor('#000000');

  heading(doc, 'Patient');
  labelled(doc, [
    ['Name', r.patient.name],
    ['Date of birth', r.patient.dateOfBirth],
    ['Sex', r.patient.sex],
  ]);

  heading(doc, 'Referral');
  labelled(doc, [
    ['Referring provider', `${r.referral.providerName} (NPI ${r.referral.npi})`],
    ['Written', r.referral.dateWritten],
    ['Valid', `${r.referral.validFrom} to ${r.referral.validUntil}`],
    ['Ordered', r.referral.orderedFrequency],
    ['Authorization', r.referral.authorizationNumber],
  ]);
  table(
    doc,
    [
      { title: 'ICD-10-CM', width: 0.2 },
      { title: 'Diagnosis', width: 0.8 },
    ],
    r.referral.diagnoses.map((code, i) => [
      code,
      `${lookupIcd10(code)?.description ?? ''}${i === 0 ? ' (principal)' : ''}`,
    ]),
  );

  const s = r.summary;
  heading(doc, 'Visits and attendance');
  labelled(doc, [
    ['Visits done', `${s.visitsTreated}${s.visitsAuthorized ? ` of ${s.visitsAuthorized} authorized` : ''}`],
    ['Visits postponed', String(s.visitsPostponed)],
    ['Period', s.firstVisit ? `${s.firstVisit} to ${s.lastVisit}` : 'No visits yet'],
  ]);

  if (s.regions.length) {
    heading(doc, 'Treatment by region');
    table(
      doc,
      [
        { title: 'Region', width: 0.3 },
        { title: 'Techniques', width: 0.44 },
        { title: 'Visits', width: 0.1 },
        { title: 'Minutes', width: 0.16 },
      ],
      s.regions.map((g) => [g.region, g.techniques.join(', '), String(g.visits), String(g.minutes)]),
    );
  }

  if (s.outcomes.length) {
    heading(doc, 'Outcome measures');
    for (const o of s.outcomes) {
      doc.font('Helvetica-Bold').fontSize(10).text(o.name);
      doc.font('Helvetica');
      table(
        doc,
        [
          { title: 'Date', width: 0.25 },
          { title: `Score (${o.unit})`, width: 0.25 },
          { title: 'Interpretation', width: 0.5 },
        ],
        o.points.map((p) => [
          p.administeredOn,
          p.score === null ? 'not scorable' : String(p.score),
          p.band ?? '',
        ]),
      );
      const instrument = findInstrument(o.instrumentId);
      const primary =
        instrument?.scoring.scales.find((sc) => sc.id === instrument.scoring.primaryScale) ??
        instrument?.scoring.scales[0];
      if (primary) trendChart(doc, o, primary.range);
      if (o.mcid) paragraph(doc, o.mcid.text);
      paragraph(doc, o.summary);
      doc.moveDown(0.5);
    }
  }

  if (s.goals.length) {
    heading(doc, 'Goals');
    table(
      doc,
      [
        { title: 'Goal', width: 0.4 },
        { title: 'Term', width: 0.1 },
        { title: 'Target date', width: 0.15 },
        { title: 'Status', width: 0.35 },
      ],
      s.goals.map((g) => [
        g.description,
        g.term,
        g.targetDate,
        `${g.status.replace(/_/g, ' ')} (${g.basis})`,
      ]),
    );
  }

  heading(doc, "Therapist's assessment");
  paragraph(doc, r.assessment || 'No assessment written.');
  heading(doc, 'Recommendation');
  paragraph(
    doc,
    RECOMMENDATIONS[r.recommendation] + (r.recommendationNote ? `. ${r.recommendationNote}` : '.'),
  );

  heading(doc, 'Signature');
  paragraph(
    doc,
    `Electronically signed by ${r.therapist.signature} on ${r.generatedAt.toISOString().slice(0, 10)}.`,
  );
  finish(doc, `${r.clinicName} - ${title} - ${r.patient.name}`);
  return done;
}
