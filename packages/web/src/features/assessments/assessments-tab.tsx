import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { QueryState } from '../../components/query-state.tsx';
import { hasPermission, useSession } from '../auth/session-query.ts';
import { KIND_LABELS, useAssessments } from './assessments-api.ts';
import { NewAssessmentModal } from './new-assessment-modal.tsx';

/** The patient's assessments, latest first, and the way to start the next one. */
export function AssessmentsTab({ patientId }: { patientId: string }) {
  const assessments = useAssessments(patientId);
  const { data: session } = useSession();
  const canWrite = hasPermission(session, 'clinical.write');
  const [opened, setOpened] = useState(false);

  return (
    <QueryState query={assessments} label="assessments">
      {(items) => (
        <Stack>
          <Group justify="space-between">
            <Text c="dimmed">
              Initial evaluation, re-evaluations and discharge: the baseline the plan of care and progress
              reports compare with.
            </Text>
            {canWrite && <Button onClick={() => setOpened(true)}>New assessment</Button>}
          </Group>
          {items.length === 0 ? (
            <Text>No assessments yet.</Text>
          ) : (
            <Table striped highlightOnHover aria-label="Assessments">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Date</Table.Th>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th>Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/patients/${patientId}/assessments/${a.id}`}>
                        {formatDate(a.performedOn)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{KIND_LABELS[a.kind] ?? a.kind}</Table.Td>
                    <Table.Td>
                      {a.status === 'signed' ? (
                        <Badge variant="light">Signed {formatDateTime(a.signedAt)}</Badge>
                      ) : (
                        <Badge color="yellow" variant="light">
                          Draft
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {opened && (
            <NewAssessmentModal
              patientId={patientId}
              existing={items}
              opened
              onClose={() => setOpened(false)}
            />
          )}
        </Stack>
      )}
    </QueryState>
  );
}
