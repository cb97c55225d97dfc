import { Button, CopyButton, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Role, SentInvitation } from '../../api/types.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { applyProblem } from '../../components/form-problem.ts';
import { ROLE_OPTIONS } from '../../components/role-labels.ts';
import { createInvitation, INVITATIONS_KEY } from './staff-api.ts';

export function InviteStaffModal({
  opened,
  onClose,
  actorRole,
}: {
  opened: boolean;
  onClose: () => void;
  actorRole: Role;
}) {
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const [sent, setSent] = useState<SentInvitation | null>(null);
  const form = useForm({
    initialValues: { email: '', name: '', role: 'therapist' as string },
    validate: {
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : 'Enter an email address'),
      name: (v) => (v.trim() ? null : 'Enter their name'),
      role: (v) => (v ? null : 'Choose a role'),
    },
  });

  const close = () => {
    form.reset();
    setMessage(null);
    setSent(null);
    onClose();
  };

  const submit = form.onSubmit(async (values) => {
    setMessage(null);
    try {
      const invitation = await createInvitation({
        email: values.email.trim(),
        displayName: values.name.trim(),
        role: values.role as Role,
      });
      await queryClient.invalidateQueries({ queryKey: INVITATIONS_KEY });
      await queryClient.invalidateQueries({ queryKey: ['outbox'] });
      notifications.show({
        color: 'teal',
        title: 'Invitation sent',
        message: `${invitation.email} can now join with the link in their email.`,
      });
      // The link is shown here once: the outbox keeps the mail without it, so no one else can use it.
      setSent(invitation);
    } catch (err) {
      setMessage(applyProblem(form, err, { displayName: 'name' }) || null);
    }
  });

  // Only an owner makes owners; the server enforces it, the form just does not offer it.
  const roles = ROLE_OPTIONS.filter((r) => r.value !== 'owner' || actorRole === 'owner');

  return (
    <Modal opened={opened} onClose={close} title="Invite staff" size="md">
      {sent ? (
        <Stack>
          <Text size="sm">
            The invitation was emailed to {sent.email}. If your clinic has no mail server, copy this link and
            give it to them yourself: it is shown only now, and it works once.
          </Text>
          <TextInput
            label="Invitation link"
            readOnly
            value={sent.link}
            onFocus={(e) => e.currentTarget.select()}
          />
          <Group justify="flex-end">
            <CopyButton value={sent.link}>
              {({ copied, copy }) => (
                <Button variant="light" mih={44} onClick={copy}>
                  {copied ? 'Copied' : 'Copy link'}
                </Button>
              )}
            </CopyButton>
            <Button mih={44} onClick={close}>
              Done
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <FormAlert message={message} title="Invitation not sent" />
            <TextInput
              label="Email"
              type="email"
              placeholder="name@clinic.example"
              required
              data-autofocus
              {...form.getInputProps('email')}
            />
            <TextInput label="Name" autoComplete="off" required {...form.getInputProps('name')} />
            <NativeSelect label="Role" data={roles} required {...form.getInputProps('role')} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={form.submitting}>
                Send invitation
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
