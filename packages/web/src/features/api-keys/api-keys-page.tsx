import {
  Alert,
  Badge,
  Button,
  CopyButton,
  Group,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormAlert } from '../../components/form-alert.tsx';
import { applyProblem } from '../../components/form-problem.ts';
import { formatDateTime } from '../../components/format.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { describeError, QueryState } from '../../components/query-state.tsx';
import { API_KEYS_KEY, type ApiKeyView, createApiKey, revokeApiKey, useApiKeys } from './api-keys-api.ts';

/** Admin → API keys: read-only keys with which another system reads the clinic's FHIR API. */
export function ApiKeysPage() {
  const keys = useApiKeys();
  const [revoking, setRevoking] = useState<ApiKeyView | null>(null);
  return (
    <>
      <PageHeader
        title="API keys"
        description="Read-only keys for another system, such as a physician's EHR or a reporting tool, to read patient records through the FHIR API. Every read with a key is in the audit trail."
      />
      <Stack>
        <CreateKeyForm />
        <QueryState query={keys} label="the API keys">
          {(items) =>
            items.length === 0 ? (
              <Text c="dimmed">No API key yet.</Text>
            ) : (
              <Table striped aria-label="API keys">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Key starts with</Table.Th>
                    <Table.Th>Created</Table.Th>
                    <Table.Th>Last used</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((k) => (
                    <Table.Tr key={k.id}>
                      <Table.Td>{k.name}</Table.Td>
                      <Table.Td ff="monospace">{k.prefix}…</Table.Td>
                      <Table.Td>{formatDateTime(k.createdAt)}</Table.Td>
                      <Table.Td>{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : 'Never'}</Table.Td>
                      <Table.Td>
                        {k.revokedAt ? (
                          <Badge color="gray" variant="light">
                            Revoked {formatDateTime(k.revokedAt)}
                          </Badge>
                        ) : (
                          <Badge color="teal" variant="light">
                            Active, read-only
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {!k.revokedAt && (
                          <Button
                            size="xs"
                            color="red"
                            variant="subtle"
                            onClick={() => setRevoking(k)}
                            aria-label={`Revoke ${k.name}`}
                          >
                            Revoke
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )
          }
        </QueryState>
      </Stack>
      <RevokeModal apiKey={revoking} onClose={() => setRevoking(null)} />
    </>
  );
}

function CreateKeyForm() {
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const form = useForm({
    initialValues: { name: '' },
    validate: { name: (v) => (v.trim() ? null : 'Name the system that will use the key') },
  });
  const submit = form.onSubmit(async (values) => {
    setMessage(null);
    try {
      const key = await createApiKey(values.name.trim());
      setCreated({ name: key.name, key: key.key });
      form.reset();
      await queryClient.invalidateQueries({ queryKey: API_KEYS_KEY });
    } catch (err) {
      setMessage(applyProblem(form, err) || null);
    }
  });

  if (created) {
    return (
      <Alert color="yellow" variant="light" title={`Copy the key for ${created.name} now`} role="status">
        <Stack gap="sm">
          <Text size="sm">
            This is the only time the key is shown: Fascia keeps a fingerprint of it, not the key. Store it in
            the other system's secret settings or a password manager, never in email or a shared document. If
            it is lost, revoke it and create a new one.
          </Text>
          <Group align="flex-end" wrap="nowrap" gap="xs">
            <TextInput
              label="New API key"
              value={created.key}
              readOnly
              flex={1}
              ff="monospace"
              onFocus={(e) => e.currentTarget.select()}
            />
            <CopyButton value={created.key}>
              {({ copied, copy }) => (
                <Button
                  variant={copied ? 'filled' : 'light'}
                  color={copied ? 'teal' : undefined}
                  onClick={copy}
                >
                  {copied ? 'Copied' : 'Copy key'}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Group justify="flex-end">
            <Button onClick={() => setCreated(null)}>I have stored the key</Button>
          </Group>
        </Stack>
      </Alert>
    );
  }

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-label="Create API key">
        <Stack>
          <FormAlert message={message} title="Key not created" />
          <Group align="flex-end">
            <TextInput
              label="Key name"
              description="The system that will use it, e.g. Referring clinic EHR"
              maxLength={100}
              flex={1}
              {...form.getInputProps('name')}
            />
            <Button type="submit" loading={form.submitting}>
              Create key
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function RevokeModal({ apiKey, onClose }: { apiKey: ApiKeyView | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setError(null);
    onClose();
  };
  const revoke = async () => {
    if (!apiKey) return;
    setBusy(true);
    try {
      await revokeApiKey(apiKey.id);
      await queryClient.invalidateQueries({ queryKey: API_KEYS_KEY });
      notifications.show({ color: 'teal', message: `${apiKey.name} is revoked.` });
      close();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={apiKey !== null} onClose={close} title="Revoke API key">
      <Stack>
        <Text size="sm">
          Systems using “{apiKey?.name}” lose access at once. A revoked key cannot be used again.
        </Text>
        <FormAlert message={error} title="Key not revoked" />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button color="red" onClick={revoke} loading={busy}>
            Revoke key
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
