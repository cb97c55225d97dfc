import type { Coverage } from '@fascia/domain/patients/patient.schema';
import { Badge, Button, Group, Modal, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { formatDate } from '../../components/format.ts';
import { QueryState } from '../../components/query-state.tsx';
import { hasPermission, useSession } from '../auth/session-query.ts';
import { CoverageForm, ORDER_OPTIONS, RELATIONSHIP_OPTIONS } from './coverage-form.tsx';
import { type CoverageView, useCoverages } from './patients-api.ts';

const label = (options: { value: string; label: string }[], value: string) =>
  options.find((o) => o.value === value)?.label ?? value;

export function CoveragesTab({ patientId }: { patientId: string }) {
  const { data: session } = useSession();
  const coverages = useCoverages(patientId);
  // undefined: no form open; null: adding; a view: editing that coverage.
  const [editing, setEditing] = useState<CoverageView | null | undefined>(undefined);
  const canWrite = hasPermission(session, 'patients.write');

  return (
    <Stack>
      <Group justify="space-between">
        <Text c="dimmed">Insurance that pays for this patient's care, primary first.</Text>
        {canWrite && <Button onClick={() => setEditing(null)}>Add coverage</Button>}
      </Group>
      <QueryState query={coverages} label="coverages">
        {({ items }) =>
          items.length === 0 ? (
            <Paper withBorder p="md">
              <Text c="dimmed">No insurance on file (self-pay).</Text>
            </Paper>
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing="sm" aria-label="Coverages">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Order</Table.Th>
                    <Table.Th>Payer</Table.Th>
                    <Table.Th>Member ID</Table.Th>
                    <Table.Th>Group</Table.Th>
                    <Table.Th>Subscriber</Table.Th>
                    <Table.Th>Valid</Table.Th>
                    {canWrite && (
                      <Table.Th>
                        <VisuallyHidden>Actions</VisuallyHidden>
                      </Table.Th>
                    )}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((item) => (
                    <CoverageRow
                      key={item.id}
                      coverage={item.coverage}
                      onEdit={canWrite ? () => setEditing(item) : undefined}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
      <Modal
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
        title={editing ? 'Edit coverage' : 'Add coverage'}
        size="lg"
      >
        {editing !== undefined && (
          <CoverageForm patientId={patientId} existing={editing} onDone={() => setEditing(undefined)} />
        )}
      </Modal>
    </Stack>
  );
}

function CoverageRow({ coverage: c, onEdit }: { coverage: Coverage; onEdit?: () => void }) {
  const subscriber =
    c.relationship === 'self' || !c.subscriber
      ? 'Patient'
      : `${c.subscriber.name.given} ${c.subscriber.name.family} (${label(RELATIONSHIP_OPTIONS, c.relationship)})`;
  return (
    <Table.Tr>
      <Table.Td>
        <Badge variant="light" color={c.order === 'primary' ? 'teal' : 'gray'}>
          {label(ORDER_OPTIONS, c.order)}
        </Badge>
      </Table.Td>
      <Table.Td>{c.payerName}</Table.Td>
      <Table.Td>{c.memberId}</Table.Td>
      <Table.Td>{c.groupNumber ?? '—'}</Table.Td>
      <Table.Td>{subscriber}</Table.Td>
      <Table.Td>
        {c.validFrom || c.validUntil ? `${formatDate(c.validFrom)} – ${formatDate(c.validUntil)}` : '—'}
      </Table.Td>
      {onEdit && (
        <Table.Td>
          <Button variant="subtle" size="xs" onClick={onEdit} aria-label={`Edit ${c.payerName} coverage`}>
            Edit
          </Button>
        </Table.Td>
      )}
    </Table.Tr>
  );
}
