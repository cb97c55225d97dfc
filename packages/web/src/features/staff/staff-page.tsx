import { Badge, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { Invitation } from '../../api/types.ts';
import { formatDateTime } from '../../components/format.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { roleLabel } from '../../components/role-labels.ts';
import { useSession } from '../auth/session-query.ts';
import { InviteStaffModal } from './invite-staff-modal.tsx';
import { useInvitations, useStaff } from './staff-api.ts';
import { StaffTable } from './staff-table.tsx';

export function StaffPage() {
  const { data: session } = useSession();
  const staff = useStaff();
  const invitations = useInvitations();
  const [inviting, { open, close }] = useDisclosure(false);
  if (!session) return null;

  return (
    <>
      <PageHeader
        title="Staff"
        description="Everyone who signs in to this clinic, and what their role lets them do."
        actions={<Button onClick={open}>Invite staff</Button>}
      />
      <Stack gap="xl">
        <QueryState query={staff} label="staff">
          {({ items }) => <StaffTable staff={items} session={session} />}
        </QueryState>
        <section aria-labelledby="pending-invitations">
          <Title order={2} size="h4" id="pending-invitations" mb="sm">
            Pending invitations
          </Title>
          <QueryState query={invitations} label="invitations">
            {({ items }) => <InvitationsList invitations={items} />}
          </QueryState>
        </section>
      </Stack>
      <InviteStaffModal opened={inviting} onClose={close} actorRole={session.user.role} />
    </>
  );
}

function InvitationsList({ invitations }: { invitations: Invitation[] }) {
  if (invitations.length === 0) return <Text c="dimmed">No invitations are waiting to be accepted.</Text>;
  const now = Date.now();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Sent</Table.Th>
            <Table.Th>Expires</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invitations.map((inv) => (
            <Table.Tr key={inv.id}>
              <Table.Td>
                <Text fw={600}>{inv.displayName}</Text>
                <Text size="sm" c="dimmed">
                  {inv.email}
                </Text>
              </Table.Td>
              <Table.Td>{roleLabel(inv.role)}</Table.Td>
              <Table.Td>{formatDateTime(inv.createdAt)}</Table.Td>
              <Table.Td>
                {Date.parse(inv.expiresAt) < now ? (
                  <Badge color="gray" variant="light">
                    Expired
                  </Badge>
                ) : (
                  formatDateTime(inv.expiresAt)
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
