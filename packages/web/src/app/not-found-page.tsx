import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '../components/page-header.tsx';

export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" />
      <Text>There is nothing at this address, or your role does not include it.</Text>
      <Anchor component={Link} to="/">
        Go to Today
      </Anchor>
    </>
  );
}
