import { useEffect } from 'react';
import { RouterProvider } from 'react-router/dom';
import { setUnauthorizedHandler } from '../api/client.ts';
import { unauthorizedDestination } from '../api/problem.ts';
import { forgetSession } from '../features/auth/session-query.ts';
import { Providers, queryClient } from './providers.tsx';
import { router } from './router.tsx';

export function App() {
  useEffect(() => {
    setUnauthorizedHandler((problem) => {
      const destination = unauthorizedDestination(problem, router.state.location.pathname);
      if (!destination) return;
      // Leave the protected page first, then drop the cache; the other order would let the page
      // briefly see "no session" and race to /sign-in instead of the inactivity page.
      void router.navigate(destination, { replace: true }).then(() => forgetSession(queryClient));
    });
    return () => setUnauthorizedHandler(null);
  }, []);

  return (
    <Providers>
      <RouterProvider router={router} />
    </Providers>
  );
}
