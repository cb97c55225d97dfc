import { Badge, Button, Group, Modal, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Role, Session, StaffMember } from '../../api/types.ts';
import { formatDateTime } from '../../components/format.ts';
import { describeError } from '../../components/query-state.tsx';
import { ROLE_OPTIONS, roleLabel } from '../../components/role-labels.ts';
import { useUpdateStaff } from './staff-api.ts';

/**
 * Who may be changed by whom: nobody edits their own role or access (a clinic must not lock out its
 * last owner by accident), and only an owner changes an owner.
 */
function editable(member: StaffMember, session: Session): boolean {
  if (member.id === session.user.id) return false;
  return member.role !== 'owner' || session.user.role === 'owner';
}

export function StaffTable({ staff, session }: { staff: StaffMember[]; session: Session }) {
  const update = useUpdateStaff();
  const [confirming, setConfirming] = useState<StaffMember | null>(null);
  // The dialog keeps showing whom it is about while it fades out after closing.
  const [confirmOpen, setConfirmOpen] = useState(false);
  const askToConfirm = (m: StaffMember) => {
    setConfirming(m);
    setConfirmOpen(true);
  };
  const roles = ROLE_OPTIONS.filter((r) => r.value !== 'owner' || session.user.role === 'owner');

  const changeRole = (member: StaffMember, role: Role) => {
    update.mutate(
      { id: member.id, role },
      {
        onSuccess: (m) =>
          notifications.show({
            color: 'teal',
            title: 'Role changed',
            message: `${m.displayName} is now ${roleLabel(m.role)}.`,
          }),
        onError: (err) =>
          notifications.show({ color: 'red', title: 'Role not changed', message: describeError(err) }),
      },
    );
  };

  const toggleActive = (member: StaffMember) => {
    update.mutate(
      { id: member.id, active: !member.active },
      {
        onSuccess: (m) => {
          setConfirmOpen(false);
          notifications.show({
            color: 'teal',
            title: m.active ? 'Reactivated' : 'Deactivated',
            message: m.active
              ? `${m.displayName} can sign in again.`
              : `${m.displayName} can no longer sign in.`,
          });
        },
        onError: (err) =>
          notifications.show({ color: 'red', title: 'Not changed', message: describeError(err) }),
      },
    );
  };

  return (
    <>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Two-factor</Table.Th>
              <Table.Th>Last sign-in</Table.Th>
              <Table.Th>Access</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {staff.map((m) => {
              const canEdit = editable(m, session);
              return (
                <Table.Tr key={m.id} data-testid={`staff-row-${m.email}`}>
                  <Table.Td>
                    <Text fw={600}>{m.displayName}</Text>
                    <Text size="sm" c="dimmed">
                      {m.email}
                    </Text>
                    {!m.active && (
                      <Badge color="red" variant="light" mt={4}>
                        Deactivated
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td miw={180}>
                    {canEdit ? (
                      <NativeSelect
                        aria-label={`Role for ${m.displayName}`}
                        data={roles}
                        value={m.role}
                        disabled={update.isPending}
                        onChange={(e) => {
                          const role = e.currentTarget.value as Role;
                          if (role !== m.role) changeRole(m, role);
                        }}
                      />
                    ) : (
                      roleLabel(m.role)
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={m.mfaEnrolled ? 'teal' : 'gray'} variant="light">
                      {m.mfaEnrolled ? 'On' : 'Off'}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{m.lastSignInAt ? formatDateTime(m.lastSignInAt) : 'Never'}</Table.Td>
                  <Table.Td>
                    <Group gap="sm" wrap="nowrap">
                      {canEdit && (
                        <Button
                          variant={m.active ? 'default' : 'light'}
                          color={m.active ? 'red' : 'teal'}
                          onClick={() => askToConfirm(m)}
                        >
                          {m.active ? 'Deactivate' : 'Reactivate'}
                        </Button>
                      )}
                      {m.id === session.user.id && (
                        <Text size="sm" c="dimmed">
                          You
                        </Text>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <Modal
        opened={confirmOpen}
        onClose={() => setConfirmOpen(false)}
        title={
          confirming ? `${confirming.active ? 'Deactivate' : 'Reactivate'} ${confirming.displayName}?` : ''
        }
      >
        {confirming && (
          <Stack>
            <Text>
              {confirming.active
                ? 'They will be signed out everywhere and can no longer sign in. Their records and audit history stay.'
                : 'They will be able to sign in again with their existing password.'}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirmOpen(false)}>
                Cancel
              </Button>
              <Button
                color={confirming.active ? 'red' : 'teal'}
                loading={update.isPending}
                onClick={() => toggleActive(confirming)}
              >
                Confirm
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
