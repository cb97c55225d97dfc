import {
  Badge,
  Button,
  Checkbox,
  Code,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { AuditEvent, AuditOutcome, Page } from '../../api/types.ts';
import { formatDateTime } from '../../components/format.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { describeError, PageLoader } from '../../components/query-state.tsx';
import {
  type AuditFilters,
  auditQuery,
  EMPTY_FILTERS,
  emergencyGrantOf,
  rangeProblem,
} from './audit-query.ts';

const OUTCOMES = [
  { value: 'any', label: 'Any outcome' },
  { value: 'success', label: 'Success' },
  { value: 'failure', label: 'Failure' },
  { value: 'denied', label: 'Denied' },
];

const OUTCOME_COLORS: Record<AuditOutcome, string> = {
  success: 'teal.8',
  failure: 'orange.8',
  denied: 'red.8',
};

export function AuditPage() {
  const [filters, setFilters] = useState<AuditFilters>(EMPTY_FILTERS);
  const audit = useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam }) => api.get<Page<AuditEvent>>('/audit', auditQuery(filters, pageParam)),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

  return (
    <>
      <PageHeader
        title="Audit trail"
        description="Every sign-in, every read and change of a patient's record, and every refusal, newest first. Entries cannot be edited or removed."
      />
      <Stack>
        <FilterForm onApply={setFilters} />
        {audit.isPending ? (
          <PageLoader label="Loading the audit trail" />
        ) : audit.isError ? (
          <Text c="red" role="alert">
            Could not load the audit trail: {describeError(audit.error)}
          </Text>
        ) : (
          <AuditTable events={audit.data.pages.flatMap((p) => p.items)} />
        )}
        {audit.isFetchNextPageError && (
          <Text c="red" role="alert">
            Could not load more: {describeError(audit.error)}
          </Text>
        )}
        {audit.hasNextPage && (
          <Group justify="center">
            <Button variant="light" onClick={() => audit.fetchNextPage()} loading={audit.isFetchingNextPage}>
              Load more
            </Button>
          </Group>
        )}
      </Stack>
    </>
  );
}

function FilterForm({ onApply }: { onApply: (filters: AuditFilters) => void }) {
  const form = useForm<AuditFilters>({
    initialValues: EMPTY_FILTERS,
    validate: { to: (_v, values) => rangeProblem(values) },
  });
  return (
    <Paper withBorder p="md">
      <form onSubmit={form.onSubmit((values) => onApply({ ...values }))} aria-label="Audit filters">
        <SimpleGrid cols={{ base: 2, md: 3 }} spacing="sm">
          <TextInput label="Action" placeholder="e.g. auth.sign_in" {...form.getInputProps('action')} />
          <NativeSelect label="Outcome" data={OUTCOMES} {...form.getInputProps('outcome')} />
          <TextInput label="Patient id" {...form.getInputProps('patientId')} />
          <TextInput label="From" type="date" {...form.getInputProps('from')} />
          <TextInput label="To" type="date" {...form.getInputProps('to')} />
          <Checkbox
            label="Emergency access only"
            description="Charts opened by a therapist off the care team (break the glass), for review"
            mih={44}
            styles={{ body: { alignItems: 'center' } }}
            {...form.getInputProps('emergencyAccess', { type: 'checkbox' })}
          />
        </SimpleGrid>
        <Group gap="sm" mt="md">
          <Button type="submit">Apply filters</Button>
          <Button
            variant="default"
            onClick={() => {
              form.reset();
              onApply(EMPTY_FILTERS);
            }}
          >
            Clear
          </Button>
        </Group>
      </form>
    </Paper>
  );
}

function detailText(detail: unknown): string {
  if (detail === null || detail === undefined || detail === '') return '';
  if (typeof detail === 'string') return detail;
  const text = JSON.stringify(detail);
  return text === '{}' ? '' : text;
}

function AuditTable({ events }: { events: AuditEvent[] }) {
  if (events.length === 0) return <Text c="dimmed">No audit entries match these filters.</Text>;
  // Focusable so a keyboard can scroll the wide table (WCAG 2.1.1, axe scrollable-region-focusable).
  return (
    <Table.ScrollContainer minWidth={900} type="native" tabIndex={0} role="region" aria-label="Audit events">
      <Table verticalSpacing="xs" striped fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Who</Table.Th>
            <Table.Th>Action</Table.Th>
            <Table.Th>Outcome</Table.Th>
            <Table.Th>Patient</Table.Th>
            <Table.Th>Record</Table.Th>
            <Table.Th>From</Table.Th>
            <Table.Th>Detail</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((e) => (
            <Table.Tr key={String(e.seq)}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.occurredAt)}</Table.Td>
              <Table.Td>{e.actorEmail ?? (e.actorId ? e.actorId : 'Anonymous')}</Table.Td>
              <Table.Td>
                <Code>{e.action}</Code>
                {emergencyGrantOf(e.detail) && (
                  <Badge color="orange" variant="light" ml="xs" title="Done under emergency access">
                    Emergency access
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Text span size="sm" fw={600} c={OUTCOME_COLORS[e.outcome] ?? 'gray'}>
                  {e.outcome}
                </Text>
              </Table.Td>
              <Table.Td>{e.patientId ?? ''}</Table.Td>
              <Table.Td>
                {e.resourceType ? `${e.resourceType}${e.resourceId ? ` ${e.resourceId}` : ''}` : ''}
              </Table.Td>
              <Table.Td>{e.ip ?? ''}</Table.Td>
              <Table.Td maw={260} style={{ overflowWrap: 'anywhere' }}>
                {detailText(e.detail)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
