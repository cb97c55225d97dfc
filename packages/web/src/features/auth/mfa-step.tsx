import { Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { Session } from '../../api/types.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { applyProblem } from '../../components/form-problem.ts';
import { forgetSession, storeSession } from './session-query.ts';

/** The second step of sign-in: a code from the authenticator app, or one of the recovery codes. */
export function MfaStep() {
  const queryClient = useQueryClient();
  const [recovery, setRecovery] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({
    initialValues: { code: '' },
    validate: {
      code: (v) => (v.trim() ? null : recovery ? 'Enter a recovery code' : 'Enter the 6-digit code'),
    },
  });

  const submit = form.onSubmit(async ({ code }) => {
    setMessage(null);
    // Authenticator apps show "123 456"; recovery codes keep their own shape.
    const sent = recovery ? code.trim() : code.replace(/\s+/g, '');
    try {
      storeSession(queryClient, await api.post<Session>('/auth/mfa/verify', { code: sent }));
    } catch (err) {
      // Clear first: changing a value also clears its error, which would hide the server's reason.
      form.setFieldValue('code', '');
      setMessage(applyProblem(form, err) || null);
    }
  });

  const startOver = async () => {
    await api.post('/auth/sign-out').catch(() => undefined);
    forgetSession(queryClient);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text>
          {recovery
            ? 'Enter one of the recovery codes you saved when you turned on two-factor. Each code works once.'
            : 'Open your authenticator app and enter the 6-digit code it shows for Fascia.'}
        </Text>
        <FormAlert message={message} title="Could not verify" />
        {recovery ? (
          <TextInput
            label="Recovery code"
            autoComplete="off"
            autoFocus
            required
            {...form.getInputProps('code')}
          />
        ) : (
          <TextInput
            label="Authentication code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            autoFocus
            required
            {...form.getInputProps('code')}
          />
        )}
        <Button type="submit" loading={form.submitting} fullWidth>
          Verify
        </Button>
        <Group justify="space-between">
          <Anchor
            component="button"
            type="button"
            onClick={() => {
              setRecovery((r) => !r);
              form.reset();
              setMessage(null);
            }}
          >
            {recovery ? 'Use a code from your app instead' : 'Use a recovery code'}
          </Anchor>
          <Anchor component="button" type="button" c="dimmed" onClick={startOver}>
            Sign in as someone else
          </Anchor>
        </Group>
      </Stack>
    </form>
  );
}
