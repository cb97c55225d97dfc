import { createBrowserRouter, Navigate } from 'react-router';
import type { Session } from '../api/types.ts';
import { PlannedAreaPage } from '../components/planned-area-page.tsx';
import { ProfilePage } from '../features/account/profile-page.tsx';
import { ApiKeysPage } from '../features/api-keys/api-keys-page.tsx';
import { AssessmentPage } from '../features/assessments/assessment-page.tsx';
import { AuditPage } from '../features/audit/audit-page.tsx';
import { AcceptInvitationPage } from '../features/auth/accept-invitation-page.tsx';
import { ChangePasswordPage } from '../features/auth/change-password-page.tsx';
import { EnrolTwoFactorPage } from '../features/auth/enrol-two-factor-page.tsx';
import { useSession } from '../features/auth/session-query.ts';
import { SignInPage } from '../features/auth/sign-in-page.tsx';
import { SignedOutPage } from '../features/auth/signed-out-page.tsx';
import { HomePage } from '../features/home/home-page.tsx';
import { HomeCarePage } from '../features/home-care/home-care-page.tsx';
import { KioskPage } from '../features/kiosk/kiosk-page.tsx';
import { NotePage } from '../features/notes/note-page.tsx';
import { OutboxPage } from '../features/outbox/outbox-page.tsx';
import { PatientChartPage } from '../features/patients/patient-chart-page.tsx';
import { PatientListPage } from '../features/patients/patient-list-page.tsx';
import { PatientRegisterPage } from '../features/patients/patient-register-page.tsx';
import { PlanEditorPage } from '../features/plans/plan-editor-page.tsx';
import { ProvidersPage } from '../features/providers/providers-page.tsx';
import { SettingsPage } from '../features/settings/settings-page.tsx';
import { SharedDocumentPage } from '../features/sharing/shared-document-page.tsx';
import { StaffPage } from '../features/staff/staff-page.tsx';
import { AppLayout } from './app-layout.tsx';
import { adminNav } from './navigation.ts';
import { NotFoundPage } from './not-found-page.tsx';
import { RequirePermission, RequireSession } from './require-session.tsx';
import { RouteErrorPage } from './route-error-page.tsx';

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
      { path: '/invite/:token', element: <AcceptInvitationPage /> },
      { path: '/enrol-2fa', element: <EnrolTwoFactorPage /> },
      // The patient's questionnaires on the clinic tablet: outside the workspace, no navigation.
      { path: '/kiosk/:token', element: <KioskPage /> },
      // A referring physician opens a shared report here, without an account.
      { path: '/share/:token', element: <SharedDocumentPage /> },
      {
        path: '/',
        element: <RequireSession>{(session) => <AppLayout session={session} />}</RequireSession>,
        children: [
          { index: true, element: <HomePage /> },
          {
            path: 'patients',
            element: (
              <RequirePermission anyOf={['patients.read']}>
                <PatientListPage />
              </RequirePermission>
            ),
          },
          {
            path: 'patients/new',
            element: (
              <RequirePermission anyOf={['patients.write']}>
                <PatientRegisterPage />
              </RequirePermission>
            ),
          },
          {
            path: 'patients/:patientId/notes/:noteId',
            element: (
              <RequirePermission anyOf={['clinical.read_own', 'clinical.read_all']}>
                <NotePage />
              </RequirePermission>
            ),
          },
          {
            path: 'patients/:patientId/plans/:planId',
            element: (
              <RequirePermission anyOf={['clinical.read_own', 'clinical.read_all']}>
                <PlanEditorPage />
              </RequirePermission>
            ),
          },
          {
            path: 'patients/:patientId/assessments/:assessmentId',
            element: (
              <RequirePermission anyOf={['clinical.read_own', 'clinical.read_all']}>
                <AssessmentPage />
              </RequirePermission>
            ),
          },
          {
            path: 'patients/:id/:tab?',
            element: (
              <RequirePermission anyOf={['patients.read']}>
                <PatientChartPage />
              </RequirePermission>
            ),
          },
          {
            path: 'providers',
            element: (
              <RequirePermission anyOf={['referrals.read']}>
                <ProvidersPage />
              </RequirePermission>
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
          { path: 'account/password', element: <ChangePasswordPage /> },
          { path: 'account/profile', element: <ProfilePage /> },
          { path: 'admin', element: <AdminIndex /> },
          {
            path: 'admin/staff',
            element: (
              <RequirePermission anyOf={['staff.manage']}>
                <StaffPage />
              </RequirePermission>
            ),
          },
          {
            path: 'admin/audit',
            element: (
              <RequirePermission anyOf={['audit.read']}>
                <AuditPage />
              </RequirePermission>
            ),
          },
          {
            path: 'admin/settings',
            element: (
              <RequirePermission anyOf={['organization.read']}>
                <SettingsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'admin/outbox',
            element: (
              <RequirePermission anyOf={['outbox.read']}>
                <OutboxPage />
              </RequirePermission>
            ),
          },
          {
            path: 'admin/home-care',
            element: (
              <RequirePermission anyOf={['staff.manage']}>
                <HomeCarePage />
              </RequirePermission>
            ),
          },
          {
            path: 'admin/api-keys',
            element: (
              <RequirePermission anyOf={['data.export']}>
                <ApiKeysPage />
              </RequirePermission>
            ),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
