import type { HealthHistory } from '@fascia/domain/patients/health-history.schema';
import { Button, Group, Modal, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ComponentType, useState } from 'react';
import { api } from '../../api/client.ts';
import type { StaffMember } from '../../api/types.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { formatDate } from '../../components/format.ts';
import { describeError, QueryState } from '../../components/query-state.tsx';
import { hasPermission, useSession } from '../auth/session-query.ts';
import {
  type HistoryItemMeta,
  type HistoryKind,
  historyKey,
  retireHistoryItem,
  useHistory,
} from './history-api.ts';
import {
  AllergyForm,
  ConditionForm,
  InjuryForm,
  MedicationForm,
  SurgeryForm,
} from './history-clinical-forms.tsx';
import type { CorrectedItem, ItemFormProps } from './history-form-parts.tsx';
import { summarise } from './history-item-summary.ts';
import { DeviceForm, LabForm, PregnancyForm, RadiationForm } from './history-other-forms.tsx';
import { localToday } from './patients-api.ts';

const SECTIONS: { kind: HistoryKind; title: string; add: string; Form: ComponentType<ItemFormProps> }[] = [
  { kind: 'conditions', title: 'Conditions', add: 'Add condition', Form: ConditionForm },
  { kind: 'medications', title: 'Medications', add: 'Add medication', Form: MedicationForm },
  { kind: 'surgeries', title: 'Surgeries and procedures', add: 'Add surgery', Form: SurgeryForm },
  { kind: 'injuries', title: 'Fractures and injuries', add: 'Add injury', Form: InjuryForm },
  { kind: 'allergies', title: 'Allergies and sensitivities', add: 'Add allergy', Form: AllergyForm },
  { kind: 'pregnancy', title: 'Pregnancy', add: 'Record pregnancy', Form: PregnancyForm },
  { kind: 'devices', title: 'Implanted devices', add: 'Add device', Form: DeviceForm },
  { kind: 'labs', title: 'Lab values', add: 'Add lab value', Form: LabForm },
  { kind: 'radiation', title: 'Radiation therapy', add: 'Add radiation therapy', Form: RadiationForm },
];

export function HistoryTab({ patientId }: { patientId: string }) {
  const { data: session } = useSession();
  const history = useHistory(patientId);
  const staff = useQuery({ queryKey: ['staff'], queryFn: () => api.get<{ items: StaffMember[] }>('/staff') });
  // One form open at a time keeps every label on the page unique and the tablet screen calm.
  const [open, setOpen] = useState<{ kind: HistoryKind; correcting?: CorrectedItem } | null>(null);
  const adding = open && !open.correcting ? open.kind : null;
  const [retiring, setRetiring] = useState<{ id: string; title: string } | null>(null);
  const canWrite = hasPermission(session, 'clinical.write');
  const today = localToday();
  const close = () => setOpen(null);
  const staffName = (id: string) => staff.data?.items.find((m) => m.id === id)?.displayName ?? 'staff';

  return (
    <QueryState query={history} label="the health history">
      {(data) => {
        const meta = new Map<string, HistoryItemMeta>(data.items.map((m) => [m.id, m]));
        return (
          <Stack gap="lg">
            {SECTIONS.map(({ kind, title, add, Form }) => {
              const lines = summarise(kind, data.history, today);
              return (
                <section key={kind} aria-labelledby={`history-${kind}`}>
                  <Group justify="space-between" mb="xs">
                    <Title order={2} size="h4" id={`history-${kind}`}>
                      {title}
                    </Title>
                    {canWrite && adding !== kind && (
                      <Button variant="light" size="sm" onClick={() => setOpen({ kind })}>
                        {add}
                      </Button>
                    )}
                  </Group>
                  <Stack gap="xs">
                    {lines.length === 0 && adding !== kind && (
                      <Text c="dimmed" size="sm">
                        None recorded.
                      </Text>
                    )}
                    {lines.map((line) => {
                      const m = meta.get(line.id);
                      if (open?.correcting?.id === line.id) {
                        return (
                          <Form
                            key={line.id}
                            patientId={patientId}
                            correcting={open.correcting}
                            onDone={close}
                          />
                        );
                      }
                      return (
                        <Paper key={line.id} withBorder p="sm" data-testid={`history-item-${kind}`}>
                          <Group justify="space-between" wrap="nowrap" align="flex-start">
                            <div>
                              <Text fw={600}>{line.title}</Text>
                              {line.detail && <Text size="sm">{line.detail}</Text>}
                              {m && (
                                <Text size="xs" c="dimmed">
                                  Recorded {formatDate(m.recordedAt)} by {staffName(m.recordedBy)}
                                </Text>
                              )}
                            </div>
                            {canWrite && (
                              <Group gap={4} wrap="nowrap">
                                <Button
                                  variant="subtle"
                                  size="xs"
                                  onClick={() =>
                                    setOpen({
                                      kind,
                                      correcting: {
                                        id: line.id,
                                        title: line.title,
                                        item: recordedItem(data.history, kind, line.id),
                                      },
                                    })
                                  }
                                  aria-label={`Correct ${line.title}`}
                                >
                                  Correct
                                </Button>
                                <Button
                                  variant="subtle"
                                  color="gray"
                                  size="xs"
                                  onClick={() => setRetiring({ id: line.id, title: line.title })}
                                  aria-label={`Retire ${line.title}`}
                                >
                                  Retire
                                </Button>
                              </Group>
                            )}
                          </Group>
                        </Paper>
                      );
                    })}
                    {adding === kind && <Form patientId={patientId} onDone={close} />}
                  </Stack>
                </section>
              );
            })}
            <RetireModal patientId={patientId} item={retiring} onClose={() => setRetiring(null)} />
          </Stack>
        );
      }}
    </QueryState>
  );
}

/** The stored fields of one item, which the correction form starts from. */
function recordedItem(history: HealthHistory, kind: HistoryKind, id: string): Record<string, unknown> {
  const value: unknown = history[kind];
  const items = Array.isArray(value) ? value : value ? [value] : [];
  return (items as { id?: string }[]).find((i) => i.id === id) ?? {};
}

function RetireModal({
  patientId,
  item,
  onClose,
}: {
  patientId: string;
  item: { id: string; title: string } | null;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setReason('');
    setError(null);
    onClose();
  };
  const retire = async () => {
    if (!item) return;
    if (!reason.trim()) {
      setError('Say why, e.g. resolved or entered in error.');
      return;
    }
    setBusy(true);
    try {
      await retireHistoryItem(patientId, item.id, reason.trim());
      await queryClient.invalidateQueries({ queryKey: historyKey(patientId) });
      await queryClient.invalidateQueries({ queryKey: ['patients', patientId], exact: true });
      await queryClient.invalidateQueries({ queryKey: ['patients', patientId, 'screening-context'] });
      close();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={item !== null} onClose={close} title={`Retire ${item?.title ?? ''}`}>
      <Stack>
        <Text size="sm">The item stays on record with the reason; it no longer counts for screening.</Text>
        <FormAlert message={error && !reason.trim() ? null : error} />
        <TextInput
          label="Reason"
          placeholder="Resolved, entered in error…"
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={error && !reason.trim() ? error : undefined}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button color="red" onClick={retire} loading={busy}>
            Retire
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
