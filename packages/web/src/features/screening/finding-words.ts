import { positionLabel } from '@fascia/domain/plans/treatment-conflicts';
import type { OverallDecision } from '@fascia/domain/screening/engine';
import type { Modification, RegionTarget, TechniqueTag } from '@fascia/domain/screening/types';
import { regionWords } from '../patients/body-region-picker.tsx';

/** The screening result in the words a therapist says to the patient, not the engine's codes. */

export const DECISION_WORDS: Record<OverallDecision, { title: string; text: string; color: string }> = {
  stop: {
    title: 'Postpone the session',
    text: 'Something today means massage must wait. Reschedule, and refer on where the finding says so.',
    color: 'red',
  },
  proceed_with_care: {
    title: 'Treat with care',
    text: 'Treat today, adapted as listed below.',
    color: 'orange',
  },
  proceed: {
    title: 'No contraindications found',
    text: 'Nothing in the history or today’s answers calls for changes beyond the usual precautions.',
    color: 'teal',
  },
};

const TAG_WORDS: Record<TechniqueTag, string> = {
  deep_pressure: 'deep pressure',
  sustained_compression: 'sustained compression',
  friction: 'friction',
  joint_mobilisation: 'joint mobilisation',
  vigorous: 'vigorous work',
  stretching: 'stretching',
  lymphatic: 'lymphatic drainage',
  heat: 'heat',
  abdominal_work: 'abdominal work',
};

function list(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

const where = (regions: RegionTarget[] | undefined) =>
  regions && regions.length > 0 ? ` on: ${regionWords(regions)}` : '';

/** One line per adaptation: "Pressure at most 2 of 5", "Side-lying, not supine or prone". */
export function describeModification(m: Modification): string[] {
  const lines: string[] = [];
  if (m.maxPressure !== undefined) lines.push(`Pressure at most ${m.maxPressure} of 5${where(m.regions)}`);
  const excluded = (m.excludedPositions ?? []).map((p) => positionLabel(p).toLowerCase());
  if (m.preferredPosition) {
    const preferred = positionLabel(m.preferredPosition);
    lines.push(excluded.length ? `${preferred}, not ${list(excluded)}` : preferred);
  } else if (excluded.length) {
    lines.push(`Not ${list(excluded)}`);
  }
  if (m.excludedTechniqueTags?.length) {
    lines.push(`No ${list(m.excludedTechniqueTags.map((t) => TAG_WORDS[t] ?? t))}${where(m.regions)}`);
  }
  if (m.maxSessionMinutes !== undefined) lines.push(`Session at most ${m.maxSessionMinutes} minutes`);
  if (m.checkInEveryMinutes !== undefined) {
    lines.push(`Check in about comfort every ${m.checkInEveryMinutes} minutes`);
  }
  if (m.clearanceNeeded)
    lines.push(`Needs ${m.clearanceNeeded.charAt(0).toLowerCase()}${m.clearanceNeeded.slice(1)}`);
  for (const advice of m.advice ?? []) lines.push(advice);
  return lines;
}

export const SEVERITY_WORDS = {
  stop: { label: 'Stop', color: 'red' },
  avoid: { label: 'Avoid', color: 'orange' },
  modify: { label: 'Adapt', color: 'yellow' },
} as const;
