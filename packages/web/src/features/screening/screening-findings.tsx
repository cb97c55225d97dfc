import type { ScreeningResult } from '@fascia/domain/screening/engine';
import type { ScreeningFinding } from '@fascia/domain/screening/types';
import { Alert, Badge, Checkbox, Group, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { regionWords } from '../patients/body-region-picker.tsx';
import { DECISION_WORDS, describeModification, SEVERITY_WORDS } from './finding-words.ts';

export type Overrides = Record<string, { on: boolean; reason: string }>;

/** Non-stop findings specific to this patient may be overridden with a reason; stops never. */
export const overridable = (f: ScreeningFinding) => f.severity !== 'stop' && !f.standing;

export function DecisionBanner({ result }: { result: ScreeningResult }) {
  const words = DECISION_WORDS[result.decision];
  const avoid = result.findings.filter((f) => f.severity === 'avoid').flatMap((f) => f.regions ?? []);
  return (
    <Alert
      color={words.color}
      variant="filled"
      title={<span data-testid="screening-decision">{words.title}</span>}
      role="status"
      aria-live="polite"
    >
      <Text size="sm">{words.text}</Text>
      {avoid.length > 0 && (
        <Text size="sm" fw={700} mt={4}>
          Regions to avoid: {regionWords(avoid)}
        </Text>
      )}
    </Alert>
  );
}

export function FindingsList({
  findings,
  overrides,
  onOverride,
}: {
  findings: ScreeningFinding[];
  overrides: Overrides;
  onOverride?: (ruleId: string, value: { on: boolean; reason: string }) => void;
}) {
  return (
    <Stack gap="sm" aria-label="Findings">
      <Title order={3} size="h5">
        Findings
      </Title>
      {findings.map((f) => (
        <FindingCard
          key={`${f.ruleId}-${f.reason}`}
          finding={f}
          override={overrides[f.ruleId] ?? { on: false, reason: '' }}
          onOverride={onOverride && overridable(f) ? (o) => onOverride(f.ruleId, o) : undefined}
        />
      ))}
    </Stack>
  );
}

function FindingCard({
  finding: f,
  override,
  onOverride,
}: {
  finding: ScreeningFinding;
  override: { on: boolean; reason: string };
  onOverride?: (value: { on: boolean; reason: string }) => void;
}) {
  const sev = SEVERITY_WORDS[f.severity];
  const changes = f.modification ? describeModification(f.modification) : [];
  const short = override.on && override.reason.trim().length < 10;
  return (
    <Paper withBorder p="sm" data-testid="screening-finding" data-rule={f.ruleId}>
      <Stack gap={4}>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Badge
            color={sev.color}
            variant={f.severity === 'stop' ? 'filled' : 'light'}
            style={{ flexShrink: 0 }}
          >
            {f.standing ? 'Always' : sev.label}
          </Badge>
          <Text fw={500}>{f.reason}</Text>
        </Group>
        {f.severity === 'avoid' && f.regions && f.regions.length > 0 && (
          <Text size="sm" fw={600}>
            Avoid: {regionWords(f.regions)}
          </Text>
        )}
        {changes.length > 0 && (
          <List size="sm" spacing={2}>
            {changes.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        )}
        <Text size="xs" c="dimmed">
          Source: {f.source}
        </Text>
        {onOverride && (
          <Stack gap={4} mt={4}>
            <Checkbox
              size="xs"
              label="Override this finding"
              checked={override.on}
              onChange={(e) => onOverride({ ...override, on: e.currentTarget.checked })}
            />
            {override.on && (
              <Textarea
                label="Reason for the override"
                description="Recorded in the audit trail; at least 10 characters"
                autosize
                minRows={2}
                value={override.reason}
                error={short ? 'Explain the override in at least 10 characters.' : undefined}
                onChange={(e) => onOverride({ ...override, reason: e.currentTarget.value })}
              />
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
