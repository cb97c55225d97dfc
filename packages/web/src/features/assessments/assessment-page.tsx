import { Alert, Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { hasPermission, useSession } from '../auth/session-query.ts';
import { AddendaPanel } from './addenda-panel.tsx';
import { AssessmentEditor } from './assessment-editor.tsx';
import { AssessmentSections } from './assessment-sections.tsx';
import { type AssessmentView, KIND_LABELS, useAssessment } from './assessments-api.ts';

interface PatientName {
  record: { legalName: { given: string; family: string }; preferredName?: string };
}

/** The patient's name for the header; same cache entry as the patient chart's. */
function usePatientName(id: string) {
  return useQuery({
    queryKey: ['patients', id],
    queryFn: () => api.get<PatientName>(`/patients/${encodeURIComponent(id)}`),
    select: (p) => `${p.record.preferredName ?? p.record.legalName.given} ${p.record.legalName.family}`,
  });
}

export function AssessmentPage() {
  const { patientId = '', assessmentId = '' } = useParams();
  const assessment = useAssessment(assessmentId);
  const patient = usePatientName(patientId);
  const { data: session } = useSession();
  const canWrite = hasPermission(session, 'clinical.write');

  return (
    <QueryState query={assessment} label="the assessment">
      {(view) => (
        <Stack>
          <PageHeader
            title={`${KIND_LABELS[view.kind]}${patient.data ? ` · ${patient.data}` : ''}`}
            description={
              <Group gap="xs" component="span">
                <Anchor component={Link} to={`/patients/${patientId}/assessments`}>
                  Back to the patient’s assessments
                </Anchor>
                <Text span>· {formatDate(view.performedOn)}</Text>
                <Badge color={view.status === 'signed' ? 'blue' : 'yellow'} variant="light">
                  {view.status === 'signed' ? 'Signed' : 'Draft'}
                </Badge>
              </Group>
            }
          />
          {view.status === 'draft' && canWrite ? (
            <AssessmentEditor key={view.id} view={view} />
          ) : (
            <SignedAssessment view={view} canWrite={canWrite} />
          )}
        </Stack>
      )}
    </QueryState>
  );
}

function SignedAssessment({ view, canWrite }: { view: AssessmentView; canWrite: boolean }) {
  return (
    <Stack>
      {view.status === 'signed' ? (
        <Alert color="blue" variant="light" title="Signed and locked" role="status">
          Signed {formatDateTime(view.signedAt)}. The record cannot change; corrections are added as addenda
          below. Content fingerprint {view.contentHash?.slice(0, 12)}.
        </Alert>
      ) : (
        <Alert color="yellow" variant="light" title="Draft">
          This draft is shown read-only because your role does not write clinical records.
        </Alert>
      )}
      <AssessmentSections
        view={view}
        content={view.content}
        setContent={() => undefined}
        problems={[]}
        readOnly
        performedOn={view.performedOn}
      />
      {view.status === 'signed' && <AddendaPanel view={view} canWrite={canWrite} />}
    </Stack>
  );
}
