import { Anchor, Button, Code, Image, List, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import type { MfaEnrolConfirmation, MfaEnrolment } from '../../api/types.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { applyProblem } from '../../components/form-problem.ts';
import { PageLoader, QueryState } from '../../components/query-state.tsx';
import { AuthCard } from './auth-card.tsx';
import { RecoveryCodesStep } from './recovery-codes-step.tsx';
import { storeSession, useSession } from './session-query.ts';

export function EnrolTwoFactorPage() {
  const session = useSession();
  const navigate = useNavigate();
  const [codes, setCodes] = useState<string[] | null>(null);

  // Codes first: confirming enrolment turns the session "full", and the codes must still show.
  if (codes) {
    return (
      <AuthCard title="Two-factor is on">
        <RecoveryCodesStep codes={codes} onDone={() => navigate('/', { replace: true })} />
      </AuthCard>
    );
  }
  if (session.isPending) return <PageLoader label="Checking your session" />;
  const current = session.data ?? null;
  if (!current || current.stage === 'mfa_required') return <Navigate to="/sign-in" replace />;
  if (current.user.mfaEnrolled && current.stage === 'full') {
    return (
      <AuthCard
        title="Set up two-factor again"
        subtitle="Two-factor is on. For a new phone, set it up again: your current set-up keeps working until the new code is confirmed."
      >
        <ReenrolForm onEnrolled={setCodes} />
        <Anchor component={Link} to="/" c="dimmed">
          Back to Fascia
        </Anchor>
      </AuthCard>
    );
  }
  const required = current.stage === 'mfa_enrol_required';
  return (
    <AuthCard
      title="Turn on two-factor"
      subtitle={
        required
          ? `${current.organization.name} asks every staff member to use an authenticator app when signing in.`
          : 'An authenticator app on your phone keeps patient records safe even if your password leaks.'
      }
    >
      <EnrolForm userId={current.user.id} onEnrolled={setCodes} />
      {!required && (
        <Anchor component={Link} to="/" c="dimmed">
          Not now
        </Anchor>
      )}
    </AuthCard>
  );
}

function EnrolForm({ userId, onEnrolled }: { userId: string; onEnrolled: (codes: string[]) => void }) {
  // A query, not a mutation, so a re-render or a second mount reuses one secret instead of minting another.
  const enrolment = useQuery({
    queryKey: ['mfa-enrolment', userId],
    queryFn: () => api.post<MfaEnrolment>('/auth/mfa/enrol/start'),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });
  return (
    <QueryState query={enrolment} label="the two-factor setup">
      {(e) => <EnrolSteps enrolment={e} onEnrolled={onEnrolled} />}
    </QueryState>
  );
}

/** Replacing an active set-up: the server asks for the current password first (re-authentication). */
function ReenrolForm({ onEnrolled }: { onEnrolled: (codes: string[]) => void }) {
  const [enrolment, setEnrolment] = useState<MfaEnrolment | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({
    initialValues: { currentPassword: '' },
    validate: { currentPassword: (v) => (v ? null : 'Enter your current password') },
  });
  const submit = form.onSubmit(async ({ currentPassword }) => {
    setMessage(null);
    try {
      setEnrolment(await api.post<MfaEnrolment>('/auth/mfa/enrol/start', { currentPassword }));
    } catch (err) {
      setMessage(applyProblem(form, err) || null);
    }
  });
  if (enrolment) return <EnrolSteps enrolment={enrolment} onEnrolled={onEnrolled} />;
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormAlert message={message} title="Could not start the new set-up" />
        <PasswordInput
          label="Current password"
          autoComplete="current-password"
          required
          {...form.getInputProps('currentPassword')}
        />
        <Button type="submit" loading={form.submitting} fullWidth>
          Continue
        </Button>
      </Stack>
    </form>
  );
}

function EnrolSteps({
  enrolment: e,
  onEnrolled,
}: {
  enrolment: MfaEnrolment;
  onEnrolled: (codes: string[]) => void;
}) {
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({
    initialValues: { code: '' },
    validate: {
      code: (v) => (/^\d{6}$/.test(v.replace(/\s+/g, '')) ? null : 'Enter the 6-digit code from your app'),
    },
  });

  const submit = form.onSubmit(async ({ code }) => {
    setMessage(null);
    try {
      const result = await api.post<MfaEnrolConfirmation>('/auth/mfa/enrol/confirm', {
        code: code.replace(/\s+/g, ''),
      });
      onEnrolled(result.recoveryCodes);
      storeSession(queryClient, result.session);
    } catch (err) {
      setMessage(applyProblem(form, err) || null);
    }
  });

  return (
    <Stack>
      <List type="ordered" spacing="xs">
        <List.Item>Open an authenticator app on your phone (any app that supports TOTP codes).</List.Item>
        <List.Item>Scan this QR code, or type the key below into the app.</List.Item>
        <List.Item>Enter the 6-digit code the app shows.</List.Item>
      </List>
      <Image src={e.qrDataUrl} alt="QR code for your authenticator app" w={200} h={200} mx="auto" />
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          Key for typing into the app
        </Text>
        <Code fz="md" style={{ wordBreak: 'break-all' }} data-testid="totp-secret">
          {e.secret}
        </Code>
      </Stack>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert message={message} title="Could not turn on two-factor" />
          <TextInput
            label="Authentication code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            required
            {...form.getInputProps('code')}
          />
          <Button type="submit" loading={form.submitting} fullWidth>
            Turn on two-factor
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
