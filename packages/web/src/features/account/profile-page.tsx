import { Button, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { applyProblem } from '../../components/form-problem.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { SESSION_KEY } from '../auth/session-query.ts';

interface Profile {
  displayName: string;
  email: string;
  credentials: string | null;
  licenseNumber: string | null;
}

const PROFILE_KEY = ['account', 'profile'] as const;

export function ProfilePage() {
  const profile = useQuery({ queryKey: PROFILE_KEY, queryFn: () => api.get<Profile>('/account/profile') });
  return (
    <>
      <PageHeader
        title="Profile"
        description="Reports and printed notes are signed with your name, credentials and licence number."
      />
      <QueryState query={profile} label="your profile">
        {(p) => <ProfileForm key={JSON.stringify(p)} profile={p} />}
      </QueryState>
    </>
  );
}

function ProfileForm({ profile }: { profile: Profile }) {
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      displayName: profile.displayName,
      credentials: profile.credentials ?? '',
      licenseNumber: profile.licenseNumber ?? '',
    },
    validate: { displayName: (v) => (v.trim() ? null : 'Enter your name') },
  });

  const submit = form.onSubmit(async (values) => {
    setMessage(null);
    try {
      // An emptied field clears the value rather than keeping the old one.
      const saved = await api.patch<Profile>('/account/profile', {
        displayName: values.displayName.trim(),
        credentials: values.credentials.trim() || null,
        licenseNumber: values.licenseNumber.trim() || null,
      });
      queryClient.setQueryData(PROFILE_KEY, saved);
      // The header's user menu shows the name from the session.
      await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      notifications.show({ color: 'teal', title: 'Profile saved', message: 'Your profile was updated.' });
    } catch (err) {
      setMessage(applyProblem(form, err) || null);
    }
  });

  return (
    <Paper withBorder p="lg" maw={560}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert message={message} title="Profile not saved" />
          <Text size="sm" c="dimmed">
            Signed in as {profile.email}
          </Text>
          <TextInput
            label="Display name"
            autoComplete="name"
            required
            maxLength={120}
            {...form.getInputProps('displayName')}
          />
          <TextInput
            label="Credentials"
            description="As printed after your name, e.g. LMT or LMT, CMTPT."
            maxLength={60}
            {...form.getInputProps('credentials')}
          />
          <TextInput
            label="Licence number"
            description="Your state massage therapy licence, printed on every report you sign."
            maxLength={60}
            {...form.getInputProps('licenseNumber')}
          />
          <Button type="submit" loading={form.submitting} disabled={!form.isDirty()}>
            Save profile
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
