import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { api, millisecondsSinceLastRequest } from '../../api/client.ts';

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;
const SHARED_KEY = 'fascia.lastActivity';
const CHECK_EVERY_MS = 10_000;

/**
 * Leaves for the "signed out after inactivity" page once nobody has used the app for the clinic's
 * idle limit. The check runs on an interval against the clock rather than one long timeout,
 * because browsers pause timers in background tabs. Activity in another tab of the same browser
 * counts too (shared through localStorage), so one forgotten tab does not end a colleague's work.
 */
export function useIdleSignOut(idleMinutes: number): void {
  const navigate = useNavigate();

  useEffect(() => {
    const idleMs = Math.max(1, idleMinutes) * 60_000;
    // Reading or typing a long note makes no requests, so the server's idle clock would run out
    // while the person is plainly present; touch the session now and then while they are active.
    const touchAfterMs = Math.min(idleMs / 3, 5 * 60_000);
    let lastActivity = Date.now();
    let lastShared = 0;
    let touching = false;
    let ended = false;

    const onActivity = () => {
      const now = Date.now();
      lastActivity = now;
      if (now - lastShared > 5_000) {
        lastShared = now;
        try {
          localStorage.setItem(SHARED_KEY, String(now));
        } catch {
          // Private browsing may refuse storage; this tab's own clock still works.
        }
      }
      if (!touching && millisecondsSinceLastRequest(now) > touchAfterMs) {
        touching = true;
        api
          .get('/auth/session')
          .catch(() => undefined)
          .finally(() => {
            touching = false;
          });
      }
    };

    const lastSeen = () => {
      let shared = 0;
      try {
        shared = Number(localStorage.getItem(SHARED_KEY)) || 0;
      } catch {
        shared = 0;
      }
      return Math.max(lastActivity, shared);
    };

    const check = () => {
      if (ended || Date.now() - lastSeen() < idleMs) return;
      ended = true;
      // The request takes the CSRF token now, before the signed-out page forgets it; a 401 reply
      // (the server expired the session first) arrives on a public page and is ignored.
      void api.post('/auth/sign-out').catch(() => undefined);
      navigate('/signed-out?reason=idle', { replace: true });
    };

    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, onActivity, { passive: true, capture: true });
    document.addEventListener('visibilitychange', check);
    const timer = window.setInterval(check, CHECK_EVERY_MS);
    return () => {
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, onActivity, { capture: true });
      document.removeEventListener('visibilitychange', check);
      window.clearInterval(timer);
    };
  }, [idleMinutes, navigate]);
}
