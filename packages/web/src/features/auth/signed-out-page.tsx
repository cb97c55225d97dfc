import { Button, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router';
import { AuthCard } from './auth-card.tsx';
import { forgetSession } from './session-query.ts';

export function SignedOutPage() {
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const idle = params.get('reason') === 'idle';

  // Nothing the previous user saw may linger in memory for whoever picks up the tablet next.
  useEffect(() => forgetSession(queryClient), [queryClient]);

  return (
    <AuthCard title={idle ? 'Signed out after inactivity' : 'Signed out'}>
      <Text>
        {idle
          ? 'To protect patient information, Fascia signs you out when nobody has used it for a while. Anything not yet saved was not kept.'
          : 'You have signed out of Fascia.'}
      </Text>
      <Button component={Link} to="/sign-in">
        Sign in again
      </Button>
    </AuthCard>
  );
}
