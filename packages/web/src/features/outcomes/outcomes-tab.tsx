import { findInstrument } from '@fascia/domain/outcomes/instruments.catalogue';
import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { formatDate } from '../../components/format.ts';
import { QueryState } from '../../components/query-state.tsx';
import { HandTabletButton } from '../kiosk/hand-tablet-button.tsx';
import { OUTCOME_BADGE } from './outcome-labels.ts';
import { OutcomeTrendChart } from './outcome-trend-chart.tsx';
import { type OutcomeSeriesView, useOutcomeSeries } from './outcomes-api.ts';

function SeriesCard({ item }: { item: OutcomeSeriesView }) {
  const instrument = findInstrument(item.instrumentId);
  const latest = item.series.latest?.primary;
  return (
    <Paper withBorder p="md" component="section" aria-label={`${item.name} series`}>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4">
          {item.name}
        </Title>
        {latest && (
          <Badge color={OUTCOME_BADGE[latest.outcome].color}>{OUTCOME_BADGE[latest.outcome].label}</Badge>
        )}
      </Group>
      {instrument && <OutcomeTrendChart instrument={instrument} series={item.series} />}
      <Stack gap={2} mt="xs">
        {item.series.points.map((p) => (
          <Text key={p.administeredOn + String(p.score)} size="sm">
            {formatDate(p.administeredOn)}: {p.score ?? 'not scored'}
            {p.band ? ` (${p.band})` : ''}
          </Text>
        ))}
        {latest && (
          <Text size="sm" c="dimmed">
            {latest.summary}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** Every questionnaire the patient has completed, as a series compared with its baseline. */
export function OutcomesTab({ patientId }: { patientId: string }) {
  const series = useOutcomeSeries(patientId);
  return (
    <Stack>
      <Group justify="space-between">
        <Text c="dimmed">
          Scores from assessments and the clinic tablet; the dashed line is the MCID from baseline.
        </Text>
        <HandTabletButton patientId={patientId} />
      </Group>
      <QueryState query={series} label="outcome measures">
        {(items) =>
          items.length === 0 ? (
            <Text>No questionnaires completed yet.</Text>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {items.map((item) => (
                <SeriesCard key={item.instrumentId} item={item} />
              ))}
            </SimpleGrid>
          )
        }
      </QueryState>
    </Stack>
  );
}
