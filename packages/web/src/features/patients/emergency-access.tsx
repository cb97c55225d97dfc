import { EMERGENCY_REASON_MAX, EMERGENCY_REASON_MIN } from '@fascia/domain/access/permissions';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormAlert } from '../../components/form-alert.tsx';
import { applyProblem } from '../../components/form-problem.ts';
import { formatDateTime } from '../../components/format.ts';
import { requestEmergencyAccess, useEmergencyGrant } from './chart-access-api.ts';

/**
 * For a therapist off the patient's care team: the chart's clinical record is closed, and in an
 * emergency they may open it for a limited time by writing why ("break the glass"). Everything
 * they open under it is flagged in the audit trail for the clinic owner (docs/security.md).
 */
export function EmergencyAccessPanel({ patientId, hasAccess }: { patientId: string; hasAccess: boolean }) {
  const grant = useEmergencyGrant(patientId, true);
  const [opened, setOpened] = useState(false);
  const current = grant.data?.grant;
  if (current) {
    return (
      <Alert color="orange" variant="light" title="Emergency access" role="status">
        You opened this chart under emergency access until {formatDateTime(current.expiresAt)}. Everything you
        view or record is flagged for the clinic owner to review.
      </Alert>
    );
  }
  if (hasAccess || grant.isPending) return null;
  return (
    <Alert color="gray" variant="light" title="Not on this patient’s care team">
      <Stack gap="sm">
        <Text size="sm">
          Their clinical record is open to the therapists treating them. An owner or admin changes the care
          team. If you must treat this patient now, you can open the chart under emergency access.
        </Text>
        <Group>
          <Button color="orange" variant="outline" mih={44} onClick={() => setOpened(true)}>
            Emergency access
          </Button>
        </Group>
      </Stack>
      <EmergencyAccessModal patientId={patientId} opened={opened} onClose={() => setOpened(false)} />
    </Alert>
  );
}

function EmergencyAccessModal({
  patientId,
  opened,
  onClose,
}: {
  patientId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({
    initialValues: { reason: '' },
    validate: {
      reason: (v) =>
        v.trim().length >= EMERGENCY_REASON_MIN
          ? null
          : `Say why you need the chart, in at least ${EMERGENCY_REASON_MIN} characters`,
    },
  });
  const submit = form.onSubmit(async ({ reason }) => {
    setMessage(null);
    try {
      await requestEmergencyAccess(patientId, reason.trim());
      // Every part of the chart was refused before: load it all again under the grant.
      await queryClient.invalidateQueries({ queryKey: ['patients', patientId] });
      onClose();
    } catch (err) {
      setMessage(applyProblem(form, err) || null);
    }
  });
  return (
    <Modal opened={opened} onClose={onClose} title="Emergency access to this chart">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert message={message} title="Emergency access not granted" />
          <Text size="sm">
            The chart opens for a limited time set by the clinic. Your reason, and every part of the record
            you open, are recorded and reviewed by the clinic owner.
          </Text>
          <Textarea
            label="Reason for emergency access"
            description={`At least ${EMERGENCY_REASON_MIN} characters: what is happening and why you need the record.`}
            required
            autosize
            minRows={3}
            maxLength={EMERGENCY_REASON_MAX}
            data-autofocus
            {...form.getInputProps('reason')}
          />
          <Group justify="flex-end">
            <Button variant="default" mih={44} onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="orange" mih={44} loading={form.submitting}>
              Open the chart
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
