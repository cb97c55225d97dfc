import { Box, SimpleGrid, Text } from '@mantine/core';
import type { PatientAlert } from './patients-api.ts';

const COLORS: Record<PatientAlert['level'], string> = { danger: 'red', warning: 'orange', info: 'blue' };
const LEVEL_WORDS: Record<PatientAlert['level'], string> = {
  danger: 'Danger',
  warning: 'Caution',
  info: 'Note',
};
const ORDER = { danger: 0, warning: 1, info: 2 } as const;

/**
 * The chart header's alerts, most serious first, so nobody treats without seeing them. Two compact
 * columns keep a long list from pushing the chart below the fold on a tablet.
 */
export function PatientAlerts({ alerts }: { alerts: PatientAlert[] }) {
  if (alerts.length === 0) return null;
  const sorted = [...alerts].sort((a, b) => ORDER[a.level] - ORDER[b.level]);
  return (
    <SimpleGrid
      cols={{ base: 1, sm: 2 }}
      spacing={6}
      verticalSpacing={6}
      aria-label="Patient alerts"
      role="region"
    >
      {sorted.map((alert) => {
        const color = COLORS[alert.level];
        return (
          <Box
            key={`${alert.kind}-${alert.ruleId ?? ''}-${alert.label}-${alert.detail ?? ''}`}
            px="sm"
            py={4}
            bg={`${color}.0`}
            style={{ borderLeft: `4px solid var(--mantine-color-${color}-6)`, borderRadius: 4 }}
            data-level={alert.level}
          >
            <Text size="sm" lh={1.35}>
              <Text span fw={700} c={`${color}.9`}>
                {LEVEL_WORDS[alert.level]}:
              </Text>{' '}
              <Text span fw={600}>
                {alert.label}
              </Text>
              {alert.detail && (
                <Text span c="dimmed">
                  {' '}
                  {alert.detail}
                </Text>
              )}
            </Text>
          </Box>
        );
      })}
    </SimpleGrid>
  );
}
