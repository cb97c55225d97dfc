import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { formatDate } from '../../components/format.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { describeError, PageLoader } from '../../components/query-state.tsx';
import { hasPermission, useSession } from '../auth/session-query.ts';
import { listName, type PatientSummary, SEX_OPTIONS } from './patients-api.ts';

const PAGE_SIZE = 25;

export function PatientListPage() {
  const { data: session } = useSession();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [dateOfBirth, setDateOfBirth] = useState('');
  const [phone, setPhone] = useState('');
  // Searching on every keystroke would send a request per letter; a short pause is enough.
  const [key] = useDebouncedValue(JSON.stringify({ q: q.trim(), dateOfBirth, phone: phone.trim() }), 250);
  const filters = JSON.parse(key) as { q: string; dateOfBirth: string; phone: string };

  const patients = useInfiniteQuery({
    queryKey: ['patients', 'list', key],
    queryFn: ({ pageParam }) =>
      api.get<Page<PatientSummary>>('/patients', { ...filters, cursor: pageParam, limit: PAGE_SIZE }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageHeader
        title="Patients"
        description="Find a patient by name (spelling mistakes are fine), date of birth or phone."
        actions={
          hasPermission(session, 'patients.write') && (
            <Button onClick={() => navigate('/patients/new')}>Register patient</Button>
          )
        }
      />
      <Stack>
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label="Search patients"
              placeholder="Name"
              value={q}
              onChange={(e) => setQ(e.currentTarget.value)}
              type="search"
              autoComplete="off"
            />
            <TextInput
              label="Date of birth"
              type="date"
              value={dateOfBirth}
              onChange={(e) => setDateOfBirth(e.currentTarget.value)}
            />
            <TextInput
              label="Phone"
              type="tel"
              value={phone}
              onChange={(e) => setPhone(e.currentTarget.value)}
            />
          </SimpleGrid>
        </Paper>
        {patients.isPending ? (
          <PageLoader label="Loading patients" />
        ) : patients.isError && !patients.data ? (
          <Text c="red" role="alert">
            Could not load patients: {describeError(patients.error)}
          </Text>
        ) : (
          <PatientTable patients={patients.data.pages.flatMap((p) => p.items)} />
        )}
        {patients.hasNextPage && (
          <Group justify="center">
            <Button
              variant="light"
              onClick={() => patients.fetchNextPage()}
              loading={patients.isFetchingNextPage}
            >
              Load more
            </Button>
          </Group>
        )}
      </Stack>
    </>
  );
}

const sexLabel = (sex: string) => SEX_OPTIONS.find((o) => o.value === sex)?.label ?? sex;

function PatientTable({ patients }: { patients: PatientSummary[] }) {
  if (patients.length === 0) return <Text c="dimmed">No patients match.</Text>;
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="Patients">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Date of birth</Table.Th>
            <Table.Th>Sex</Table.Th>
            <Table.Th>Phone</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {patients.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Text component={Link} to={`/patients/${p.id}`} fw={600} c="teal.8">
                  {listName(p)}
                </Text>
              </Table.Td>
              <Table.Td>{formatDate(p.dateOfBirth)}</Table.Td>
              <Table.Td>{sexLabel(p.sex)}</Table.Td>
              <Table.Td>{p.phone ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
