import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { api } from '../../api/client.ts';
import type { Session } from '../../api/types.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { applyProblem } from '../../components/form-problem.ts';
import { PageLoader } from '../../components/query-state.tsx';
import { AuthCard } from './auth-card.tsx';
import { MfaStep } from './mfa-step.tsx';
import { useSession, useStoreSession } from './session-query.ts';

/** Only paths inside the app, so a crafted link cannot send a fresh sign-in elsewhere. */
function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/';
}

export function SignInPage() {
  const session = useSession();
  const location = useLocation();

  if (session.isPending) return <PageLoader label="Checking your session" />;
  const current = session.data ?? null;
  if (current?.stage === 'full') return <Navigate to={returnPath(location.state)} replace />;
  if (current?.stage === 'mfa_enrol_required') return <Navigate to="/enrol-2fa" replace />;
  if (current?.stage === 'mfa_required') {
    return (
      <AuthCard title="Two-factor check" subtitle={`Signed in as ${current.user.email}`}>
        <MfaStep />
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Sign in" subtitle="Sign in to your clinic.">
      <PasswordStep />
    </AuthCard>
  );
}

function PasswordStep() {
  const storeSession = useStoreSession();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (v.trim() ? null : 'Enter your email'),
      password: (v) => (v ? null : 'Enter your password'),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setMessage(null);
    try {
      // The page re-renders from the stored session: the two-factor step, enrolment, or home.
      storeSession(
        await api.post<Session>('/auth/sign-in', { email: values.email.trim(), password: values.password }),
      );
    } catch (err) {
      // Clear first: changing a value also clears its error, which would hide the server's reason.
      form.setFieldValue('password', '');
      setMessage(applyProblem(form, err) || null);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormAlert message={message} title="Could not sign in" />
        <TextInput
          label="Email"
          type="email"
          autoComplete="username"
          placeholder="name@clinic.example"
          required
          autoFocus
          {...form.getInputProps('email')}
        />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          required
          {...form.getInputProps('password')}
        />
        <Button type="submit" loading={form.submitting} fullWidth>
          Sign in
        </Button>
      </Stack>
    </form>
  );
}
