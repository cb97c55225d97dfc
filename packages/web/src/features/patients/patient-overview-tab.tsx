import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { lazy, type ReactNode, Suspense, useState } from 'react';
import { formatDate } from '../../components/format.ts';
import { PageLoader } from '../../components/query-state.tsx';
import { hasPermission, useSession } from '../auth/session-query.ts';
import { type PatientView, SEX_OPTIONS } from './patients-api.ts';

const PatientEditForm = lazy(() =>
  import('./patient-edit-form.tsx').then((m) => ({ default: m.PatientEditForm })),
);

const CHANNEL_WORDS: Record<string, string> = { sms: 'text', email: 'email', phone: 'phone', post: 'post' };

export function PatientOverviewTab({ patient }: { patient: PatientView }) {
  const { data: session } = useSession();
  const [editing, setEditing] = useState(false);
  const r = patient.record;

  if (editing) {
    return (
      <Suspense fallback={<PageLoader label="Loading the form" />}>
        <PatientEditForm patient={patient} onDone={() => setEditing(false)} />
      </Suspense>
    );
  }

  const address = r.address
    ? [
        r.address.line1,
        r.address.line2,
        r.address.city,
        r.address.region,
        r.address.postalCode,
        r.address.country,
      ]
        .filter(Boolean)
        .join(', ')
    : undefined;
  const consent = (c: { given: boolean; date?: string }) =>
    c.given ? `Given ${formatDate(c.date)}` : 'Not given';

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h4">
          Details
        </Title>
        {hasPermission(session, 'patients.write') && (
          <Button variant="light" onClick={() => setEditing(true)}>
            Edit details
          </Button>
        )}
      </Group>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
          <Item label="Date of birth">{formatDate(r.dateOfBirth)}</Item>
          <Item label="Sex">{SEX_OPTIONS.find((o) => o.value === r.sex)?.label ?? r.sex}</Item>
          <Item label="Pronouns">{r.pronouns}</Item>
          <Item label="Preferred language">{r.preferredLanguage}</Item>
          <Item label="Phone">{r.phone}</Item>
          <Item label="Email">{r.email}</Item>
          <Item label="Address">{address}</Item>
          <Item label="Emergency contact">
            {r.emergencyContact &&
              `${r.emergencyContact.name} (${r.emergencyContact.relationship}), ${r.emergencyContact.phone}`}
          </Item>
          <Item label="Consent to treatment">{consent(r.consents.treatment)}</Item>
          <Item label="Consent to communication">
            {consent(r.consents.communication)}
            {r.consents.communication.given &&
              r.consents.communication.channels.length > 0 &&
              ` (${r.consents.communication.channels.map((c) => CHANNEL_WORDS[c] ?? c).join(', ')})`}
          </Item>
          <Item label="Care team">{patient.careTeam.map((m) => m.displayName).join(', ') || undefined}</Item>
        </SimpleGrid>
      </Paper>
    </Stack>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text>{children || '—'}</Text>
    </div>
  );
}
