import { Button, NumberInput, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { ClinicSettings } from '../../api/types.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { applyProblem } from '../../components/form-problem.ts';

/**
 * Who may open charts: whether the front desk changes care teams, and how long a therapist's
 * emergency access lasts. Owners and admins set these (PATCH /api/organization/access).
 */
export function ChartAccessSettings({ settings, canEdit }: { settings: ClinicSettings; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      frontDeskManagesCareTeam: settings.frontDeskManagesCareTeam,
      emergencyAccessMinutes: settings.emergencyAccessMinutes as number | string,
    },
    validate: {
      emergencyAccessMinutes: (v) =>
        typeof v === 'number' && Number.isInteger(v) && v >= 15 && v <= 480
          ? null
          : 'Enter whole minutes from 15 to 480',
    },
  });
  const submit = form.onSubmit(async (values) => {
    setMessage(null);
    try {
      const saved = await api.patch<ClinicSettings>('/organization/access', {
        frontDeskManagesCareTeam: values.frontDeskManagesCareTeam,
        emergencyAccessMinutes: Number(values.emergencyAccessMinutes),
      });
      queryClient.setQueryData(['organization'], saved);
      form.resetDirty();
      notifications.show({ color: 'teal', title: 'Settings saved', message: 'Chart access was updated.' });
    } catch (err) {
      setMessage(applyProblem(form, err) || null);
    }
  });

  return (
    <Paper withBorder p="lg" maw={560} component="section" aria-labelledby="chart-access-title">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h4" id="chart-access-title">
            Chart access
          </Title>
          <FormAlert message={message} title="Settings not saved" />
          <Switch
            label="The front desk may change care teams"
            description="The care team decides which therapists read a patient's clinical record. Owners and admins can always change it; therapists never can."
            disabled={!canEdit}
            {...form.getInputProps('frontDeskManagesCareTeam', { type: 'checkbox' })}
          />
          <NumberInput
            label="Emergency access lasts (minutes)"
            description="A therapist off the care team can open a chart in an emergency by writing why. Every such access is flagged in the audit trail for review."
            min={15}
            max={480}
            allowDecimal={false}
            allowNegative={false}
            disabled={!canEdit}
            {...form.getInputProps('emergencyAccessMinutes')}
          />
          {canEdit ? (
            <Button type="submit" mih={44} loading={form.submitting} disabled={!form.isDirty()}>
              Save chart access
            </Button>
          ) : (
            <Text size="sm" c="dimmed">
              Only an owner or admin can change these.
            </Text>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
