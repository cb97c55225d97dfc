import { markEdited } from '@fascia/domain/sessions/copy-forward';
import type { DraftNote } from '@fascia/domain/sessions/session-note.schema';

/** How the note's sections change the draft: one edit names the path it touched. */
export type EditNote = (path: string, update: (note: DraftNote) => DraftNote) => void;

/** Wraps the autosave setter so that editing carried-over content takes its "carried over" mark off. */
export function editor(setContent: (update: (note: DraftNote) => DraftNote) => void): EditNote {
  return (path, update) =>
    setContent((note) => {
      const next = update(note);
      return { ...next, carriedOver: markEdited(next.carriedOver ?? [], path) };
    });
}

/** A number input's value as the draft stores it: a number, or nothing yet. */
export function numberOrNothing(value: number | string): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** Empty text and dates are stored as absent, so a half-typed draft always passes the draft schema. */
export function textOrNothing(value: string): string | undefined {
  return value === '' ? undefined : value;
}

export const isCarried = (note: DraftNote, path: string) =>
  (note.carriedOver ?? []).some((p) => p === path || p.startsWith(`${path}.`));

/** Sets or clears the written override for one finding on one technique line (null: the visit). */
export function setOverride(
  note: DraftNote,
  ruleId: string,
  techniqueLine: number | null,
  reason: string | undefined,
): DraftNote {
  const others = (note.overrides ?? []).filter(
    (o) => !(o.ruleId === ruleId && o.techniqueLine === techniqueLine),
  );
  // The schema refuses an empty reason even in a draft, so one still being started is not stored.
  const written = reason !== undefined && reason.trim() !== '';
  return { ...note, overrides: written ? [...others, { ruleId, techniqueLine, reason }] : others };
}

/** A server field path (`content.objective.techniques.0.minutes`) in the note's own words. */
export function fieldWords(field: string): string {
  const parts = field.replace(/^content\./, '').split('.');
  return parts
    .map((part, i) => {
      if (/^\d+$/.test(part)) return `${parts[i - 1] === 'techniques' ? 'line' : 'item'} ${Number(part) + 1}`;
      return part.replace(/([A-Z])/g, ' $1').toLowerCase();
    })
    .join(' › ');
}
