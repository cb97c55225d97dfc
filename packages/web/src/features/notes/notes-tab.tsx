import { NOTE_TEMPLATES, templatesForProblems } from '@fascia/domain/sessions/note-templates';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { FormAlert } from '../../components/form-alert.tsx';
import { formatDate } from '../../components/format.ts';
import { describeError, QueryState } from '../../components/query-state.tsx';
import { type PlanSummary, useCurrentPicture, usePlans } from '../plans/plans-api.ts';
import { DECISION_WORDS } from '../screening/finding-words.ts';
import { type ScreeningView, useScreenings } from '../screening/screening-api.ts';
import { type NoteSummary, notesKey, startNote, useNotes } from './notes-api.ts';

/** The chart's "Visits" tab: the visit notes, and starting today's note behind the day-of screening. */
export function NotesTab({ patientId, canWrite }: { patientId: string; canWrite: boolean }) {
  const notes = useNotes(patientId);
  const [starting, setStarting] = useState(false);
  return (
    <Stack>
      {canWrite && !starting && (
        <Group justify="flex-end">
          <Button onClick={() => setStarting(true)}>Start visit note</Button>
        </Group>
      )}
      {starting && (
        <StartVisit patientId={patientId} notes={notes.data ?? []} onCancel={() => setStarting(false)} />
      )}
      <QueryState query={notes} label="the visit notes">
        {(items) => <NotesList patientId={patientId} items={items} />}
      </QueryState>
    </Stack>
  );
}

function StartVisit({
  patientId,
  notes,
  onCancel,
}: {
  patientId: string;
  notes: NoteSummary[];
  onCancel: () => void;
}) {
  const screenings = useScreenings(patientId);
  const picture = useCurrentPicture(patientId);
  const plans = usePlans(patientId);
  return (
    <Paper withBorder p="md">
      <QueryState query={picture} label="today's date">
        {(pic) => (
          <QueryState query={screenings} label="the screenings">
            {({ items }) => (
              <QueryState query={plans} label="the plans of care">
                {(planList) => (
                  <StartVisitForm
                    patientId={patientId}
                    today={pic.asOf}
                    screening={items.find((s) => s.asOf === pic.asOf)}
                    plans={planList}
                    canCopy={notes.some((n) => n.status === 'signed' && n.outcome === 'treated')}
                    onCancel={onCancel}
                  />
                )}
              </QueryState>
            )}
          </QueryState>
        )}
      </QueryState>
    </Paper>
  );
}

function StartVisitForm({
  patientId,
  today,
  screening,
  plans,
  canCopy,
  onCancel,
}: {
  patientId: string;
  today: string;
  screening: ScreeningView | undefined;
  plans: PlanSummary[];
  canCopy: boolean;
  onCancel: () => void;
}) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [planId, setPlanId] = useState(plans[0]?.id ?? '');
  const [copy, setCopy] = useState(false);
  const [templateId, setTemplateId] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!screening) {
    return (
      <Alert color="orange" title="Record today's day-of screening first" role="alert">
        <Stack gap="sm" align="flex-start">
          <Text size="sm">
            No screening has been recorded for {formatDate(today)}. A visit note can only be started after the
            patient has been screened today.
          </Text>
          <Group>
            <Button component={Link} to={`/patients/${patientId}/screening`}>
              Go to the day-of screening
            </Button>
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </Alert>
    );
  }

  const stop = screening.decision === 'stop';
  const plan = plans.find((p) => p.id === planId);
  const suited = plan ? templatesForProblems(plan.content.problems.map((p) => p.icd10)) : [];
  const templates = suited.length ? suited : NOTE_TEMPLATES;
  const start = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const note = await startNote(patientId, {
        screeningId: screening.id,
        ...(planId ? { planId } : {}),
        ...(!stop && copy ? { copyForward: true } : {}),
        ...(!stop && templateId ? { templateId } : {}),
      });
      await queryClient.invalidateQueries({ queryKey: notesKey(patientId) });
      navigate(`/patients/${patientId}/notes/${note.id}`);
    } catch (err) {
      setMessage(describeError(err));
      setBusy(false);
    }
  };
  const words = DECISION_WORDS[screening.decision];
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        Start today's visit note
      </Title>
      <Alert color={words.color} variant="light" title={`Today's screening: ${words.title}`}>
        {stop ? 'The visit can only be recorded as postponed, with the reason.' : words.text}
      </Alert>
      <NativeSelect
        label="Plan of care"
        data={[
          { value: '', label: 'No plan (one-off visit)' },
          ...plans.map((p) => ({
            value: p.id,
            label: `${p.content.problems.map((x) => x.icd10).join(', ')} — version ${p.currentVersion}`,
          })),
        ]}
        value={planId}
        onChange={(e) => setPlanId(e.currentTarget.value)}
      />
      {!stop && (
        <Group align="flex-end">
          <Checkbox
            label="Copy forward from last visit"
            disabled={!canCopy}
            checked={copy}
            onChange={(e) => setCopy(e.currentTarget.checked)}
          />
          <NativeSelect
            label="Apply template"
            data={[
              { value: '', label: 'No template' },
              ...templates.map((t) => ({ value: t.id, label: t.label })),
            ]}
            value={templateId}
            onChange={(e) => setTemplateId(e.currentTarget.value)}
          />
        </Group>
      )}
      <FormAlert message={message} title="Note not started" />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button onClick={start} loading={busy}>
          {stop ? 'Record postponement' : 'Start note'}
        </Button>
      </Group>
    </Stack>
  );
}

function NotesList({ patientId, items }: { patientId: string; items: NoteSummary[] }) {
  if (items.length === 0) return <Text c="dimmed">No visit documented yet.</Text>;
  return (
    <Table verticalSpacing="sm" aria-label="Visit notes">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Visit</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Units</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((n) => (
          <Table.Tr key={n.id}>
            <Table.Td>
              <Anchor component={Link} to={`/patients/${patientId}/notes/${n.id}`}>
                {formatDate(n.visitDate)}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <Group gap={6}>
                <Badge
                  variant={n.status === 'signed' ? 'filled' : 'outline'}
                  color={n.status === 'signed' ? 'teal' : 'gray'}
                >
                  {n.status === 'signed' ? 'Signed' : 'Draft'}
                </Badge>
                {n.outcome === 'postponed' && <Badge color="orange">Postponed</Badge>}
                {n.lateEntry && (
                  <Badge color="orange" variant="light">
                    Late entry
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td>{n.units ?? '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
