import { Alert, Group, Stack, Text } from '@mantine/core';
import type { PatientAlert } from './patients-api.ts';

const COLORS: Record<PatientAlert['level'], string> = { danger: 'red', warning: 'orange', info: 'blue' };
const LEVEL_WORDS: Record<PatientAlert['level'], string> = {
  danger: 'Danger',
  warning: 'Caution',
  info: 'Note',
};

/** The chart header's alerts, most serious first, so nobody treats without seeing them. */
export function PatientAlerts({ alerts }: { alerts: PatientAlert[] }) {
  if (alerts.length === 0) return null;
  const order = { danger: 0, warning: 1, info: 2 } as const;
  const sorted = [...alerts].sort((a, b) => order[a.level] - order[b.level]);
  return (
    <Stack gap={6} aria-label="Patient alerts" role="region">
      {sorted.map((alert) => (
        <Alert
          key={`${alert.kind}-${alert.ruleId ?? ''}-${alert.label}-${alert.detail ?? ''}`}
          color={COLORS[alert.level]}
          variant="light"
          py={6}
          data-level={alert.level}
        >
          <Group gap="xs" wrap="nowrap" align="baseline">
            <Text size="sm" fw={700} c={`${COLORS[alert.level]}.9`}>
              {LEVEL_WORDS[alert.level]}:
            </Text>
            <Text size="sm" fw={600}>
              {alert.label}
            </Text>
            {alert.detail && (
              <Text size="sm" c="dimmed">
                {alert.detail}
              </Text>
            )}
          </Group>
        </Alert>
      ))}
    </Stack>
  );
}
