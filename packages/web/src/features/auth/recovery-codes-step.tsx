import { Alert, Button, Checkbox, Code, CopyButton, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';

/**
 * Recovery codes are shown once: the server keeps only their hashes. The person confirms they saved
 * them before moving on, because losing both phone and codes locks them out of patient records.
 */
export function RecoveryCodesStep({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const [saved, setSaved] = useState(false);
  const text = codes.join('\n');

  const download = () => {
    const url = URL.createObjectURL(new Blob([`Fascia recovery codes\n\n${text}\n`], { type: 'text/plain' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'fascia-recovery-codes.txt';
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <Stack>
      <Title order={2} size="h3">
        Save your recovery codes now
      </Title>
      <Alert color="yellow" variant="light" title="You will not see these codes again">
        If you lose your phone, each of these codes signs you in once in place of an authentication code. Keep
        them somewhere safe and private, such as a password manager.
      </Alert>
      <Code block aria-label="Recovery codes">
        <List listStyleType="none" spacing={4}>
          {codes.map((c) => (
            <List.Item key={c} ff="monospace" fz="md">
              {c}
            </List.Item>
          ))}
        </List>
      </Code>
      <Group>
        <CopyButton value={text}>
          {({ copied, copy }) => (
            <Button variant="light" onClick={copy}>
              {copied ? 'Copied' : 'Copy codes'}
            </Button>
          )}
        </CopyButton>
        <Button variant="light" onClick={download}>
          Download codes
        </Button>
      </Group>
      <Checkbox
        size="md"
        label="I have saved these recovery codes"
        checked={saved}
        onChange={(e) => setSaved(e.currentTarget.checked)}
      />
      <Text size="sm" c="dimmed">
        Two-factor is now on for your account.
      </Text>
      <Button onClick={onDone} disabled={!saved}>
        Continue
      </Button>
    </Stack>
  );
}
