import { Alert, Button, Center, Stack } from '@mantine/core';
import { useRouteError } from 'react-router';
import { describeError } from '../components/query-state.tsx';

/** Last resort when a screen throws while rendering: say so and offer a way back. */
export function RouteErrorPage() {
  const error = useRouteError();
  return (
    <Center mih="60vh" p="md">
      <Alert color="red" title="This screen failed to load" role="alert" maw={520}>
        <Stack align="flex-start">
          {describeError(error)}
          <Button variant="light" color="red" onClick={() => window.location.assign('/')}>
            Reload Fascia
          </Button>
        </Stack>
      </Alert>
    </Center>
  );
}
