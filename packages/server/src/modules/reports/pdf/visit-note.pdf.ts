import { findRegion } from '@fascia/domain/body/regions';
import { techniqueLabel } from '@fascia/domain/plans/techniques';
import type { SignedNote } from '@fascia/domain/sessions/session-note.schema';
import { createPdf, finish, heading, labelled, paragraph, table } from './pdf-kit.ts';

export interface VisitNoteInput {
  clinicName: string;
  patient: { name: string; dateOfBirth: string };
  note: SignedNote;
  billing: { lines: Array<{ code: string; minutes: number; units: number }>; totalTimedUnits: number } | null;
  signedBy: string;
  signedAt: string;
  contentHash: string;
  lateEntry: boolean;
  screening: { decision: string; findings: Array<{ severity: string; reason: string }> };
  addenda: Array<{ reason: string; body: string; author: string; createdAt: string }>;
}

/** One signed visit note with its addenda, as the legal record prints it. */
export async function renderVisitNote(v: VisitNoteInput): Promise<Buffer> {
  const n = v.note;
  const { doc, done } = await createPdf({
    title: `Visit note ${n.visitDate} - ${v.patient.name}`,
    author: v.clinicName,
    subject: 'Session note',
  });
  doc.font('Helvetica-Bold').fontSize(16).fillColor('#0b5d4b').text(v.clinicName);
  doc
    .font('Helvetica')
    .fontSize(12)
    .fillColor('#000000')
    .text(`Visit note - ${n.visitDate}${v.lateEntry ? ' (late entry)' : ''}`);
  labelled(doc, [
    ['Patient', `${v.patient.name} (born ${v.patient.dateOfBirth})`],
    ['Outcome', n.outcome === 'treated' ? 'Treated' : `Postponed: ${n.postponedReason}`],
  ]);

  heading(doc, 'Day-of screening');
  paragraph(doc, `Decision: ${v.screening.decision.replace(/_/g, ' ')}`);
  for (const f of v.screening.findings) paragraph(doc, `- ${f.severity}: ${f.reason}`);

  heading(doc, 'S - Subjective');
  labelled(doc, [
    ['Report', n.subjective.report],
    [
      'Pain before (0-10)',
      n.subjective.painBefore === undefined ? undefined : String(n.subjective.painBefore),
    ],
  ]);
  if (n.outcome === 'treated') {
    heading(doc, 'O - Objective');
    table(
      doc,
      [
        { title: 'Technique', width: 0.3 },
        { title: 'Region', width: 0.28 },
        { title: 'Minutes', width: 0.12 },
        { title: 'Pressure', width: 0.12 },
        { title: 'Position', width: 0.18 },
      ],
      n.objective.techniques.map((t) => [
        techniqueLabel(t.techniqueId),
        `${findRegion(t.regionId)?.label ?? t.regionId}${t.side ? ` (${t.side})` : ''}`,
        String(t.minutes),
        `${t.pressure} of 5`,
        t.position.replace('_', '-'),
      ]),
    );
    labelled(doc, [['Findings', n.objective.findings]]);
    heading(doc, 'A - Assessment');
    labelled(doc, [
      ['Response', n.assessment.response],
      ['Pain after (0-10)', String(n.assessment.painAfter)],
      [
        'Goal progress',
        n.assessment.goalProgress.map((g) => `${g.goalId}: ${g.status.replace(/_/g, ' ')}`).join('; '),
      ],
      [
        'Adverse reactions',
        n.assessment.adverseReactions.occurred ? n.assessment.adverseReactions.description : 'None',
      ],
    ]);
    heading(doc, 'P - Plan');
    labelled(doc, [
      ['Next visit', n.plan.nextVisit.date ?? n.plan.nextVisit.note],
      ['Plan changes proposed', n.plan.planChangesProposed],
      ['Home care given', n.plan.homeCareGiven.join(', ')],
    ]);
    if (v.billing) {
      heading(doc, 'Timed units (CMS 8-minute rule)');
      table(
        doc,
        [
          { title: 'CPT', width: 0.3 },
          { title: 'Minutes', width: 0.35 },
          { title: 'Units', width: 0.35 },
        ],
        v.billing.lines.map((l) => [l.code, String(l.minutes), String(l.units)]),
      );
      paragraph(doc, `Total timed units: ${v.billing.totalTimedUnits}`);
    }
  }
  if (n.overrides.length) {
    heading(doc, 'Safety overrides');
    for (const o of n.overrides)
      paragraph(
        doc,
        `${o.ruleId}${o.techniqueLine === null ? '' : ` (line ${o.techniqueLine + 1})`}: ${o.reason}`,
      );
  }
  heading(doc, 'Signature');
  paragraph(doc, `Signed by ${v.signedBy} on ${v.signedAt}. Content SHA-256 ${v.contentHash}.`);
  if (v.addenda.length) {
    heading(doc, 'Addenda');
    for (const a of v.addenda)
      paragraph(doc, `${a.createdAt.slice(0, 16).replace('T', ' ')} - ${a.author} - ${a.reason}: ${a.body}`);
  }
  finish(doc, `${v.clinicName} - visit note ${n.visitDate} - ${v.patient.name}`);
  return done;
}
