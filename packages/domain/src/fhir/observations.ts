/**
 * Observations from what Fascia measures: pain (NPRS, LOINC 72514-3) before and after a visit and
 * per region of a pain drawing, outcome-measure scores, range of motion and special tests. Each
 * one is derived from part of a record, so its id names the record and the part (common.ts).
 */
import type { Observation, ObservationComponent, Quantity } from '@medplum/fhirtypes';
import type { PainMark } from '../assessment/pain-drawing.ts';
import { percentOfNormal, type RomMeasurement } from '../assessment/rom.ts';
import { findSpecialTest, type SpecialTestResult } from '../assessment/special-tests.ts';
import { findInstrument } from '../outcomes/instruments.catalogue.ts';
import type { ScoreResult } from '../outcomes/score.ts';
import {
  bodySite,
  coding,
  compact,
  concept,
  fasciaSystem,
  laterality,
  meta,
  partId,
  ref,
  SYSTEM,
} from './common.ts';

export const NPRS_LOINC = '72514-3';
const NPRS_DISPLAY = 'Pain severity - 0-10 verbal numeric rating [Score] - Reported';

const category = (code: 'survey' | 'exam') => [
  concept([coding(SYSTEM.observationCategory, code, code === 'survey' ? 'Survey' : 'Exam')]),
];

export const nprsCode = () =>
  concept([coding(SYSTEM.loinc, NPRS_LOINC, NPRS_DISPLAY)], 'Pain intensity (NPRS)');

/** Where an observation was made: the visit it belongs to and who made it. */
export interface ObservationContext {
  patientId: string;
  effective: string;
  performerId?: string;
  encounterId?: string;
  status: 'final' | 'preliminary' | 'amended';
  lastUpdated: Date | string;
}

function base(id: string, ctx: ObservationContext): Observation {
  return compact<Observation>({
    resourceType: 'Observation',
    id,
    meta: meta(ctx.lastUpdated),
    status: ctx.status,
    code: concept([], 'placeholder'),
    subject: ref('Patient', ctx.patientId),
    encounter: ctx.encounterId ? ref('Encounter', ctx.encounterId) : undefined,
    effectiveDateTime: ctx.effective,
    performer: ctx.performerId ? [ref('Practitioner', ctx.performerId)] : undefined,
  });
}

/** NPRS recorded in a session note, before or after treatment. */
export function toFhirNotePain(
  noteId: string,
  when: 'before' | 'after',
  value: number,
  ctx: ObservationContext,
): Observation {
  return {
    ...base(partId(when === 'before' ? 'pb' : 'pa', noteId), ctx),
    category: category('survey'),
    code: nprsCode(),
    valueInteger: value,
    note: [{ text: when === 'before' ? 'Before treatment' : 'After treatment' }],
  };
}

/** One region of a pain drawing: its intensity, with the region as body site. */
export function toFhirPainMark(assessmentId: string, index: number, mark: PainMark, ctx: ObservationContext) {
  return compact<Observation>({
    ...base(partId('pm', assessmentId, index), ctx),
    category: category('survey'),
    code: nprsCode(),
    bodySite: bodySite(mark.regionId, mark.side),
    valueInteger: mark.intensity,
    note: [
      ...(mark.qualities.length ? [{ text: `Qualities: ${mark.qualities.join(', ')}` }] : []),
      ...(mark.note ? [{ text: mark.note }] : []),
    ],
  });
}

const scoreQuantity = (value: number, unit: 'points' | 'percent'): Quantity =>
  unit === 'percent'
    ? { value, unit: '%', system: SYSTEM.ucum, code: '%' }
    : { value, unit: 'points', system: SYSTEM.ucum, code: '{score}' };

export function instrumentCode(instrumentId: string) {
  const instrument = findInstrument(instrumentId);
  const own = coding(fasciaSystem('instrument'), instrumentId, instrument?.title);
  return instrumentId === 'nprs'
    ? concept([coding(SYSTEM.loinc, NPRS_LOINC, NPRS_DISPLAY), own], instrument?.name)
    : concept([own], instrument?.name ?? instrumentId);
}

/** An outcome measure's score, derived from the questionnaire response it was computed from. */
export function toFhirOutcomeScore(responseId: string, result: ScoreResult, ctx: ObservationContext) {
  const components: ObservationComponent[] =
    result.scales.length > 1
      ? result.scales.map((s) =>
          compact<ObservationComponent>({
            code: concept(
              [coding(fasciaSystem('instrument-scale'), `${result.instrumentId}.${s.scaleId}`)],
              s.label,
            ),
            valueQuantity: s.status === 'valid' ? scoreQuantity(s.score, s.unit) : undefined,
            dataAbsentReason:
              s.status === 'valid'
                ? undefined
                : concept([coding(SYSTEM.dataAbsentReason, 'error')], s.reason),
          }),
        )
      : [];
  return compact<Observation>({
    ...base(partId('os', responseId), ctx),
    category: category('survey'),
    code: instrumentCode(result.instrumentId),
    valueQuantity: result.score !== null ? scoreQuantity(result.score, result.unit) : undefined,
    dataAbsentReason:
      result.score === null
        ? concept([coding(SYSTEM.dataAbsentReason, 'error')], result.reason ?? result.interpretation)
        : undefined,
    interpretation: result.band ? [concept([], result.band)] : undefined,
    derivedFrom: [ref('QuestionnaireResponse', responseId)],
    component: components,
  });
}

const words = (s: string) => s.replaceAll('_', ' ');

export function toFhirRom(assessmentId: string, index: number, m: RomMeasurement, ctx: ObservationContext) {
  const normal = percentOfNormal(m);
  const label = `${words(m.joint)} ${words(m.motion)}`;
  const deg = (value: number): Quantity => ({ value, unit: 'deg', system: SYSTEM.ucum, code: 'deg' });
  return compact<Observation>({
    ...base(partId('rom', assessmentId, index), ctx),
    category: category('exam'),
    code: concept(
      [coding(fasciaSystem('rom-motion'), `${m.joint}.${m.motion}`, label)],
      `Range of motion: ${label}`,
    ),
    bodySite: m.side ? concept([laterality(m.side)], `${words(m.joint)}, ${m.side}`) : undefined,
    method: concept([coding(fasciaSystem('rom-mode'), m.mode)], `${m.mode} range of motion`),
    valueQuantity: deg(m.degrees),
    interpretation: normal?.limited
      ? [concept([coding(SYSTEM.interpretation, 'L', 'Low')], `Limited: ${normal.percent}% of normal`)]
      : undefined,
    referenceRange: normal
      ? [{ low: deg(normal.normalDegrees), text: `${normal.standard} normal ${normal.normalDegrees}°` }]
      : undefined,
    note: [
      ...(m.painAtEndRange ? [{ text: 'Pain at end range' }] : []),
      ...(m.endFeel ? [{ text: `End feel: ${m.endFeel}` }] : []),
      ...(m.notes ? [{ text: m.notes }] : []),
    ],
  });
}

const RESULT_INTERPRETATION = {
  positive: coding(SYSTEM.interpretation, 'POS', 'Positive'),
  negative: coding(SYSTEM.interpretation, 'NEG', 'Negative'),
  equivocal: coding(SYSTEM.interpretation, 'IND', 'Indeterminate'),
} as const;

export function toFhirSpecialTest(
  assessmentId: string,
  index: number,
  t: SpecialTestResult,
  ctx: ObservationContext,
) {
  const test = findSpecialTest(t.testId);
  return compact<Observation>({
    ...base(partId('st', assessmentId, index), ctx),
    category: category('exam'),
    code: concept([coding(fasciaSystem('special-test'), t.testId, test?.name)], test?.name ?? t.testId),
    bodySite: t.side ? concept([laterality(t.side)], t.side) : undefined,
    valueCodeableConcept: concept([RESULT_INTERPRETATION[t.result]], t.result),
    interpretation: [concept([RESULT_INTERPRETATION[t.result]])],
    component:
      t.measurementMm !== undefined
        ? [
            {
              code: concept([], 'Measurement'),
              valueQuantity: { value: t.measurementMm, unit: 'mm', system: SYSTEM.ucum, code: 'mm' },
            },
          ]
        : undefined,
    note: [
      ...(t.result === 'positive' && test ? [{ text: `Suggests: ${test.suggests}` }] : []),
      ...(t.notes ? [{ text: t.notes }] : []),
    ],
  });
}

export interface AssessmentRow {
  id: string;
  patientId: string;
  therapistId: string;
  performedOn: string;
  signedAt: Date | string;
  content: {
    painDrawing: { marks: PainMark[] };
    rom: RomMeasurement[];
    specialTests: SpecialTestResult[];
  };
}

/** A signed assessment's findings: pain drawing regions, range of motion, special tests. */
export function assessmentObservations(row: AssessmentRow): Observation[] {
  const ctx: ObservationContext = {
    patientId: row.patientId,
    effective: row.performedOn,
    performerId: row.therapistId,
    status: 'final',
    lastUpdated: row.signedAt,
  };
  return [
    ...row.content.painDrawing.marks.map((m, i) => toFhirPainMark(row.id, i, m, ctx)),
    ...row.content.rom.map((m, i) => toFhirRom(row.id, i, m, ctx)),
    ...row.content.specialTests.map((t, i) => toFhirSpecialTest(row.id, i, t, ctx)),
  ];
}
