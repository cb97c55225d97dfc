import type { DraftNote } from '@fascia/domain/sessions/session-note.schema';
import { describe, expect, it } from 'vitest';
import {
  clearLocalDraft,
  draftKey,
  type KeyValueStore,
  pickLocalDraft,
  writeLocalDraft,
} from './note-draft-store.ts';

function memoryStore(): KeyValueStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
    key: (i) => [...map.keys()][i] ?? null,
    get length() {
      return map.size;
    },
  };
}

const base = {
  patientId: 'p',
  visitDate: '2026-11-23',
  outcome: 'treated',
  overrides: [],
  carriedOver: [],
  subjective: { screeningId: 's' },
  objective: {},
  assessment: {},
  plan: {},
} as DraftNote;
const typed = { ...base, subjective: { screeningId: 's', report: 'Sitting still hard' } } as DraftNote;
const at = '2026-11-23T09:00:00Z';

describe('the copy of a draft note kept on the device', () => {
  it('is restored when it holds text the server does not have yet, on the same version', () => {
    const store = memoryStore();
    writeLocalDraft(store, { noteId: 'n', baseVersion: 3, content: typed, savedAt: at });
    const decision = pickLocalDraft(store, { id: 'n', version: 3, status: 'draft', content: base });
    expect(decision.restore && decision.draft.content.subjective.report).toBe('Sitting still hard');
    expect(store.map.has(draftKey('n', 3))).toBe(true);
  });

  it('is dropped when the server already has the same text (property order aside)', () => {
    const store = memoryStore();
    writeLocalDraft(store, { noteId: 'n', baseVersion: 3, content: typed, savedAt: at });
    const reordered = Object.fromEntries(Object.entries(typed).reverse()) as DraftNote;
    expect(pickLocalDraft(store, { id: 'n', version: 3, status: 'draft', content: reordered })).toEqual({
      restore: false,
      reason: 'same_as_server',
    });
    expect(store.length).toBe(0);
  });

  it('never overwrites a newer server version or a signed note', () => {
    const store = memoryStore();
    writeLocalDraft(store, { noteId: 'n', baseVersion: 3, content: typed, savedAt: at });
    expect(pickLocalDraft(store, { id: 'n', version: 4, status: 'draft', content: base })).toEqual({
      restore: false,
      reason: 'stale',
    });
    writeLocalDraft(store, { noteId: 'n', baseVersion: 4, content: typed, savedAt: at });
    expect(pickLocalDraft(store, { id: 'n', version: 4, status: 'signed', content: base })).toEqual({
      restore: false,
      reason: 'signed',
    });
    expect(store.length).toBe(0);
  });

  it('keeps one copy per note, and clearing touches only that note', () => {
    const store = memoryStore();
    writeLocalDraft(store, { noteId: 'n', baseVersion: 1, content: typed, savedAt: at });
    writeLocalDraft(store, { noteId: 'n', baseVersion: 2, content: typed, savedAt: at });
    writeLocalDraft(store, { noteId: 'other', baseVersion: 1, content: typed, savedAt: at });
    expect([...store.map.keys()].sort()).toEqual([draftKey('n', 2), draftKey('other', 1)]);
    clearLocalDraft(store, 'n');
    expect([...store.map.keys()]).toEqual([draftKey('other', 1)]);
  });

  it('reports a full device instead of throwing', () => {
    const store = {
      ...memoryStore(),
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(writeLocalDraft(store, { noteId: 'n', baseVersion: 1, content: typed, savedAt: at })).toBe(false);
  });
});
