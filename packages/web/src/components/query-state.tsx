import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiProblem } from '../api/client.ts';

export function describeError(error: unknown): string {
  if (error instanceof ApiProblem) return error.problem.detail ?? error.problem.title;
  return 'Something went wrong. Try again.';
}

export function PageLoader({ label = 'Loading' }: { label?: string }) {
  return (
    <Center py="xl" role="status" aria-label={label}>
      <Loader />
    </Center>
  );
}

/** Loading, error (with retry) and loaded states of one query, the same on every screen. */
export function QueryState<T>({
  query,
  label,
  children,
}: {
  query: UseQueryResult<T>;
  label: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <PageLoader label={`Loading ${label}`} />;
  if (query.isError) {
    return (
      <Alert color="red" variant="light" title={`Could not load ${label}`} role="alert">
        <Stack gap="sm" align="flex-start">
          {describeError(query.error)}
          <Button variant="light" color="red" onClick={() => query.refetch()}>
            Try again
          </Button>
        </Stack>
      </Alert>
    );
  }
  return <>{children(query.data)}</>;
}
