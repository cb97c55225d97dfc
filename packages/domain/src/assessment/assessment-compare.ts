/**
 * What changed between the baseline assessment and a later one: pain drawing, outcome measures
 * against their MCIDs, and range of motion against normal. This is the content of the progress
 * report's "change since the initial evaluation" section, computed once here so the report, the
 * web view and the server say the same thing.
 */
import { compareScores, type InstrumentChange } from '../outcomes/change.ts';
import { findInstrument } from '../outcomes/instruments.catalogue.ts';
import { scoreOutcomeResponse } from '../outcomes/response.schema.ts';
import type { Assessment } from './assessment.schema.ts';
import { comparePainDrawings, type PainDrawingComparison } from './pain-drawing.ts';
import { percentOfNormal, type RomMeasurement } from './rom.ts';

export interface RomChange {
  joint: string;
  motion: string;
  side?: 'left' | 'right';
  mode: 'active' | 'passive';
  before: number;
  after: number;
  change: number;
  percentOfNormalBefore?: number;
  percentOfNormalAfter?: number;
  limitedAfter?: boolean;
  summary: string;
}

export interface AssessmentComparison {
  days: number;
  pain: PainDrawingComparison;
  outcomes: InstrumentChange[];
  /** Instruments given at only one of the two visits, which therefore show no change. */
  outcomesNotRepeated: string[];
  rom: RomChange[];
}

const romKey = (m: RomMeasurement) => `${m.joint}|${m.motion}|${m.side ?? ''}|${m.mode}`;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function romChanges(before: readonly RomMeasurement[], after: readonly RomMeasurement[]): RomChange[] {
  const earlier = new Map(before.map((m) => [romKey(m), m]));
  return after.flatMap((m) => {
    const old = earlier.get(romKey(m));
    if (!old) return [];
    const pBefore = percentOfNormal(old);
    const pAfter = percentOfNormal(m);
    const where = `${m.joint} ${m.motion.replace('_', ' ')}${m.side ? ` ${m.side}` : ''} (${m.mode})`;
    const ofNormal = pAfter
      ? `, ${pBefore?.percent ?? '?'} % → ${pAfter.percent} % of normal (${pAfter.standard})`
      : '';
    return [
      {
        joint: m.joint,
        motion: m.motion,
        ...(m.side ? { side: m.side } : {}),
        mode: m.mode,
        before: old.degrees,
        after: m.degrees,
        change: m.degrees - old.degrees,
        ...(pBefore ? { percentOfNormalBefore: pBefore.percent } : {}),
        ...(pAfter ? { percentOfNormalAfter: pAfter.percent, limitedAfter: pAfter.limited } : {}),
        summary: `${where}: ${old.degrees}° → ${m.degrees}°${ofNormal}.`,
      },
    ];
  });
}

export function compareAssessments(
  baseline: Pick<Assessment, 'performedOn' | 'painDrawing' | 'outcomes' | 'rom'>,
  followUp: Pick<Assessment, 'performedOn' | 'painDrawing' | 'outcomes' | 'rom'>,
): AssessmentComparison {
  const outcomes: InstrumentChange[] = [];
  const notRepeated = new Set<string>();
  for (const later of followUp.outcomes) {
    const instrument = findInstrument(later.instrumentId);
    const earlier = baseline.outcomes.find((o) => o.instrumentId === later.instrumentId);
    const selfRated = instrument?.scoring.change !== 'difference';
    if (!instrument || (!earlier && !selfRated)) {
      notRepeated.add(later.instrumentId);
      continue;
    }
    const after = scoreOutcomeResponse(later);
    outcomes.push(compareScores(instrument, earlier ? scoreOutcomeResponse(earlier) : after, after));
  }
  for (const earlier of baseline.outcomes) {
    if (!followUp.outcomes.some((o) => o.instrumentId === earlier.instrumentId))
      notRepeated.add(earlier.instrumentId);
  }
  return {
    days: daysBetween(baseline.performedOn, followUp.performedOn),
    pain: comparePainDrawings(baseline.painDrawing, followUp.painDrawing),
    outcomes,
    outcomesNotRepeated: [...notRepeated].sort(),
    rom: romChanges(baseline.rom, followUp.rom),
  };
}
