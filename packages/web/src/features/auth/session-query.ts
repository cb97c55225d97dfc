import { type QueryClient, queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../api/client.ts';
import type { Session } from '../../api/types.ts';

export const SESSION_KEY = ['session'] as const;

let endedForInactivity = false;

/**
 * True when the last session check found the session ended by the idle timeout, so that a reload
 * lands on "Signed out after inactivity" rather than a bare sign-in form.
 */
export function sessionEndedForInactivity(): boolean {
  return endedForInactivity;
}

/** The signed-in session, or null when there is none (asked without a 401 when signed out). */
export async function fetchSession(): Promise<Session | null> {
  const { session, ended } = await api.get<{ session: Session | null; ended: string | null }>('/auth/status');
  setCsrfToken(session?.csrfToken ?? null);
  endedForInactivity = session === null && ended === 'idle_timeout';
  return session;
}

/** Shared by useSession and the workspace route's loader, which asks before the page renders. */
export const sessionQuery = queryOptions({
  queryKey: SESSION_KEY,
  queryFn: fetchSession,
  staleTime: 60_000,
  retry: false,
});

export function useSession() {
  return useQuery(sessionQuery);
}

/** The session a sign-in step returned replaces the cached one (its CSRF token may be new). */
export function storeSession(queryClient: QueryClient, session: Session | null): void {
  setCsrfToken(session?.csrfToken ?? null);
  queryClient.setQueryData(SESSION_KEY, session);
}

/** Forget everything cached for the previous user, keeping only "no session". */
export function forgetSession(queryClient: QueryClient, keep: readonly string[] = []): void {
  setCsrfToken(null);
  queryClient.removeQueries({
    predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] && !keep.includes(String(q.queryKey[0])),
  });
  queryClient.setQueryData(SESSION_KEY, null);
}

export function useStoreSession() {
  const queryClient = useQueryClient();
  return (session: Session | null) => storeSession(queryClient, session);
}

/** Where a session at a given stage belongs after a sign-in step. */
export function nextPathForSession(session: Session, wanted = '/'): string {
  if (session.stage === 'mfa_enrol_required') return '/enrol-2fa';
  if (session.stage === 'mfa_required') return '/sign-in';
  return wanted;
}

export function hasPermission(session: Session | null | undefined, permission: string): boolean {
  return session?.permissions.includes(permission) ?? false;
}
