import type { GateViolation } from '@fascia/domain/sessions/safety-gate';
import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';

/**
 * A finding the documented treatment runs into, with the reason and a field for the written
 * override. The text lives here until it has words, because the record refuses an empty override.
 */
export function GateFinding({
  label,
  violations,
  written,
  onWrite,
}: {
  label: string;
  violations: GateViolation[];
  written: string | undefined;
  onWrite: (reason: string) => void;
}) {
  const [text, setText] = useState(written ?? '');
  const [open, setOpen] = useState(written !== undefined);
  const overridden = violations.every((v) => v.overridden);
  return (
    <Alert
      color={overridden ? 'yellow' : 'red'}
      variant="light"
      title={overridden ? 'Overridden in writing' : 'Refused by the day-of screening'}
      data-testid="gate-finding"
    >
      <Stack gap="xs">
        {violations.map((v) => (
          <Text size="sm" key={`${v.kind}:${v.reason}`}>
            {v.reason}
          </Text>
        ))}
        {open ? (
          <Textarea
            label={label}
            description="Why this was safe today; shown on the note and in reports, and audited."
            autosize
            minRows={2}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              onWrite(e.currentTarget.value);
            }}
          />
        ) : (
          <Group>
            <Button size="compact-sm" variant="white" color="red" onClick={() => setOpen(true)}>
              Override with a reason
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

/** Violations of one line (or of the visit) grouped by the finding that raised them. */
export function byRule(violations: readonly GateViolation[]): [string, GateViolation[]][] {
  const groups = new Map<string, GateViolation[]>();
  for (const v of violations) groups.set(v.ruleId, [...(groups.get(v.ruleId) ?? []), v]);
  return [...groups.entries()];
}
