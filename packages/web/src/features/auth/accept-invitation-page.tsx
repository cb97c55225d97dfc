import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { InvitationPreview, Session } from '../../api/types.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { applyProblem } from '../../components/form-problem.ts';
import { describeError, PageLoader } from '../../components/query-state.tsx';
import { roleLabel } from '../../components/role-labels.ts';
import { AuthCard } from './auth-card.tsx';
import { confirmMatches, passwordHint } from './password-rules.ts';
import { nextPathForSession, storeSession } from './session-query.ts';

export function AcceptInvitationPage() {
  const { token = '' } = useParams();
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api.get<InvitationPreview>(`/invitations/${encodeURIComponent(token)}`),
    retry: false,
    refetchOnWindowFocus: false,
  });

  if (invitation.isPending) return <PageLoader label="Loading the invitation" />;
  if (invitation.isError) {
    return (
      <AuthCard title="This invitation cannot be used">
        <Alert color="red" variant="light" role="alert">
          {describeError(invitation.error)}
        </Alert>
        <Text>Invitation links work once and expire. Ask whoever invited you to send a new one.</Text>
        <Anchor component={Link} to="/sign-in">
          Go to sign in
        </Anchor>
      </AuthCard>
    );
  }
  const inv = invitation.data;
  return (
    <AuthCard
      title={`Join ${inv.organizationName}`}
      subtitle={`You are invited as ${roleLabel(inv.role)}. You will sign in with ${inv.email}.`}
    >
      <AcceptForm token={token} invitation={inv} />
    </AuthCard>
  );
}

function AcceptForm({ token, invitation }: { token: string; invitation: InvitationPreview }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({
    initialValues: { displayName: invitation.displayName, password: '', confirmPassword: '' },
    validate: {
      displayName: (v) => (v.trim() ? null : 'Enter your name'),
      password: (v) => (v ? null : 'Choose a password'),
      confirmPassword: confirmMatches('password'),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setMessage(null);
    try {
      const session = await api.post<Session>(`/invitations/${encodeURIComponent(token)}/accept`, {
        displayName: values.displayName.trim(),
        password: values.password,
      });
      storeSession(queryClient, session);
      navigate(nextPathForSession(session), { replace: true });
    } catch (err) {
      setMessage(applyProblem(form, err) || null);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormAlert message={message} title="Could not accept the invitation" />
        <TextInput label="Your name" autoComplete="name" required {...form.getInputProps('displayName')} />
        <input
          type="email"
          name="username"
          autoComplete="username"
          value={invitation.email}
          readOnly
          hidden
        />
        <PasswordInput
          label="Password"
          description={passwordHint(false)}
          autoComplete="new-password"
          required
          {...form.getInputProps('password')}
        />
        <PasswordInput
          label="Confirm password"
          autoComplete="new-password"
          required
          {...form.getInputProps('confirmPassword')}
        />
        <Button type="submit" loading={form.submitting} fullWidth>
          Accept invitation
        </Button>
      </Stack>
    </form>
  );
}
