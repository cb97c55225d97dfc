import { describeGoalMeasure } from '@fascia/domain/plans/plan-versions';
import { techniqueLabel } from '@fascia/domain/plans/techniques';
import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime } from '../../components/format.ts';
import { QueryState } from '../../components/query-state.tsx';
import { usePlans } from './plans-api.ts';

/** The chart's "Plan of care" tab: each plan's current version in a line, and a way to start one. */
export function PlansTab({ patientId, canWrite }: { patientId: string; canWrite: boolean }) {
  const plans = usePlans(patientId);
  return (
    <Stack>
      {canWrite && (
        <Group justify="flex-end">
          <Button component={Link} to={`/patients/${patientId}/plans/new`}>
            New plan of care
          </Button>
        </Group>
      )}
      <QueryState query={plans} label="the plans of care">
        {(items) =>
          items.length === 0 ? (
            <Text c="dimmed">No plan of care yet. Build one from a signed assessment.</Text>
          ) : (
            <Stack gap="sm">
              {items.map((p) => (
                <Paper key={p.id} withBorder p="md">
                  <Group justify="space-between" align="flex-start">
                    <Stack gap={4}>
                      <Anchor component={Link} to={`/patients/${patientId}/plans/${p.id}`} fw={600}>
                        Plan of care — {p.content.problems.map((x) => x.icd10).join(', ')}
                      </Anchor>
                      <Text size="sm">
                        {p.content.frequencyPerWeek}×/week for {p.content.durationWeeks} weeks ·{' '}
                        {[...new Set(p.content.interventions.map((i) => techniqueLabel(i.techniqueId)))].join(
                          ', ',
                        )}
                      </Text>
                      <Text size="sm" c="dimmed">
                        Goals: {p.content.goals.map((g) => describeGoalMeasure(g.measure)).join('; ')}
                      </Text>
                    </Stack>
                    <Stack gap={4} align="flex-end">
                      <Badge variant="light">Version {p.currentVersion}</Badge>
                      <Text size="xs" c="dimmed">
                        {formatDateTime(p.updatedAt)}
                      </Text>
                    </Stack>
                  </Group>
                </Paper>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
