import { Button, Modal, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { hasPermission, useSession } from '../auth/session-query.ts';
import { ProviderForm } from './provider-form.tsx';
import { type ProviderView, useProviders } from './providers-api.ts';

export function ProvidersPage() {
  const { data: session } = useSession();
  const [q, setQ] = useState('');
  const [search] = useDebouncedValue(q.trim(), 250);
  const providers = useProviders(search);
  // undefined: closed; null: adding; a view: editing it.
  const [editing, setEditing] = useState<ProviderView | null | undefined>(undefined);
  const canWrite = hasPermission(session, 'referrals.write');

  return (
    <>
      <PageHeader
        title="Referring providers"
        description="The physicians and other providers who refer patients, with the NPI claims and reports name them by."
        actions={canWrite && <Button onClick={() => setEditing(null)}>Add provider</Button>}
      />
      <Stack>
        <TextInput
          label="Search providers"
          placeholder="Name, NPI or organization"
          type="search"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          maw={420}
        />
        <QueryState query={providers} label="providers">
          {({ items }) =>
            items.length === 0 ? (
              <Text c="dimmed">No providers{search ? ' match' : ' yet'}.</Text>
            ) : (
              <Table.ScrollContainer minWidth={640}>
                <Table verticalSpacing="sm" aria-label="Referring providers">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Name</Table.Th>
                      <Table.Th>NPI</Table.Th>
                      <Table.Th>Specialty</Table.Th>
                      <Table.Th>Phone / fax</Table.Th>
                      {canWrite && (
                        <Table.Th>
                          <VisuallyHidden>Actions</VisuallyHidden>
                        </Table.Th>
                      )}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((p) => (
                      <Table.Tr key={p.id}>
                        <Table.Td>
                          <Text fw={600}>{p.displayName}</Text>
                          {p.provider.organization && (
                            <Text size="sm" c="dimmed">
                              {p.provider.organization}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>{p.provider.npi}</Table.Td>
                        <Table.Td>{p.provider.specialty ?? '—'}</Table.Td>
                        <Table.Td>
                          {[p.provider.phone, p.provider.fax && `fax ${p.provider.fax}`]
                            .filter(Boolean)
                            .join(' · ') || '—'}
                        </Table.Td>
                        {canWrite && (
                          <Table.Td>
                            <Button
                              variant="subtle"
                              size="xs"
                              onClick={() => setEditing(p)}
                              aria-label={`Edit ${p.displayName}`}
                            >
                              Edit
                            </Button>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )
          }
        </QueryState>
      </Stack>
      <ProviderModal
        opened={editing !== undefined}
        existing={editing ?? undefined}
        onClose={() => setEditing(undefined)}
        onSaved={() => setEditing(undefined)}
      />
    </>
  );
}

export function ProviderModal({
  opened,
  existing,
  onClose,
  onSaved,
}: {
  opened: boolean;
  existing?: ProviderView;
  onClose: () => void;
  onSaved: (provider: ProviderView) => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={existing ? 'Edit provider' : 'Add provider'} size="lg">
      {opened && <ProviderForm existing={existing} onSaved={onSaved} onCancel={onClose} />}
    </Modal>
  );
}
