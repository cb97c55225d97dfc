import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiProblem } from '../../api/client.ts';
import { describeError } from '../../components/query-state.tsx';
import { type AssessmentContent, cleanContent } from './assessment-content.ts';
import { type AssessmentView, assessmentKey, type DraftBody, saveAssessment } from './assessments-api.ts';

export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'error' | 'conflict';

const DEBOUNCE_MS = 700;

export type DraftMeta = Pick<DraftBody, 'kind' | 'performedOn' | 'referralId'>;

/**
 * Keeps a draft assessment saved while the therapist types: changes are sent after a short pause,
 * one request at a time (the version each save returns is the one the next save must name), so
 * nothing typed is lost and two saves never race each other into a conflict.
 */
export function useAutosave(initial: AssessmentView) {
  const queryClient = useQueryClient();
  const [content, setContentState] = useState<AssessmentContent>(initial.content);
  const [meta, setMetaState] = useState<DraftMeta>({
    kind: initial.kind,
    performedOn: initial.performedOn,
    ...(initial.referralId ? { referralId: initial.referralId } : {}),
  });
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState(initial.problems);

  const latest = useRef({ content, meta });
  const version = useRef(initial.version);
  const timer = useRef<number | undefined>(undefined);
  const inFlight = useRef<Promise<AssessmentView | undefined> | null>(null);
  const dirty = useRef(false);

  const save = useCallback(async (): Promise<AssessmentView | undefined> => {
    if (inFlight.current) {
      while (inFlight.current) await inFlight.current;
      if (!dirty.current) return queryClient.getQueryData<AssessmentView>(assessmentKey(initial.id));
    }
    dirty.current = false;
    setStatus('saving');
    const { content: body, meta: m } = latest.current;
    const run = saveAssessment(initial.id, { ...m, content: cleanContent(body), version: version.current })
      .then((view) => {
        version.current = view.version;
        setProblems(view.problems);
        queryClient.setQueryData(assessmentKey(initial.id), view);
        setError(null);
        setStatus(dirty.current ? 'unsaved' : 'saved');
        return view;
      })
      .catch((err: unknown) => {
        dirty.current = true;
        const conflict = err instanceof ApiProblem && err.status === 409;
        setStatus(conflict ? 'conflict' : 'error');
        setError(describeError(err));
        return undefined;
      })
      .finally(() => {
        inFlight.current = null;
      });
    inFlight.current = run;
    return run;
  }, [initial.id, queryClient]);

  const schedule = useCallback(() => {
    dirty.current = true;
    setStatus('unsaved');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void save(), DEBOUNCE_MS);
  }, [save]);

  const setContent = useCallback(
    (update: (current: AssessmentContent) => AssessmentContent) => {
      setContentState((current) => {
        const next = update(current);
        latest.current = { ...latest.current, content: next };
        return next;
      });
      schedule();
    },
    [schedule],
  );

  const setMeta = useCallback(
    (update: Partial<DraftMeta>) => {
      setMetaState((current) => {
        const next = { ...current, ...update };
        latest.current = { ...latest.current, meta: next };
        return next;
      });
      schedule();
    },
    [schedule],
  );

  /** Saves now (before signing), returning the saved view or undefined when saving failed. */
  const flush = useCallback(async () => {
    window.clearTimeout(timer.current);
    if (!dirty.current && !inFlight.current) {
      return queryClient.getQueryData<AssessmentView>(assessmentKey(initial.id));
    }
    return save();
  }, [initial.id, queryClient, save]);

  // Leaving the page with a pending change saves it instead of dropping it.
  useEffect(
    () => () => {
      window.clearTimeout(timer.current);
      if (dirty.current) void save();
    },
    [save],
  );

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (dirty.current || inFlight.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  return { content, setContent, meta, setMeta, status, error, problems, flush, version };
}
