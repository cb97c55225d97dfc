import { createHash } from 'node:crypto';
import { normalizeForSearch } from '@fascia/domain/patients/name-search';
import { canonicalJson } from '@fascia/domain/sessions/canonical';
import type { SignedNote } from '@fascia/domain/sessions/session-note.schema';
import {
  assessmentContent,
  billingFor,
  diagnosisCodes,
  historyItems,
  NDI,
  NPRS,
  noteContent,
  ODI,
  outcomeRow,
  patientRecord,
  planContent,
  referralData,
  screeningFor,
} from './content.ts';
import { addDays, at, type Rng } from './prng.ts';

/** Rows for one chunk of patients, per table in column order (see loader.ts), plus audit facts. */
export interface Chunk {
  patients: unknown[][];
  patient_care_team: unknown[][];
  health_history_items: unknown[][];
  referrals: unknown[][];
  assessments: unknown[][];
  plans: unknown[][];
  plan_versions: unknown[][];
  screenings: unknown[][];
  session_notes: unknown[][];
  outcome_responses: unknown[][];
}

export const emptyChunk = (): Chunk => ({
  patients: [],
  patient_care_team: [],
  health_history_items: [],
  referrals: [],
  assessments: [],
  plans: [],
  plan_versions: [],
  screenings: [],
  session_notes: [],
  outcome_responses: [],
});

/** What the audit trail records for generated history; chained and hashed per clinic later. */
export interface AuditFact {
  t: number;
  action: string;
  actor: string;
  patientId: string;
  resourceType: string;
  resourceId: string;
}

export interface OrgContext {
  orgId: string;
  anchor: string;
  therapists: string[];
  providers: string[];
  audit: AuditFact[];
}

/** What the load tests need to know about a generated patient. */
export interface PatientFacts {
  patientId: string;
  therapistId: string;
  family: string;
  visits: number;
  active?: { referralId: string; planId: string; anticoagulant: boolean };
  episodes: Array<{ referralId: string; visits: number }>;
}

const hashOf = (v: unknown) => createHash('sha256').update(canonicalJson(v)).digest('hex');

/**
 * One patient's whole record: history, one to three referral episodes each with its initial
 * assessment and plan of care, the visits (skewed: most patients come a few times, a few come
 * for months), each visit's day-of screening and signed note, and the outcome series.
 */
export function generatePatient(rng: Rng, ctx: OrgContext, chunk: Chunk): PatientFacts {
  const { orgId, anchor } = ctx;
  const patientId = rng.uuid();
  // A few therapists carry most of the caseload.
  const therapistId = ctx.therapists[Math.floor(ctx.therapists.length * rng.next() ** 1.6)] as string;
  const record = patientRecord(rng, anchor);
  const totalVisits = Math.max(1, Math.min(150, Math.round(rng.logNormal(23.5, 0.7))));
  const active = rng.chance(0.4);
  const episodeCount = rng.chance(0.7) ? 1 : rng.chance(0.73) ? 2 : 3;
  const visitsPer = split(rng, totalVisits, Math.min(episodeCount, totalVisits));
  const codes = diagnosisCodes(rng);
  // Worst case: one visit a week and the longest gap between episodes, so no visit lands after today.
  const spanDays = visitsPer.reduce((s, v) => s + v * 7 + 125, 0);
  const registered = addDays(anchor, -(active ? spanDays : spanDays + rng.int(10, 400)) - rng.int(1, 20));
  const createdAt = at(registered, 9 * 60);

  chunk.patients.push([
    patientId,
    orgId,
    record.legalName.family,
    record.legalName.given,
    normalizeForSearch(`${record.legalName.given} ${record.legalName.family}`),
    record.dateOfBirth,
    record.phone.replace(/\D/g, ''),
    JSON.stringify(record),
    therapistId,
    createdAt,
  ]);
  chunk.patient_care_team.push([orgId, patientId, therapistId]);
  const second = rng.pick(ctx.therapists);
  if (second !== therapistId && rng.chance(0.1)) chunk.patient_care_team.push([orgId, patientId, second]);
  ctx.audit.push(fact(createdAt.getTime(), 'patient.create', therapistId, patientId, 'patient', patientId));

  const history = historyItems(rng, codes, createdAt.toISOString(), therapistId);
  const anticoagulant = history.some((h) => h.anticoagulant);
  for (const h of history) {
    chunk.health_history_items.push([
      rng.uuid(),
      orgId,
      patientId,
      h.kind,
      JSON.stringify(h.data),
      createdAt,
      therapistId,
    ]);
  }
  const screening = screeningFor(anticoagulant);
  const facts: PatientFacts = {
    patientId,
    therapistId,
    family: record.legalName.family,
    visits: totalVisits,
    episodes: [],
  };

  let start = addDays(registered, 1);
  visitsPer.forEach((visits, e) => {
    const last = e === visitsPer.length - 1;
    const perWeek = rng.pick([1, 2, 2, 2, 3]);
    const gapDays = Math.max(1, Math.round(7 / perWeek));
    if (last && active) start = addDays(anchor, -(visits * gapDays + 1));
    const weeks = Math.min(52, Math.max(1, Math.ceil(visits / perWeek) + rng.int(0, 2)));
    const ongoing = last && active;
    const validUntil = ongoing ? addDays(anchor, 45) : addDays(start, weeks * 7 + 14);
    const authorized = ongoing
      ? Math.min(200, visits + 40)
      : rng.chance(0.6)
        ? visits + rng.int(0, 4)
        : undefined;
    const referralId = rng.uuid();
    const episodeCodes = e === 0 ? codes : diagnosisCodes(rng);
    const provider = rng.pick(ctx.providers);
    const refData = referralData(provider, episodeCodes, start, validUntil, perWeek, weeks, authorized);
    const startAt = at(start, 8 * 60);
    chunk.referrals.push([
      referralId,
      orgId,
      patientId,
      provider,
      start,
      validUntil,
      JSON.stringify(refData),
      therapistId,
      startAt,
    ]);
    ctx.audit.push(
      fact(startAt.getTime(), 'patient.referral.create', therapistId, patientId, 'referral', referralId),
    );
    const assessmentId = rng.uuid();
    const content = assessmentContent();
    chunk.assessments.push([
      assessmentId,
      orgId,
      patientId,
      referralId,
      'initial',
      start,
      therapistId,
      JSON.stringify(content),
      'signed',
      hashOf(content),
      therapistId,
      at(start, 10 * 60),
    ]);
    const planId = rng.uuid();
    chunk.plans.push([
      planId,
      orgId,
      patientId,
      referralId,
      assessmentId,
      therapistId,
      at(start, 10 * 60 + 30),
    ]);
    chunk.plan_versions.push([
      rng.uuid(),
      orgId,
      planId,
      1,
      JSON.stringify(planContent(referralId, assessmentId, episodeCodes, start, weeks)),
      'Initial plan of care',
      therapistId,
      at(start, 10 * 60 + 30),
    ]);
    const spine = episodeCodes.some((c) => c.startsWith('M54.2') || c.startsWith('M50'))
      ? NDI
      : episodeCodes.some((c) => c.startsWith('M54') || c.startsWith('M51'))
        ? ODI
        : undefined;
    const baseline = 0.45 + 0.25 * rng.next();
    for (let v = 0; v < visits; v++) {
      const day = addDays(start, 1 + v * gapDays);
      const progress = visits === 1 ? 0 : v / (visits - 1);
      const startMinute = rng.int(8 * 60, 17 * 60);
      const screeningId = rng.uuid();
      const visitAt = at(day, startMinute);
      chunk.screenings.push([
        screeningId,
        orgId,
        patientId,
        day,
        '{}',
        JSON.stringify(screening.findings),
        screening.decision,
        therapistId,
        visitAt,
      ]);
      const note = noteContent(rng, {
        patientId,
        planId,
        screeningId,
        visitDate: day,
        startMinute,
        progress,
        anticoagulant,
      });
      const signedAt = new Date(
        Date.parse(note.visitEndedAt ?? visitAt.toISOString()) + rng.int(2, 90) * 60_000,
      );
      const noteId = rng.uuid();
      chunk.session_notes.push([
        noteId,
        orgId,
        patientId,
        screeningId,
        planId,
        referralId,
        day,
        therapistId,
        'signed',
        JSON.stringify(note),
        JSON.stringify(billingFor(note)),
        hashOf(note),
        therapistId,
        signedAt,
        visitAt,
      ]);
      ctx.audit.push(fact(visitAt.getTime(), 'patient.read', therapistId, patientId, 'patient', patientId));
      ctx.audit.push(
        fact(signedAt.getTime(), 'patient.note.sign', therapistId, patientId, 'session_note', noteId),
      );
      const severity = baseline * (1 - 0.55 * progress);
      const measured = v === 0 || v === visits - 1 || v % 4 === 0;
      if (measured) {
        for (const inst of spine && (v === 0 || v === visits - 1 || v % 8 === 0) ? [NPRS, spine] : [NPRS]) {
          const o = outcomeRow(rng, inst, day, severity);
          chunk.outcome_responses.push([
            rng.uuid(),
            orgId,
            patientId,
            inst.id,
            day,
            JSON.stringify(o.response),
            JSON.stringify(o.result),
            o.result.score,
            'kiosk',
            therapistId,
          ]);
        }
      }
    }
    facts.episodes.push({ referralId, visits });
    if (ongoing) facts.active = { referralId, planId, anticoagulant };
    start = addDays(start, visits * gapDays + rng.int(20, 120));
  });
  return facts;
}

/** A draft note for today, on a fresh day-of screening: what a therapist has open mid-visit. */
export function draftNote(
  rng: Rng,
  ctx: OrgContext,
  chunk: Chunk,
  p: PatientFacts,
  signReady: boolean,
): string {
  const active = p.active;
  if (!active) throw new Error('draft notes belong to patients in an ongoing episode');
  const screeningId = rng.uuid();
  const startMinute = rng.int(8 * 60, 17 * 60);
  const screening = screeningFor(active.anticoagulant);
  chunk.screenings.push([
    screeningId,
    ctx.orgId,
    p.patientId,
    ctx.anchor,
    '{}',
    JSON.stringify(screening.findings),
    screening.decision,
    p.therapistId,
    at(ctx.anchor, startMinute),
  ]);
  const full: SignedNote = noteContent(rng, {
    patientId: p.patientId,
    planId: active.planId,
    screeningId,
    visitDate: ctx.anchor,
    startMinute,
    progress: 0.5,
    anticoagulant: active.anticoagulant,
  });
  // A draft being saved is half-written; one about to be signed is complete.
  const content = signReady ? full : { ...full, assessment: {}, plan: {} };
  const noteId = rng.uuid();
  chunk.session_notes.push([
    noteId,
    ctx.orgId,
    p.patientId,
    screeningId,
    active.planId,
    active.referralId,
    ctx.anchor,
    p.therapistId,
    'draft',
    JSON.stringify(content),
    null,
    null,
    null,
    null,
    at(ctx.anchor, startMinute),
  ]);
  return noteId;
}

function fact(
  t: number,
  action: string,
  actor: string,
  patientId: string,
  resourceType: string,
  resourceId: string,
) {
  return { t, action, actor, patientId, resourceType, resourceId };
}

/** Splits n visits over k episodes, each at least one. */
function split(rng: Rng, n: number, k: number): number[] {
  const weights = Array.from({ length: k }, () => 0.3 + rng.next());
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.max(1, Math.floor((w / sum) * n)));
  parts[parts.length - 1] = Math.max(1, n - parts.slice(0, -1).reduce((a, b) => a + b, 0));
  return parts;
}
