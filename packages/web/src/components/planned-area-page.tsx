import { Text } from '@mantine/core';
import { PageHeader } from './page-header.tsx';

/** An area of the care loop that later work fills in; it says so rather than showing made-up data. */
export function PlannedAreaPage({ title, purpose }: { title: string; purpose: string }) {
  return (
    <>
      <PageHeader title={title} />
      <Text>{purpose}</Text>
      <Text c="dimmed" mt="sm">
        This area is not built yet.
      </Text>
    </>
  );
}
