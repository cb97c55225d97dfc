import { Button, NumberInput, Paper, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { ClinicSettings, Organization } from '../../api/types.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { applyProblem } from '../../components/form-problem.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { hasPermission, SESSION_KEY, useSession } from '../auth/session-query.ts';
import { ChartAccessSettings } from './chart-access-settings.tsx';
import { ClinicProfileSection } from './clinic-profile-section.tsx';

export function SettingsPage() {
  const { data: session } = useSession();
  const organization = useQuery({
    queryKey: ['organization'],
    queryFn: () => api.get<ClinicSettings>('/organization'),
  });
  const canEdit = hasPermission(session, 'organization.manage');

  return (
    <>
      <PageHeader
        title="Clinic settings"
        description={canEdit ? undefined : 'Only the clinic owner can change these settings.'}
      />
      <QueryState query={organization} label="the clinic settings">
        {(org) => (
          <Stack>
            <SettingsForm key={JSON.stringify(org)} organization={org} canEdit={canEdit} />
            <ChartAccessSettings
              key={`access-${org.frontDeskManagesCareTeam}-${org.emergencyAccessMinutes}`}
              settings={org}
              canEdit={hasPermission(session, 'staff.manage')}
            />
          </Stack>
        )}
      </QueryState>
      <ClinicProfileSection canEdit={hasPermission(session, 'organization.profile')} />
    </>
  );
}

function SettingsForm({ organization, canEdit }: { organization: Organization; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      name: organization.name,
      requireMfa: organization.requireMfa,
      sessionIdleMinutes: organization.sessionIdleMinutes as number | string,
    },
    validate: {
      name: (v) => (v.trim() ? null : 'Enter the clinic name'),
      sessionIdleMinutes: (v) =>
        typeof v === 'number' && Number.isInteger(v) && v >= 1 ? null : 'Enter whole minutes',
    },
  });

  const submit = form.onSubmit(async (values) => {
    setMessage(null);
    try {
      const saved = await api.patch<Organization>('/organization', {
        name: values.name.trim(),
        requireMfa: values.requireMfa,
        sessionIdleMinutes: Number(values.sessionIdleMinutes),
      });
      queryClient.setQueryData(['organization'], saved);
      // The header shows the clinic name and the idle timer uses the limit: both come from the session.
      await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      notifications.show({
        color: 'teal',
        title: 'Settings saved',
        message: 'The clinic settings were updated.',
      });
    } catch (err) {
      setMessage(applyProblem(form, err) || null);
    }
  });

  return (
    <Paper withBorder p="lg" maw={560}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert message={message} title="Settings not saved" />
          <TextInput label="Clinic name" required disabled={!canEdit} {...form.getInputProps('name')} />
          <Switch
            label="Require two-factor for all staff"
            description="Staff without an authenticator app set up are asked to set one up at their next sign-in."
            disabled={!canEdit}
            {...form.getInputProps('requireMfa', { type: 'checkbox' })}
          />
          <NumberInput
            label="Idle timeout (minutes)"
            description="Staff are signed out after this many minutes without activity, which protects patient information on shared tablets. 15 suits most clinics."
            min={1}
            max={720}
            allowDecimal={false}
            allowNegative={false}
            disabled={!canEdit}
            {...form.getInputProps('sessionIdleMinutes')}
          />
          {canEdit ? (
            <Button type="submit" loading={form.submitting} disabled={!form.isDirty()}>
              Save settings
            </Button>
          ) : (
            <Text size="sm" c="dimmed">
              Read only for your role.
            </Text>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
