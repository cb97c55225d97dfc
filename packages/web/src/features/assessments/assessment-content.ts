import type { Assessment } from '@fascia/domain/assessment/assessment.schema';
import type { PostureFindings } from '@fascia/domain/assessment/posture';
import type { Joint } from '@fascia/domain/assessment/rom';
import type { Side } from '@fascia/domain/body/regions';
import { findInstrument } from '@fascia/domain/outcomes/instruments.catalogue';
import type { FieldProblem } from '../../api/problem.ts';
import type { ChartMark } from '../../components/body-chart/body-chart-layout.ts';

/**
 * The assessment content as a draft holds it: every part optional and rows possibly half filled,
 * because the server keeps whatever was typed and only signing demands the whole schema.
 */

export interface RomRow {
  joint: Joint;
  motion: string;
  side?: Side;
  mode: 'active' | 'passive';
  degrees?: number;
  painAtEndRange?: boolean;
  notes?: string;
}

export interface SpecialTestRow {
  testId: string;
  result?: 'positive' | 'negative' | 'equivocal';
  side?: Side;
  measurementMm?: number;
  notes?: string;
}

export interface PalpationRow {
  muscleId: string;
  muscleName?: string;
  side?: Side;
  triggerPoint: 'active' | 'latent' | 'none';
  tautBand?: boolean;
  localTwitchResponse?: boolean;
  jumpSign?: boolean;
  reproducesFamiliarPain?: boolean;
  tenderness?: number;
  notes?: string;
}

export type AnswerMap = Record<string, number | null>;

export interface OutcomeEntry {
  instrumentId: string;
  administeredOn: string;
  answers: AnswerMap;
  itemLabels?: Record<string, string>;
  completedBy?: 'patient' | 'staff_transcribed';
}

export interface ProblemRow {
  description: string;
  icd10Code?: string;
  regions?: { regionId: string; side?: Side }[];
}

export interface AssessmentContent {
  subjective?: {
    chiefComplaint?: string;
    history?: string;
    onset?: string;
    aggravatingFactors?: string;
    easingFactors?: string;
    patientGoals?: string;
  };
  painDrawing?: { marks: ChartMark[]; note?: string };
  posture?: Partial<PostureFindings>;
  rom?: RomRow[];
  specialTests?: SpecialTestRow[];
  palpation?: PalpationRow[];
  outcomes?: OutcomeEntry[];
  clinicalImpression?: string;
  problemList?: ProblemRow[];
  baselineAssessmentId?: string;
}

// The server writes these from the session and the path; sending them back would only be ignored.
const SERVER_OWNED = new Set(['kind', 'patientId', 'therapistId', 'performedOn', 'referralId']);

/**
 * What is sent: empty text removed (an empty optional code would fail its format check, while an
 * absent one is simply not recorded), and the keys the server owns left out.
 */
export function cleanContent(content: AssessmentContent): AssessmentContent {
  const clean = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(clean);
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(value)) {
        if (v === undefined || (typeof v === 'string' && v.trim() === '')) continue;
        out[key] = clean(v);
      }
      return out;
    }
    return value;
  };
  const cleaned = clean(content) as Record<string, unknown>;
  for (const key of SERVER_OWNED) delete cleaned[key];
  return cleaned as AssessmentContent;
}

const SECTION_LABELS: Record<string, string> = {
  subjective: 'Subjective',
  painDrawing: 'Pain drawing',
  posture: 'Posture',
  rom: 'Range of motion',
  specialTests: 'Special tests',
  palpation: 'Palpation',
  outcomes: 'Outcome measures',
  clinicalImpression: 'Clinical impression',
  problemList: 'Problem list',
  baselineAssessmentId: 'Baseline',
};

const words = (key: string) => key.replace(/([A-Z])/g, ' $1').toLowerCase();

/** "content.rom.0.side" → "Range of motion, row 1, side": where to look, in the form's words. */
export function describeField(field: string): string {
  const parts = field.replace(/^content\./, '').split('.');
  const [section, ...rest] = parts;
  const head = SECTION_LABELS[section ?? ''] ?? words(section ?? '');
  const tail = rest.map((p) => (/^\d+$/.test(p) ? `row ${Number(p) + 1}` : words(p)));
  return [head, ...tail].join(', ');
}

/** Problems under one section or row, e.g. `problemsUnder(problems, 'rom.0')`. */
export function problemsUnder(problems: readonly FieldProblem[], path: string): FieldProblem[] {
  const prefix = `content.${path}`;
  return problems.filter((p) => p.field === prefix || p.field.startsWith(`${prefix}.`));
}

/** The message for one field, for an input's `error`. */
export function fieldError(problems: readonly FieldProblem[], path: string): string | undefined {
  return problems.find((p) => p.field === `content.${path}`)?.message;
}

/**
 * The parts of a draft that a comparison can already read: complete ROM rows, known instruments,
 * marks with their qualities. Lets a re-evaluation show its change while still being written.
 */
export function comparableContent(
  content: AssessmentContent,
  performedOn: string,
): Pick<Assessment, 'performedOn' | 'painDrawing' | 'outcomes' | 'rom'> {
  return {
    performedOn,
    painDrawing: {
      marks: (content.painDrawing?.marks ?? []).map((m) => ({ ...m, qualities: m.qualities ?? [] })),
    },
    outcomes: (content.outcomes ?? [])
      .filter((o) => findInstrument(o.instrumentId))
      .map((o) => ({ ...o, completedBy: o.completedBy ?? 'staff_transcribed' })),
    rom: (content.rom ?? []).flatMap((r) =>
      typeof r.degrees === 'number'
        ? [{ ...r, degrees: r.degrees, painAtEndRange: r.painAtEndRange ?? false }]
        : [],
    ),
  };
}
