import { type DraftNote, draftNoteSchema } from '@fascia/domain/sessions/session-note.schema';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiProblem } from '../../api/client.ts';
import { describeError } from '../../components/query-state.tsx';
import { clearLocalDraft, pickLocalDraft, writeLocalDraft } from './note-draft-store.ts';
import { type NoteView, noteKey, saveNote } from './notes-api.ts';

export type NoteSaveStatus = 'saved' | 'unsaved' | 'saving' | 'offline' | 'error' | 'conflict';

const DEBOUNCE_MS = 800;
const RETRY_MS = 5_000;

/**
 * Keeps a draft note safe while the therapist types: every change goes to this device's storage
 * at once (so closing the tab or losing the network loses nothing) and to the server after a
 * short pause, one save at a time, each naming the version the previous save returned.
 */
export function useNoteAutosave(initial: NoteView) {
  const queryClient = useQueryClient();
  const [restored] = useState(() => pickLocalDraft(window.localStorage, initial));
  const [content, setContentState] = useState<DraftNote>(() =>
    restored.restore ? restored.draft.content : initial.content,
  );
  const [view, setView] = useState<NoteView>(initial);
  const [status, setStatus] = useState<NoteSaveStatus>(restored.restore ? 'unsaved' : 'saved');
  const [error, setError] = useState<string | null>(null);

  const latest = useRef(content);
  const version = useRef(initial.version);
  const dirty = useRef(restored.restore);
  const timer = useRef<number | undefined>(undefined);
  const inFlight = useRef<Promise<NoteView | undefined> | null>(null);

  const keepLocal = useCallback(() => {
    writeLocalDraft(window.localStorage, {
      noteId: initial.id,
      baseVersion: version.current,
      content: latest.current,
      savedAt: new Date().toISOString(),
    });
  }, [initial.id]);

  const save = useCallback(async (): Promise<NoteView | undefined> => {
    while (inFlight.current) await inFlight.current;
    if (!dirty.current) return queryClient.getQueryData<NoteView>(noteKey(initial.id));
    // A value still out of range (a blood pressure half typed) stays on this device until it is whole.
    const check = draftNoteSchema.safeParse(latest.current);
    if (!check.success) {
      setStatus('error');
      setError(`Kept on this device until corrected: ${check.error.issues.map((i) => i.message).join('; ')}`);
      return undefined;
    }
    dirty.current = false;
    setStatus('saving');
    const run = saveNote(initial.id, { content: latest.current, version: version.current })
      .then((saved) => {
        version.current = saved.version;
        queryClient.setQueryData(noteKey(initial.id), saved);
        setView(saved);
        setError(null);
        // Typed during the save: the copy moves to the new version; otherwise the server has it all.
        if (dirty.current) keepLocal();
        else clearLocalDraft(window.localStorage, initial.id);
        setStatus(dirty.current ? 'unsaved' : 'saved');
        return saved;
      })
      .catch((err: unknown) => {
        dirty.current = true;
        const offline = err instanceof ApiProblem && err.status === 0;
        const conflict = err instanceof ApiProblem && err.status === 409;
        setStatus(offline ? 'offline' : conflict ? 'conflict' : 'error');
        setError(offline ? null : describeError(err));
        if (offline) {
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(() => void save(), RETRY_MS);
        }
        return undefined;
      })
      .finally(() => {
        inFlight.current = null;
      });
    inFlight.current = run;
    return run;
  }, [initial.id, queryClient, keepLocal]);

  const schedule = useCallback(() => {
    dirty.current = true;
    setStatus((s) => (s === 'offline' ? s : 'unsaved'));
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void save(), DEBOUNCE_MS);
  }, [save]);

  const setContent = useCallback(
    (update: (current: DraftNote) => DraftNote) => {
      const next = update(latest.current);
      latest.current = next;
      setContentState(next);
      keepLocal();
      schedule();
    },
    [keepLocal, schedule],
  );

  /** Saves now (before signing); undefined when the save failed. */
  const flush = useCallback(async () => {
    window.clearTimeout(timer.current);
    return save();
  }, [save]);

  // Restored text goes to the server as soon as the note opens.
  useEffect(() => {
    if (restored.restore) schedule();
  }, [restored, schedule]);

  // No "leave this page?" prompt: the copy on this device already keeps what was typed.
  useEffect(() => {
    const retry = () => {
      if (dirty.current) void save();
    };
    window.addEventListener('online', retry);
    return () => {
      window.removeEventListener('online', retry);
      window.clearTimeout(timer.current);
      if (dirty.current) void save();
    };
  }, [save]);

  return {
    content,
    setContent,
    view,
    setView,
    status,
    error,
    flush,
    version,
    restoredFromDevice: restored.restore ? restored.draft.savedAt : null,
  };
}
