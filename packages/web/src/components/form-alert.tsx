import { Alert } from '@mantine/core';

/** The message for a whole form; role=alert so a screen reader announces it when it appears. */
export function FormAlert({ message, title = 'Could not save' }: { message: string | null; title?: string }) {
  if (!message) return null;
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      {message}
    </Alert>
  );
}
