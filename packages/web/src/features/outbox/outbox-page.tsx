import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import { api } from '../../api/client.ts';
import type { OutboxMessage } from '../../api/types.ts';
import { formatDateTime } from '../../components/format.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { splitLinks } from './outbox-links.ts';

/** Links in a message become clickable, so an invitation can be opened or copied from here. */
function MessageText({ text }: { text: string }) {
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {splitLinks(text).map((p) =>
        p.link ? (
          <Anchor key={p.offset} href={p.text} target="_blank" rel="noreferrer">
            {p.text}
          </Anchor>
        ) : (
          <Fragment key={p.offset}>{p.text}</Fragment>
        ),
      )}
    </Text>
  );
}

export function OutboxPage() {
  const outbox = useQuery({
    queryKey: ['outbox'],
    queryFn: () => api.get<{ items: OutboxMessage[] }>('/outbox'),
  });

  return (
    <>
      <PageHeader
        title="Outbox"
        description="Email Fascia has sent or queued, such as staff invitations. One-time links (invitations, shared documents) are sent by email only and never kept here: without a mail server, whoever sends an invitation copies its link when sending it."
      />
      <QueryState query={outbox} label="the outbox">
        {({ items }) =>
          items.length === 0 ? (
            <Text c="dimmed">No email has been sent yet.</Text>
          ) : (
            <Stack>
              {items.map((m) => (
                <Card key={m.id} withBorder component="article" aria-label={m.subject}>
                  <Group justify="space-between" mb="xs" wrap="wrap">
                    <Stack gap={0}>
                      <Text fw={600}>{m.subject}</Text>
                      <Text size="sm" c="dimmed">
                        To {m.to} · {formatDateTime(m.createdAt)}
                      </Text>
                    </Stack>
                    {m.sentAt ? (
                      <Badge color="teal" variant="light">
                        Sent {formatDateTime(m.sentAt)}
                      </Badge>
                    ) : (
                      <Badge color="gray" variant="light">
                        Not sent by email
                      </Badge>
                    )}
                  </Group>
                  <MessageText text={m.text} />
                  {m.linkWithheld && (
                    <Text size="sm" c="dimmed" mt="xs">
                      The one-time link was sent by email only and is not kept. To give someone a new link,
                      invite them again from Staff.
                    </Text>
                  )}
                </Card>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </>
  );
}
