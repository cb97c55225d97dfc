import { Badge, Group, List, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatDateTime } from '../../components/format.ts';
import { QueryState } from '../../components/query-state.tsx';
import { type PlanView, usePlanDiff } from './plans-api.ts';

/** Every version with its reason, author and time, and what changed between any two of them. */
export function PlanHistoryPanel({ plan }: { plan: PlanView }) {
  const latest = plan.currentVersion;
  const [from, setFrom] = useState(Math.max(1, latest - 1));
  const [to, setTo] = useState(latest);
  const diff = usePlanDiff(plan.id, from, to);
  const options = plan.versions.map((v) => ({ value: String(v.version), label: `Version ${v.version}` }));

  return (
    <Stack gap="lg">
      <section aria-labelledby="plan-versions">
        <Title order={2} size="h4" id="plan-versions" mb="xs">
          Versions
        </Title>
        <Table verticalSpacing="sm" aria-label="Plan versions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Version</Table.Th>
              <Table.Th>Reason</Table.Th>
              <Table.Th>Changed by</Table.Th>
              <Table.Th>When</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...plan.versions].reverse().map((v) => (
              <Table.Tr key={v.version}>
                <Table.Td>
                  <Group gap={6}>
                    {v.version}
                    {v.version === latest && (
                      <Badge size="sm" variant="light">
                        current
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {v.reason}
                  {(v.safety.overridden?.length ?? 0) > 0 && (
                    <Text size="xs" c="orange.8">
                      Justified in writing:{' '}
                      {v.safety.overridden?.map((o) => o.intervention ?? o.ruleId).join('; ')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{v.changedByName}</Table.Td>
                <Table.Td>{formatDateTime(v.changedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </section>

      {plan.versions.length > 1 && (
        <section aria-labelledby="plan-diff">
          <Title order={2} size="h4" id="plan-diff" mb="xs">
            Compare versions
          </Title>
          <Group mb="sm">
            <NativeSelect
              label="Compare from"
              data={options}
              value={String(from)}
              onChange={(e) => setFrom(Number(e.currentTarget.value))}
            />
            <NativeSelect
              label="Compare to"
              data={options}
              value={String(to)}
              onChange={(e) => setTo(Number(e.currentTarget.value))}
            />
          </Group>
          <Paper withBorder p="md">
            {from === to ? (
              <Text c="dimmed">Choose two different versions.</Text>
            ) : (
              <QueryState query={diff} label="the changes">
                {(d) =>
                  d.changes.length === 0 ? (
                    <Text c="dimmed">No changes between these versions.</Text>
                  ) : (
                    <List spacing={4} aria-label={`Changes from version ${d.from} to ${d.to}`}>
                      {d.changes.map((c) => (
                        <List.Item key={`${c.kind}:${c.subject ?? ''}:${c.text}`}>{c.text}</List.Item>
                      ))}
                    </List>
                  )
                }
              </QueryState>
            )}
          </Paper>
        </section>
      )}
    </Stack>
  );
}
