import { INITIAL_HEADACHE_ASSESSMENT } from '@fascia/domain/assessment/assessment.fixtures';
import type { Answers, Instrument } from '@fascia/domain/outcomes/instrument.types';
import { findInstrument } from '@fascia/domain/outcomes/instruments.catalogue';
import { scoreResponse } from '@fascia/domain/outcomes/score';
import { ICD10_CATALOGUE } from '@fascia/domain/patients/icd10-catalogue';
import { anticoagulantFinding, examplePlan } from '@fascia/domain/plans/example-patient.fixture';
import { noteBilling } from '@fascia/domain/sessions/note-billing';
import type { SignedNote } from '@fascia/domain/sessions/session-note.schema';
import { familyName, givenName } from './names.ts';
import { addDays, type Rng } from './prng.ts';

/** Billable codes a massage referral carries: spine, soft tissue, joint, nerve and headache groups. */
const REFERRAL_CODES = ICD10_CATALOGUE.filter(
  (c) => c.billable && ['spine', 'soft_tissue', 'joint', 'nerve', 'headache'].includes(c.group),
).map((c) => c.code);
const COMMON_CODES = REFERRAL_CODES.filter((c) => /^(M54|M79|M62|G44|M75|M53)/.test(c));

/** Most referrals are for a handful of back, neck and myofascial codes; the rest spread thinly. */
export function diagnosisCodes(rng: Rng): string[] {
  const n = rng.chance(0.7) ? 1 : rng.int(2, 3);
  const codes = new Set<string>();
  while (codes.size < n)
    codes.add(rng.pick(rng.chance(0.75) && COMMON_CODES.length ? COMMON_CODES : REFERRAL_CODES));
  return [...codes];
}

export function patientRecord(rng: Rng, anchor: string) {
  const sex = rng.chance(0.62) ? 'female' : rng.chance(0.97) ? 'male' : 'other';
  const age = Math.min(95, Math.max(16, Math.round(45 + 15 * rng.normal())));
  const phone = `+1555${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
  return {
    legalName: { given: givenName(rng), family: familyName(rng) },
    dateOfBirth: addDays(anchor, -age * 365 - rng.int(0, 364)),
    sex,
    phone,
    preferredLanguage: rng.chance(0.85) ? 'en' : 'es',
    consents: {
      treatment: { given: true, date: addDays(anchor, -rng.int(30, 900)) },
      communication: rng.chance(0.6)
        ? { given: true, date: addDays(anchor, -rng.int(30, 900)), channels: ['sms'] }
        : { given: false, channels: [] },
    },
  };
}

export interface HistoryItem {
  kind: 'conditions' | 'medications' | 'surgeries';
  data: Record<string, unknown>;
  anticoagulant: boolean;
}

export function historyItems(
  rng: Rng,
  codes: string[],
  recordedAt: string,
  recordedBy: string,
): HistoryItem[] {
  const stamp = { recordedAt, recordedBy };
  const items: HistoryItem[] = codes.map((code) => ({
    kind: 'conditions',
    data: { ...stamp, code, status: 'active' },
    anticoagulant: false,
  }));
  if (rng.chance(0.08)) {
    items.push({
      kind: 'medications',
      data: { ...stamp, name: 'Warfarin', class: 'anticoagulant' },
      anticoagulant: true,
    });
  }
  if (rng.chance(0.2)) {
    items.push({
      kind: 'medications',
      data: { ...stamp, name: 'Ibuprofen', class: 'nsaid' },
      anticoagulant: false,
    });
  }
  return items;
}

export function providerData(rng: Rng, npi: string) {
  return {
    name: { given: givenName(rng), family: familyName(rng) },
    credentials: [rng.pick(['MD', 'DO', 'NP', 'PA-C', 'DC'])],
    npi,
    specialty: rng.pick(['Family medicine', 'Orthopaedics', 'Neurology', 'Physiatry', 'Sports medicine']),
  };
}

export function referralData(
  providerId: string,
  codes: string[],
  dateWritten: string,
  validUntil: string,
  timesPerWeek: number,
  weeks: number,
  visitsAuthorized: number | undefined,
) {
  return {
    providerId,
    dateWritten,
    diagnoses: codes,
    frequency: { timesPerWeek },
    durationWeeks: weeks,
    ...(visitsAuthorized === undefined ? {} : { visitsAuthorized }),
    validFrom: dateWritten,
    validUntil,
    precautions: { items: [] },
    goals: ['Reduce pain to allow sitting through a work day'],
  };
}

/** The assessment fixture minus what the row's own columns hold. */
const ROW_FIELDS = ['kind', 'performedOn', 'patientId', 'therapistId', 'referralId'];
export function assessmentContent(): Record<string, unknown> {
  const content: Record<string, unknown> = { ...INITIAL_HEADACHE_ASSESSMENT, outcomes: [] };
  for (const field of ROW_FIELDS) delete content[field];
  return content;
}

export function planContent(
  referralId: string,
  assessmentId: string,
  codes: string[],
  start: string,
  weeks: number,
) {
  return {
    ...examplePlan,
    referralId,
    assessmentId,
    problems: codes.map((icd10) => ({ icd10, from: 'referral' })),
    goals: examplePlan.goals.map((g, i) => ({ ...g, targetDate: addDays(start, (i + 1) * weeks * 3) })),
  };
}

export function screeningFor(anticoagulant: boolean) {
  return anticoagulant
    ? { findings: [anticoagulantFinding], decision: 'proceed_with_care' as const }
    : { findings: [], decision: 'proceed' as const };
}

const LIGHT = ['myofascial_release', 'trigger_point_therapy', 'swedish_effleurage', 'positional_release'];
const FIRM = [...LIGHT, 'deep_tissue', 'neuromuscular_therapy', 'muscle_energy_technique'];
const REGIONS: Array<[string, boolean]> = [
  ['lumbar', false],
  ['thoracic', false],
  ['upper_trapezius', true],
  ['neck_posterior', false],
  ['gluteal', true],
  ['thigh_posterior', true],
  ['scapular', true],
  ['calf', true],
];

/** A signed visit: 2–4 technique lines, 30–60 minutes, pain easing over the episode with noise. */
export function noteContent(
  rng: Rng,
  n: {
    patientId: string;
    planId: string | null;
    screeningId: string;
    visitDate: string;
    startMinute: number;
    progress: number;
    anticoagulant: boolean;
  },
): SignedNote {
  const lines = rng.int(2, 4);
  const position = rng.pick(['prone', 'side_lying', 'supine'] as const);
  const techniques = [];
  for (let i = 0; i < lines; i++) {
    const [regionId, lateral] = rng.pick(REGIONS);
    const techniqueId = rng.pick(n.anticoagulant ? LIGHT : FIRM);
    techniques.push({
      techniqueId,
      regionId,
      ...(lateral ? { side: rng.pick(['left', 'right'] as const) } : {}),
      minutes: rng.int(6, 18),
      pressure: n.anticoagulant
        ? rng.int(1, 2)
        : techniqueId === 'deep_tissue'
          ? rng.int(3, 4)
          : rng.int(2, 3),
      position,
    });
  }
  const minutes = techniques.reduce((s, t) => s + t.minutes, 0);
  const painBefore = clampInt(7 - 4 * n.progress + rng.normal(), 0, 10);
  const start = new Date(Date.parse(`${n.visitDate}T00:00:00Z`) + n.startMinute * 60_000);
  return {
    patientId: n.patientId,
    ...(n.planId ? { planId: n.planId } : {}),
    visitDate: n.visitDate,
    visitStartedAt: start.toISOString().replace('.000Z', 'Z'),
    visitEndedAt: new Date(start.getTime() + (minutes + 5) * 60_000).toISOString().replace('.000Z', 'Z'),
    outcome: 'treated',
    overrides: [],
    carriedOver: [],
    subjective: {
      screeningId: n.screeningId,
      report: 'Pain eased for a day or two after the last visit; sitting still hard by evening.',
      painBefore,
    },
    objective: {
      techniques,
      positions: [position],
      findings: 'Taut bands and tenderness in the treated area; referral pattern reproduced on compression.',
    },
    assessment: {
      response: 'Tissue softened; tenderness reduced on re-palpation.',
      painAfter: clampInt(painBefore - rng.int(1, 3), 0, 10),
      goalProgress: examplePlan.goals.map((g) => ({
        goalId: g.id,
        status: n.progress > 0.9 ? 'met' : 'progressing',
      })),
      adverseReactions: { occurred: false },
    },
    plan: { nextVisit: { date: addDays(n.visitDate, 3) }, homeCareGiven: ['piriformis_stretch'] },
  } as SignedNote;
}

export function billingFor(note: SignedNote) {
  return noteBilling(note.objective?.techniques ?? []);
}

function clampInt(v: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(v)));
}

function instrument(id: string): Instrument {
  const found = findInstrument(id);
  if (!found) throw new Error(`instrument ${id} is not in the catalogue`);
  return found;
}
export const NPRS = instrument('nprs');
export const ODI = instrument('odi');
export const NDI = instrument('ndi');

/**
 * Answers at a severity between 0 (none) and 1 (worst): each item takes the option nearest that
 * fraction of its range, so the score falls as the episode progresses, with noise on top.
 */
export function outcomeAnswers(rng: Rng, inst: Instrument, severity: number): Answers {
  const answers: Record<string, number> = {};
  for (const item of inst.item) {
    const s = Math.min(1, Math.max(0, severity + 0.12 * rng.normal()));
    if (item.answerOption?.length) {
      const values = item.answerOption.map((o) => o.value);
      const lo = Math.min(...values);
      const hi = Math.max(...values);
      const target = lo + s * (hi - lo);
      answers[item.linkId] = values.reduce((best, v) =>
        Math.abs(v - target) < Math.abs(best - target) ? v : best,
      );
    } else {
      const lo = item.minValue ?? 0;
      const hi = item.maxValue ?? 10;
      answers[item.linkId] = Math.round(lo + s * (hi - lo));
    }
  }
  return answers;
}

export function outcomeRow(rng: Rng, inst: Instrument, administeredOn: string, severity: number) {
  const answers = outcomeAnswers(rng, inst, severity);
  const response = { instrumentId: inst.id, administeredOn, answers, completedBy: 'patient' };
  const result = scoreResponse(inst, answers);
  return { response, result };
}
