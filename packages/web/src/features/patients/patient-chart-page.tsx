import { visibleChartTabs } from '@fascia/domain/access/chart-tabs';
import { Badge, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { lazy, Suspense, useEffect } from 'react';
import { useNavigate, useParams } from 'react-router';
import { formatDate } from '../../components/format.ts';
import { PageLoader, QueryState } from '../../components/query-state.tsx';
import { hasPermission, useSession } from '../auth/session-query.ts';
import { EmergencyAccessPanel } from './emergency-access.tsx';
import { PatientAlerts } from './patient-alerts.tsx';
import { PatientOverviewTab } from './patient-overview-tab.tsx';
import { ageOn, fullName, localToday, type PatientView, usePatient } from './patients-api.ts';

// A tab's code loads the first time it is opened, so opening a chart fetches only the header and
// the overview; the clinical tabs (and the catalogues they carry) follow on demand.
const HistoryTab = lazy(() => import('./history-tab.tsx').then((m) => ({ default: m.HistoryTab })));
const CoveragesTab = lazy(() => import('./coverages-tab.tsx').then((m) => ({ default: m.CoveragesTab })));
const ReferralsTab = lazy(() =>
  import('../referrals/referrals-tab.tsx').then((m) => ({ default: m.ReferralsTab })),
);
const ScreeningTab = lazy(() =>
  import('../screening/screening-tab.tsx').then((m) => ({ default: m.ScreeningTab })),
);
const PlansTab = lazy(() => import('../plans/plans-tab.tsx').then((m) => ({ default: m.PlansTab })));
const NotesTab = lazy(() => import('../notes/notes-tab.tsx').then((m) => ({ default: m.NotesTab })));
const AssessmentsTab = lazy(() =>
  import('../assessments/assessments-tab.tsx').then((m) => ({ default: m.AssessmentsTab })),
);
const OutcomesTab = lazy(() =>
  import('../outcomes/outcomes-tab.tsx').then((m) => ({ default: m.OutcomesTab })),
);
const DocumentsTab = lazy(() =>
  import('../reports/documents-tab.tsx').then((m) => ({ default: m.DocumentsTab })),
);

export function PatientChartPage() {
  const { id = '', tab = 'overview' } = useParams();
  const patient = usePatient(id);
  return (
    <QueryState query={patient} label="the patient">
      {(p) => <Chart patient={p} tab={tab} />}
    </QueryState>
  );
}

/** Read by bench/web.ts and the e2e lane: when a cold load of a chart first shows the patient. */
const CHART_READY_MARK = 'fascia:chart-ready';

function Chart({ patient, tab }: { patient: PatientView; tab: string }) {
  const navigate = useNavigate();
  // Once per page load: the header below has the patient's data the first time this effect runs;
  // later charts opened in the same page are not cold loads and must not move the mark.
  useEffect(() => {
    if (performance.getEntriesByName(CHART_READY_MARK, 'mark').length === 0)
      performance.mark(CHART_READY_MARK);
  }, []);
  const { data: session } = useSession();
  const clinical = hasPermission(session, 'clinical.read_own') || hasPermission(session, 'clinical.read_all');
  const referrals = hasPermission(session, 'referrals.read');
  const mayBreakGlass = hasPermission(session, 'clinical.emergency_access');
  const onTeam = patient.careTeam.some((m) => m.id === session?.user.id);
  const documents = hasPermission(session, 'reports.read');
  const { record } = patient;
  const tabs = visibleChartTabs((p) => hasPermission(session, p));
  const active = tabs.some((t) => t.value === tab) ? tab : 'overview';

  return (
    <Stack>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Group justify="space-between" align="baseline" wrap="wrap">
            <Title order={1} size="h2">
              {fullName(record.legalName)}
              {record.preferredName && (
                <Text span c="dimmed" fw={400} size="lg">
                  {' '}
                  ({record.preferredName})
                </Text>
              )}
            </Title>
            <Group gap="xs">
              <Text data-testid="patient-age">
                {ageOn(record.dateOfBirth, localToday())} years · born {formatDate(record.dateOfBirth)}
              </Text>
              {record.pronouns && <Badge variant="light">{record.pronouns}</Badge>}
            </Group>
          </Group>
          {patient.alerts && <PatientAlerts alerts={patient.alerts} />}
          {mayBreakGlass && !onTeam && (
            <EmergencyAccessPanel patientId={patient.id} hasAccess={patient.alerts !== undefined} />
          )}
        </Stack>
      </Paper>
      <Tabs
        value={active}
        onChange={(value) => navigate(`/patients/${patient.id}${value === 'overview' ? '' : `/${value}`}`)}
        keepMounted={false}
      >
        <Tabs.List>
          {tabs.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Suspense fallback={<PageLoader label="Loading the tab" />}>
          <Tabs.Panel value="overview" pt="md">
            <PatientOverviewTab patient={patient} />
          </Tabs.Panel>
          {clinical && (
            <Tabs.Panel value="history" pt="md">
              <HistoryTab patientId={patient.id} />
            </Tabs.Panel>
          )}
          <Tabs.Panel value="insurance" pt="md">
            <CoveragesTab patientId={patient.id} />
          </Tabs.Panel>
          {referrals && (
            <Tabs.Panel value="referrals" pt="md">
              <ReferralsTab patientId={patient.id} />
            </Tabs.Panel>
          )}
          {clinical && (
            <Tabs.Panel value="screening" pt="md">
              <ScreeningTab patientId={patient.id} />
            </Tabs.Panel>
          )}
          {clinical && (
            <Tabs.Panel value="plans" pt="md">
              <PlansTab patientId={patient.id} canWrite={hasPermission(session, 'clinical.write')} />
            </Tabs.Panel>
          )}
          {clinical && (
            <Tabs.Panel value="notes" pt="md">
              <NotesTab patientId={patient.id} canWrite={hasPermission(session, 'clinical.write')} />
            </Tabs.Panel>
          )}
          {clinical && (
            <Tabs.Panel value="assessments" pt="md">
              <AssessmentsTab patientId={patient.id} />
            </Tabs.Panel>
          )}
          {clinical && (
            <Tabs.Panel value="outcomes" pt="md">
              <OutcomesTab patientId={patient.id} />
            </Tabs.Panel>
          )}
          {documents && (
            <Tabs.Panel value="documents" pt="md">
              <DocumentsTab patientId={patient.id} />
            </Tabs.Panel>
          )}
        </Suspense>
      </Tabs>
    </Stack>
  );
}
