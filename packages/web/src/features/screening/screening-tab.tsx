import { Button, Checkbox, Grid, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { FormAlert } from '../../components/form-alert.tsx';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { describeError, QueryState } from '../../components/query-state.tsx';
import { hasPermission, useSession } from '../auth/session-query.ts';
import { DayOfForm } from './day-of-form.tsx';
import { type DayOfValues, EMPTY_DAY_OF, parseDayOf, runLive } from './day-of-values.ts';
import { DECISION_WORDS } from './finding-words.ts';
import {
  recordScreening,
  type ScreeningContextView,
  type ScreeningView,
  screeningContextKey,
  screeningsKey,
  useScreeningContext,
  useScreenings,
} from './screening-api.ts';
import { DecisionBanner, FindingsList, type Overrides, overridable } from './screening-findings.tsx';

export function ScreeningTab({ patientId }: { patientId: string }) {
  const context = useScreeningContext(patientId);
  const screenings = useScreenings(patientId);
  return (
    <Stack gap="xl">
      <QueryState query={context} label="the screening">
        {(ctx) => <DayOfScreening patientId={patientId} context={ctx} />}
      </QueryState>
      <section aria-labelledby="past-screenings">
        <Title order={2} size="h4" id="past-screenings" mb="sm">
          Past screenings
        </Title>
        <QueryState query={screenings} label="past screenings">
          {({ items }) => <PastScreenings items={items} />}
        </QueryState>
      </section>
    </Stack>
  );
}

function DayOfScreening({ patientId, context }: { patientId: string; context: ScreeningContextView }) {
  const { data: session } = useSession();
  const queryClient = useQueryClient();
  const form = useForm<DayOfValues>({ initialValues: EMPTY_DAY_OF });
  const [acknowledged, setAcknowledged] = useState(false);
  const [overrides, setOverrides] = useState<Overrides>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const values = form.getValues();
  const { dayOf, errors } = useMemo(() => parseDayOf(values, context.asOf), [values, context.asOf]);
  // Re-run on every answer: the therapist sees what the server will record before recording it.
  const result = useMemo(() => runLive(context, dayOf), [context, dayOf]);
  const canWrite = hasPermission(session, 'clinical.write');

  const chosen = result.findings
    .filter((f) => overridable(f) && overrides[f.ruleId]?.on)
    .map((f) => ({ ruleId: f.ruleId, reason: overrides[f.ruleId]?.reason.trim() ?? '' }));

  const record = async () => {
    setMessage(null);
    if (!acknowledged) {
      setMessage('Go through the findings with the patient and tick the box first.');
      return;
    }
    if (chosen.some((o) => o.reason.length < 10)) {
      setMessage('Explain each override in at least 10 characters.');
      return;
    }
    setBusy(true);
    try {
      const saved = await recordScreening(patientId, { dayOf, acknowledged, overrides: chosen });
      await queryClient.invalidateQueries({ queryKey: screeningsKey(patientId) });
      await queryClient.invalidateQueries({ queryKey: screeningContextKey(patientId) });
      notifications.show({
        color: DECISION_WORDS[saved.decision].color,
        message: `Screening recorded: ${DECISION_WORDS[saved.decision].title.toLowerCase()}.`,
      });
      form.reset();
      setAcknowledged(false);
      setOverrides({});
    } catch (err) {
      setMessage(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Stack>
          <Title order={2} size="h4">
            Day-of screening for {formatDate(context.asOf)}
          </Title>
          <DayOfForm form={form} errors={errors} today={context.asOf} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Stack>
          <DecisionBanner result={result} />
          <FindingsList
            findings={result.findings}
            overrides={overrides}
            onOverride={
              canWrite ? (ruleId, o) => setOverrides((old) => ({ ...old, [ruleId]: o })) : undefined
            }
          />
          {canWrite && (
            <Paper withBorder p="md">
              <Stack>
                <FormAlert message={message} title="Screening not recorded" />
                <Checkbox
                  label="I have gone through these findings with the patient"
                  checked={acknowledged}
                  onChange={(e) => setAcknowledged(e.currentTarget.checked)}
                />
                <Group justify="flex-end">
                  <Button onClick={record} loading={busy}>
                    Record screening
                  </Button>
                </Group>
              </Stack>
            </Paper>
          )}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

function PastScreenings({ items }: { items: ScreeningView[] }) {
  if (items.length === 0) return <Text c="dimmed">No screening recorded yet.</Text>;
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table verticalSpacing="sm" aria-label="Past screenings">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Recorded</Table.Th>
            <Table.Th>Result</Table.Th>
            <Table.Th>Findings</Table.Th>
            <Table.Th>Overrides</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>{formatDateTime(s.createdAt)}</Table.Td>
              <Table.Td>
                <Text size="sm" fw={700} c={`${DECISION_WORDS[s.decision].color}.8`}>
                  {DECISION_WORDS[s.decision].title}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {s.findings
                    .filter((f) => !f.standing)
                    .map((f) => f.reason)
                    .join(' ') || 'None beyond the usual precautions.'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{s.overrides.map((o) => o.reason).join('; ') || '—'}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
