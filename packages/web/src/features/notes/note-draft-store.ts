import type { DraftNote } from '@fascia/domain/sessions/session-note.schema';

/**
 * The copy of a draft note kept on this device until the server has it. Keyed by note and by the
 * server version it was typed on: a copy typed on the version the server still has is unsaved
 * work to restore; a copy typed on an older version lost a race with a save that already carries
 * it (or with another device) and must not overwrite the newer record.
 */

export interface LocalDraft {
  noteId: string;
  baseVersion: number;
  content: DraftNote;
  savedAt: string;
}

/** The part of localStorage the store uses, so tests can pass a plain map. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  key(index: number): string | null;
  readonly length: number;
}

const PREFIX = 'fascia.note-draft.';

export const draftKey = (noteId: string, version: number) => `${PREFIX}${noteId}.v${version}`;

function keysOf(store: KeyValueStore, noteId: string): string[] {
  const keys: string[] = [];
  for (let i = 0; i < store.length; i += 1) {
    const key = store.key(i);
    if (key?.startsWith(`${PREFIX}${noteId}.v`)) keys.push(key);
  }
  return keys;
}

/** Keeps one copy per note: the newest, typed on `baseVersion`. A full disk only loses the copy. */
export function writeLocalDraft(store: KeyValueStore, draft: LocalDraft): boolean {
  try {
    for (const key of keysOf(store, draft.noteId)) {
      if (key !== draftKey(draft.noteId, draft.baseVersion)) store.removeItem(key);
    }
    store.setItem(draftKey(draft.noteId, draft.baseVersion), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function clearLocalDraft(store: KeyValueStore, noteId: string): void {
  for (const key of keysOf(store, noteId)) store.removeItem(key);
}

/** Property order differs between what the server returns and what the form built. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

export type RestoreDecision =
  | { restore: true; draft: LocalDraft }
  | { restore: false; reason: 'none' | 'same_as_server' | 'stale' | 'signed' | 'unreadable' };

/** What to do with this device's copy when a note opens. Stale and redundant copies are removed. */
export function pickLocalDraft(
  store: KeyValueStore,
  server: { id: string; version: number; status: 'draft' | 'signed'; content: DraftNote },
): RestoreDecision {
  const keys = keysOf(store, server.id);
  if (keys.length === 0) return { restore: false, reason: 'none' };
  const current = draftKey(server.id, server.version);
  const decide = (): RestoreDecision => {
    if (server.status === 'signed') return { restore: false, reason: 'signed' };
    const raw = store.getItem(current);
    if (raw === null) return { restore: false, reason: 'stale' };
    let draft: LocalDraft;
    try {
      draft = JSON.parse(raw) as LocalDraft;
    } catch {
      return { restore: false, reason: 'unreadable' };
    }
    if (draft.baseVersion !== server.version || typeof draft.content !== 'object' || draft.content === null) {
      return { restore: false, reason: 'unreadable' };
    }
    if (canonical(draft.content) === canonical(server.content))
      return { restore: false, reason: 'same_as_server' };
    return { restore: true, draft };
  };
  const decision = decide();
  for (const key of keys) {
    if (!decision.restore || key !== current) store.removeItem(key);
  }
  return decision;
}
