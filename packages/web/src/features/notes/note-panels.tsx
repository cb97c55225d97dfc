import type { ScreeningFinding } from '@fascia/domain/screening/types';
import type { NoteBilling } from '@fascia/domain/sessions/note-billing';
import { Alert, Badge, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { formatDate } from '../../components/format.ts';
import { DECISION_WORDS, SEVERITY_WORDS } from '../screening/finding-words.ts';
import type { NoteView } from './notes-api.ts';
import type { NoteSaveStatus } from './use-note-autosave.ts';

/** The day-of screening the note stands on: its decision and every finding, at the top of the note. */
export function ScreeningSummary({ screening }: { screening: NoteView['screening'] }) {
  const words = DECISION_WORDS[screening.decision];
  return (
    <Alert
      color={words.color}
      variant="light"
      title={`Day-of screening ${formatDate(screening.asOf)}: ${words.title}`}
      data-testid="note-screening"
    >
      <Stack gap={4}>
        <Text size="sm">{words.text}</Text>
        {screening.findings.length > 0 && (
          <List size="sm" spacing={2}>
            {screening.findings.map((f: ScreeningFinding) => (
              <List.Item key={f.ruleId}>
                <Badge size="xs" color={SEVERITY_WORDS[f.severity].color} mr={6}>
                  {SEVERITY_WORDS[f.severity].label}
                </Badge>
                {f.reason}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Alert>
  );
}

/** Minutes per billing code and the units they give under the 8-minute rule, as the note is typed. */
export function BillingBox({ billing }: { billing: NoteBilling }) {
  const perCode = billing.lines.map((l) => `${l.units}`).join(' + ');
  return (
    <Paper withBorder p="md" aria-labelledby="billing-title" data-testid="billing-box">
      <Stack gap="xs">
        <Title order={2} size="h5" id="billing-title">
          Billing (8-minute rule)
        </Title>
        {billing.lines.length === 0 ? (
          <Text size="sm" c="dimmed">
            Document technique lines with minutes to see the units.
          </Text>
        ) : (
          <Table withRowBorders={false} verticalSpacing={2} aria-label="Minutes and units per code">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Code</Table.Th>
                <Table.Th ta="right">Minutes</Table.Th>
                <Table.Th ta="right">Units</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {billing.lines.map((l) => (
                <Table.Tr key={l.code}>
                  <Table.Td>{l.code}</Table.Td>
                  <Table.Td ta="right">{l.minutes}</Table.Td>
                  <Table.Td ta="right">{l.units}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Text fw={600} data-testid="billing-total">
          {billing.totalTimedMinutes} timed minutes → {billing.totalTimedUnits}{' '}
          {billing.totalTimedUnits === 1 ? 'unit' : 'units'}
          {billing.lines.length > 1 ? ` (${perCode})` : ''}
        </Text>
        {billing.incompleteLines.length > 0 && (
          <Text size="xs" c="dimmed">
            Not counted yet: line {billing.incompleteLines.map((i) => i + 1).join(', ')} (technique or minutes
            missing).
          </Text>
        )}
        {billing.distinctBlockWarnings.map((w) => (
          <Text size="xs" c="orange.8" key={w}>
            {w}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}

const STATUS_WORDS: Record<NoteSaveStatus, { text: string; color: string }> = {
  saved: { text: 'Saved', color: 'teal' },
  unsaved: { text: 'Unsaved changes', color: 'gray' },
  saving: { text: 'Saving…', color: 'blue' },
  offline: { text: 'Offline — saved on this device', color: 'orange' },
  error: { text: 'Not saved to the server', color: 'red' },
  conflict: { text: 'Changed elsewhere — reload', color: 'red' },
};

export function SaveStatus({ status }: { status: NoteSaveStatus }) {
  const w = STATUS_WORDS[status];
  return (
    <Group gap={6} role="status" aria-live="polite" data-testid="save-status">
      <Badge color={w.color} variant="light" size="lg">
        {w.text}
      </Badge>
    </Group>
  );
}
