import { lookupIcd10 } from '@fascia/domain/patients/icd10';
import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatDate } from '../../components/format.ts';
import { QueryState } from '../../components/query-state.tsx';
import { hasPermission, useSession } from '../auth/session-query.ts';
import { regionWords } from '../patients/body-region-picker.tsx';
import { ReferralForm } from './referral-form.tsx';
import { PRECAUTION_KINDS } from './referral-form-values.ts';
import { ReferralStatusBadge } from './referral-status-badge.tsx';
import { attachmentUrl, type ReferralView, useReferrals } from './referrals-api.ts';

export function ReferralsTab({ patientId }: { patientId: string }) {
  const { data: session } = useSession();
  const referrals = useReferrals(patientId);
  // undefined: list only; null: adding; a view: editing it.
  const [editing, setEditing] = useState<ReferralView | null | undefined>(undefined);
  const canWrite = hasPermission(session, 'referrals.write');

  if (editing !== undefined) {
    return (
      <Stack>
        <Title order={2} size="h4">
          {editing ? 'Edit referral' : 'Add referral'}
        </Title>
        <ReferralForm
          patientId={patientId}
          existing={editing ?? undefined}
          onDone={() => setEditing(undefined)}
        />
      </Stack>
    );
  }

  return (
    <Stack>
      <Group justify="space-between">
        <Text c="dimmed">Physicians' prescriptions for this patient's care, newest first.</Text>
        {canWrite && <Button onClick={() => setEditing(null)}>Add referral</Button>}
      </Group>
      <QueryState query={referrals} label="referrals">
        {({ items }) =>
          items.length === 0 ? (
            <Paper withBorder p="md">
              <Text c="dimmed">No referral on file.</Text>
            </Paper>
          ) : (
            <Stack>
              {items.map((r) => (
                <ReferralCard key={r.id} view={r} onEdit={canWrite ? () => setEditing(r) : undefined} />
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}

function ReferralCard({ view, onEdit }: { view: ReferralView; onEdit?: () => void }) {
  const r = view.referral;
  const precautionLabel = (kind: string) => PRECAUTION_KINDS.find((k) => k.value === kind)?.label ?? kind;
  return (
    <Paper withBorder p="md" data-testid="referral-card">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <div>
            <Text fw={700}>{view.provider.displayName}</Text>
            <Text size="sm" c="dimmed">
              NPI {view.provider.npi} · written {formatDate(r.dateWritten)}
              {r.authorizationNumber && ` · authorization ${r.authorizationNumber}`}
            </Text>
          </div>
          <Group gap="xs">
            <ReferralStatusBadge status={view.status.status} />
            {onEdit && (
              <Button variant="subtle" size="xs" onClick={onEdit}>
                Edit
              </Button>
            )}
          </Group>
        </Group>
        {view.status.explanation.map((line) => (
          <Text key={line} size="sm">
            {line}
          </Text>
        ))}
        <Text size="sm">
          {r.diagnoses.map((code, i) => (
            <span key={code}>
              {i > 0 && '; '}
              <strong>{code}</strong> {lookupIcd10(code)?.description}
              {i === 0 && r.diagnoses.length > 1 && ' (principal)'}
            </span>
          ))}
        </Text>
        <Text size="sm">
          {r.frequency.timesPerWeek}×/week for {r.durationWeeks} weeks ({view.orderedVisits} visits ordered
          {r.visitsAuthorized !== undefined && `, ${r.visitsAuthorized} authorized`}); {view.visitsUsed} used
          {view.status.visitsLeft !== undefined && `, ${view.status.visitsLeft} left`}. Valid{' '}
          {formatDate(r.validFrom)} – {formatDate(r.validUntil)}.
        </Text>
        {(r.precautions.text || r.precautions.items.length > 0) && (
          <Text size="sm">
            <strong>Precautions:</strong> {r.precautions.text}
            {r.precautions.items.map((p) => (
              <span key={JSON.stringify(p)}>
                {' '}
                · {precautionLabel(p.kind)}
                {'pressure' in p && ` ${p.pressure} of 5`}
                {'position' in p && ` ${p.position.replace('_', '-')}`}
                {'minutes' in p && ` ${p.minutes}`}
                {'regions' in p && p.regions?.length ? ` (${regionWords(p.regions)})` : ''}
              </span>
            ))}
          </Text>
        )}
        {r.goals.length > 0 && (
          <Text size="sm">
            <strong>Goals:</strong> {r.goals.join('; ')}
          </Text>
        )}
        {view.attachment && (
          <Anchor href={attachmentUrl(view.id)} size="sm">
            Download prescription ({view.attachment.fileName})
          </Anchor>
        )}
      </Stack>
    </Paper>
  );
}
