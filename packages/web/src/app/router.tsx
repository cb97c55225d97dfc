import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import type { Session } from '../api/types.ts';
import { PlannedAreaPage } from '../components/planned-area-page.tsx';
import { PageLoader } from '../components/query-state.tsx';
import { sessionQuery, useSession } from '../features/auth/session-query.ts';
import { SignInPage } from '../features/auth/sign-in-page.tsx';
import { SignedOutPage } from '../features/auth/signed-out-page.tsx';
import { patientQuery } from '../features/patients/patients-api.ts';
import { AppLayout } from './app-layout.tsx';
import { adminNav } from './navigation.ts';
import { NotFoundPage } from './not-found-page.tsx';
import { queryClient } from './providers.tsx';
import { RequirePermission, RequireSession } from './require-session.tsx';
import { RouteErrorPage } from './route-error-page.tsx';

/**
 * A page whose code (and the libraries only it uses) loads the first time its route matches, so
 * the sign-in route ships only the shell. A cold load shows a loader until the chunk has arrived
 * (the loaders below have meanwhile started the requests the page needs); a navigation inside the
 * app keeps the current page until the next one is ready, with a small loader in the header.
 */
function page(
  load: () => Promise<ComponentType>,
  anyOf?: string[],
): Pick<RouteObject, 'lazy' | 'hydrateFallbackElement'> {
  return {
    hydrateFallbackElement: <PageLoader />,
    lazy: async () => {
      const Page = await load();
      return {
        element: anyOf ? (
          <RequirePermission anyOf={anyOf}>
            <Page />
          </RequirePermission>
        ) : (
          <Page />
        ),
      };
    },
  };
}

function AdminIndex() {
  const { data } = useSession();
  const first = data ? adminNav(data as Session)[0] : undefined;
  return first ? <Navigate to={first.to} replace /> : <NotFoundPage />;
}

export const router = createBrowserRouter([
  {
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/signed-out', element: <SignedOutPage /> },
      {
        path: '/invite/:token',
        ...page(() =>
          import('../features/auth/accept-invitation-page.tsx').then((m) => m.AcceptInvitationPage),
        ),
      },
      {
        path: '/enrol-2fa',
        ...page(() => import('../features/auth/enrol-two-factor-page.tsx').then((m) => m.EnrolTwoFactorPage)),
      },
      // The patient's questionnaires on the clinic tablet: outside the workspace, no navigation.
      {
        path: '/kiosk/:token',
        ...page(() => import('../features/kiosk/kiosk-page.tsx').then((m) => m.KioskPage)),
      },
      // A referring physician opens a shared report here, without an account.
      {
        path: '/share/:token',
        ...page(() =>
          import('../features/sharing/shared-document-page.tsx').then((m) => m.SharedDocumentPage),
        ),
      },
      {
        path: '/',
        // The session request starts with the page's code rather than after it has arrived and
        // rendered; the loader does not wait for it (RequireSession does) and need not run again.
        loader: () => {
          void queryClient.prefetchQuery(sessionQuery);
          return null;
        },
        shouldRevalidate: () => false,
        hydrateFallbackElement: <PageLoader label="Loading your session" />,
        element: <RequireSession>{(session) => <AppLayout session={session} />}</RequireSession>,
        children: [
          { index: true, ...page(() => import('../features/home/home-page.tsx').then((m) => m.HomePage)) },
          {
            path: 'patients',
            ...page(
              () => import('../features/patients/patient-list-page.tsx').then((m) => m.PatientListPage),
              ['patients.read'],
            ),
          },
          {
            path: 'patients/new',
            ...page(
              () =>
                import('../features/patients/patient-register-page.tsx').then((m) => m.PatientRegisterPage),
              ['patients.write'],
            ),
          },
          {
            path: 'patients/:patientId/notes/:noteId',
            ...page(
              () => import('../features/notes/note-page.tsx').then((m) => m.NotePage),
              ['clinical.read_own', 'clinical.read_all'],
            ),
          },
          {
            path: 'patients/:patientId/plans/:planId',
            ...page(
              () => import('../features/plans/plan-editor-page.tsx').then((m) => m.PlanEditorPage),
              ['clinical.read_own', 'clinical.read_all'],
            ),
          },
          {
            path: 'patients/:patientId/assessments/:assessmentId',
            ...page(
              () => import('../features/assessments/assessment-page.tsx').then((m) => m.AssessmentPage),
              ['clinical.read_own', 'clinical.read_all'],
            ),
          },
          {
            path: 'patients/:id/:tab?',
            // Likewise the chart's patient, alongside the session and the chart's code.
            loader: ({ params }) => {
              void queryClient.prefetchQuery(patientQuery(params.id ?? ''));
              return null;
            },
            // Switching tabs keeps the patient (and its cached record).
            shouldRevalidate: ({ currentParams, nextParams }) => currentParams.id !== nextParams.id,
            ...page(
              () => import('../features/patients/patient-chart-page.tsx').then((m) => m.PatientChartPage),
              ['patients.read'],
            ),
          },
          {
            path: 'providers',
            ...page(
              () => import('../features/providers/providers-page.tsx').then((m) => m.ProvidersPage),
              ['referrals.read'],
            ),
          },
          {
            path: 'schedule',
            element: (
              <PlannedAreaPage
                title="Schedule"
                purpose="The clinic's appointment book will live here, with visit series that fit each prescription."
              />
            ),
          },
          {
            path: 'billing',
            element: (
              <PlannedAreaPage
                title="Billing"
                purpose="Charges, claims and superbills for completed visits will live here."
              />
            ),
          },
          {
            path: 'reports',
            element: (
              <PlannedAreaPage
                title="Reports"
                purpose="Progress reports and discharge summaries for referring physicians will live here."
              />
            ),
          },
          {
            path: 'account/password',
            ...page(() =>
              import('../features/auth/change-password-page.tsx').then((m) => m.ChangePasswordPage),
            ),
          },
          {
            path: 'account/profile',
            ...page(() => import('../features/account/profile-page.tsx').then((m) => m.ProfilePage)),
          },
          { path: 'admin', element: <AdminIndex /> },
          {
            path: 'admin/staff',
            ...page(
              () => import('../features/staff/staff-page.tsx').then((m) => m.StaffPage),
              ['staff.manage'],
            ),
          },
          {
            path: 'admin/audit',
            ...page(
              () => import('../features/audit/audit-page.tsx').then((m) => m.AuditPage),
              ['audit.read'],
            ),
          },
          {
            path: 'admin/settings',
            ...page(
              () => import('../features/settings/settings-page.tsx').then((m) => m.SettingsPage),
              ['organization.read'],
            ),
          },
          {
            path: 'admin/outbox',
            ...page(
              () => import('../features/outbox/outbox-page.tsx').then((m) => m.OutboxPage),
              ['outbox.read'],
            ),
          },
          {
            path: 'admin/home-care',
            ...page(
              () => import('../features/home-care/home-care-page.tsx').then((m) => m.HomeCarePage),
              ['staff.manage'],
            ),
          },
          {
            path: 'admin/api-keys',
            ...page(
              () => import('../features/api-keys/api-keys-page.tsx').then((m) => m.ApiKeysPage),
              ['data.export'],
            ),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
