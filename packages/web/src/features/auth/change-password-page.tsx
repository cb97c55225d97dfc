import { Button, Paper, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { applyProblem } from '../../components/form-problem.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { confirmMatches, passwordHint } from './password-rules.ts';
import { SESSION_KEY, useSession } from './session-query.ts';

export function ChangePasswordPage() {
  const session = useSession();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: {
      currentPassword: (v) => (v ? null : 'Enter your current password'),
      newPassword: (v) => (v ? null : 'Choose a new password'),
      confirmPassword: confirmMatches('newPassword'),
    },
  });

  const submit = form.onSubmit(async ({ currentPassword, newPassword }) => {
    setMessage(null);
    try {
      await api.post('/auth/password', { currentPassword, newPassword });
      form.reset();
      notifications.show({
        color: 'teal',
        title: 'Password changed',
        message: 'Use the new password next time you sign in.',
      });
      // The server may rotate the session (and its CSRF token) after a credential change.
      await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
    } catch (err) {
      setMessage(applyProblem(form, err) || null);
    }
  });

  return (
    <>
      <PageHeader title="Change password" />
      <Paper withBorder p="lg" maw={520}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <FormAlert message={message} title="Password not changed" />
            <input
              type="email"
              name="username"
              autoComplete="username"
              value={session.data?.user.email ?? ''}
              readOnly
              hidden
            />
            <PasswordInput
              label="Current password"
              autoComplete="current-password"
              required
              {...form.getInputProps('currentPassword')}
            />
            <PasswordInput
              label="New password"
              description={passwordHint(session.data?.user.mfaEnrolled ?? false)}
              autoComplete="new-password"
              required
              {...form.getInputProps('newPassword')}
            />
            <PasswordInput
              label="Confirm new password"
              autoComplete="new-password"
              required
              {...form.getInputProps('confirmPassword')}
            />
            <Button type="submit" loading={form.submitting}>
              Change password
            </Button>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
