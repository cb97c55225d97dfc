import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Session } from '../api/types.ts';
import { QueryState } from '../components/query-state.tsx';
import { hasPermission, sessionEndedForInactivity, useSession } from '../features/auth/session-query.ts';
import { NotFoundPage } from './not-found-page.tsx';

/** Everything inside the workspace needs a fully signed-in session; other stages go to their step. */
export function RequireSession({ children }: { children: (session: Session) => ReactNode }) {
  const session = useSession();
  const location = useLocation();
  return (
    <QueryState query={session} label="your session">
      {(s) => {
        if (!s && sessionEndedForInactivity()) return <Navigate to="/signed-out?reason=idle" replace />;
        if (!s || s.stage === 'mfa_required') {
          return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
        }
        if (s.stage === 'mfa_enrol_required') return <Navigate to="/enrol-2fa" replace />;
        return children(s);
      }}
    </QueryState>
  );
}

/**
 * Hides a screen from roles without its permission. The server refuses the data anyway; this
 * only spares the person an error page, and answers like an unknown address.
 */
export function RequirePermission({ anyOf, children }: { anyOf: string[]; children: ReactNode }) {
  const session = useSession();
  if (!anyOf.some((p) => hasPermission(session.data, p))) return <NotFoundPage />;
  return <>{children}</>;
}
