import { findBillingCode } from '@fascia/domain/billing/billing-codes';
import type { HomeCareItem } from '@fascia/domain/plans/home-care';
import type { Goal } from '@fascia/domain/plans/plan-of-care.schema';
import {
  findingSeverityWords,
  goalProgressLines,
  homeCareLabels,
  positionWords,
  regionWords,
  screeningDecisionWords,
  techniqueWords,
  vitalsLines,
} from '@fascia/domain/reports/visit-note-labels';
import type { SignedNote } from '@fascia/domain/sessions/session-note.schema';
import type { Letterhead } from '../letterhead.ts';
import { drawLetterhead } from './letterhead.pdf.ts';
import { createPdf, finish, heading, labelled, paragraph, table } from './pdf-kit.ts';

export interface VisitNoteInput {
  clinicName: string;
  letterhead: Letterhead;
  patient: { name: string; dateOfBirth: string };
  note: SignedNote;
  billing: { lines: Array<{ code: string; minutes: number; units: number }>; totalTimedUnits: number } | null;
  signedBy: string;
  signedAt: string;
  contentHash: string;
  lateEntry: boolean;
  screening: { decision: string; findings: Array<{ severity: string; reason: string }> };
  addenda: Array<{ reason: string; body: string; author: string; createdAt: string }>;
  /** The plan's goals, to print goal progress by the goal's words. */
  goals: ReadonlyArray<Pick<Goal, 'id' | 'measure' | 'term'>>;
  /** The clinic's home-care library (built-in and its own items), for the items' titles. */
  homeCareLibrary: readonly HomeCareItem[];
  /** Titles of the screening rules, for overrides. */
  ruleTitles: ReadonlyMap<string, string>;
  units: 'metric' | 'us';
}

/** One signed visit note with its addenda, as the legal record prints it. */
export async function renderVisitNote(v: VisitNoteInput): Promise<Buffer> {
  const n = v.note;
  const { doc, done } = await createPdf({
    title: `Visit note ${n.visitDate} - ${v.patient.name}`,
    author: v.clinicName,
    subject: 'Session note',
  });
  drawLetterhead(doc, v.letterhead);
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
  paragraph(doc, `Decision: ${screeningDecisionWords(v.screening.decision)}`);
  for (const f of v.screening.findings) paragraph(doc, `- ${findingSeverityWords(f.severity)}: ${f.reason}`);

  heading(doc, 'S - Subjective');
  labelled(doc, [
    ['Report', n.subjective.report],
    [
      'Pain before (0-10)',
      n.subjective.painBefore === undefined ? undefined : String(n.subjective.painBefore),
    ],
  ]);
  // A postponed visit keeps its vitals too: a temperature is often why it was postponed.
  const vitals = vitalsLines(n.objective?.vitals, v.units);
  if (vitals.length) {
    heading(doc, 'Vitals', 11);
    labelled(doc, vitals);
  }
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
        techniqueWords(t.techniqueId),
        regionWords(t.regionId, t.side),
        String(t.minutes),
        `${t.pressure} of 5`,
        positionWords(t.position),
      ]),
    );
    labelled(doc, [
      ['Positions used', n.objective.positions.map(positionWords).join(', ')],
      ['Findings', n.objective.findings],
    ]);

    heading(doc, 'A - Assessment');
    labelled(doc, [
      ['Response', n.assessment.response],
      ['Pain after (0-10)', String(n.assessment.painAfter)],
      [
        'Goal progress',
        goalProgressLines(n.assessment.goalProgress, v.goals)
          .map((g) => `${g.goal}: ${g.status}${g.comment ? ` - ${g.comment}` : ''}`)
          .join('; '),
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
      ['Home care given', homeCareLabels(n.plan.homeCareGiven, v.homeCareLibrary).join(', ')],
    ]);
    if (v.billing) {
      heading(doc, 'Timed units (CMS 8-minute rule)');
      table(
        doc,
        [
          { title: 'CPT', width: 0.6 },
          { title: 'Minutes', width: 0.2 },
          { title: 'Units', width: 0.2 },
        ],
        v.billing.lines.map((l) => [
          `${l.code} ${findBillingCode(l.code)?.label ?? ''}`.trim(),
          String(l.minutes),
          String(l.units),
        ]),
      );
      paragraph(doc, `Total timed units: ${v.billing.totalTimedUnits}`);
    }
  }
  if (n.overrides.length) {
    heading(doc, 'Safety overrides');
    for (const o of n.overrides)
      paragraph(
        doc,
        `${v.ruleTitles.get(o.ruleId) ?? 'Screening finding'}${o.techniqueLine === null ? '' : ` (technique line ${o.techniqueLine + 1})`}: ${o.reason}`,
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
