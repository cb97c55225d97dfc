import { Alert, Anchor, Stack, Text } from '@mantine/core';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { useSession } from '../auth/session-query.ts';

export function greeting(hour: number): string {
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

export function HomePage() {
  const { data: session } = useSession();
  if (!session) return null;
  const now = dayjs();
  return (
    <>
      <PageHeader title="Today" description={now.format('dddd, D MMMM YYYY')} />
      <Stack maw={720}>
        <Text size="lg">
          {greeting(now.hour())}, {session.user.displayName}.
        </Text>
        <Text c="dimmed">
          Today's appointments, visits waiting for a signed note and referrals that need attention will be
          listed here once scheduling and documentation are built.
        </Text>
        {!session.user.mfaEnrolled && (
          <Alert color="yellow" variant="light" title="Two-factor is off for your account">
            An authenticator app keeps patient records safe even if your password leaks.{' '}
            <Anchor component={Link} to="/enrol-2fa" size="sm">
              Turn on two-factor
            </Anchor>
          </Alert>
        )}
      </Stack>
    </>
  );
}
