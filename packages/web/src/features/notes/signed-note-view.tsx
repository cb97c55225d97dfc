import { techniqueLabel } from '@fascia/domain/plans/techniques';
import { positionLabel, regionTargetLabel } from '@fascia/domain/plans/treatment-conflicts';
import {
  Badge,
  Button,
  Code,
  Divider,
  Group,
  List,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { FormAlert } from '../../components/form-alert.tsx';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { describeError } from '../../components/query-state.tsx';
import { hasPermission, useSession } from '../auth/session-query.ts';
import { useHomeCareLibrary } from '../plans/home-care-library.ts';
import { PrintNoteButton } from '../reports/print-note-button.tsx';
import { BillingBox, ScreeningSummary } from './note-panels.tsx';
import { addNoteAddendum, type NoteView, noteKey } from './notes-api.ts';

function Row({ label, children }: { label: string; children: ReactNode }) {
  if (children === undefined || children === null || children === '') return null;
  return (
    <Group gap="xs" align="baseline" wrap="nowrap">
      <Text size="sm" fw={600} miw={170}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Group>
  );
}

/** A signed note as the record keeps it: read-only, with its hash and signer, then its addenda. */
export function SignedNoteView({ note }: { note: NoteView }) {
  const { data: session } = useSession();
  const c = note.content;
  const library = useHomeCareLibrary();
  const homeCareLabel = (id: string) => library.find((i) => i.id === id)?.label ?? id;
  const signer =
    note.signedByName ??
    (note.signedBy && session?.user.id === note.signedBy
      ? session.user.displayName
      : 'a clinician of the clinic');
  return (
    <Stack>
      <Group gap="xs">
        <Badge color="teal" size="lg">
          Signed
        </Badge>
        {note.outcome === 'postponed' && <Badge color="orange">Postponed visit</Badge>}
        {note.lateEntry && (
          <Badge color="orange" variant="filled">
            Late entry
          </Badge>
        )}
      </Group>
      <Text size="sm" data-testid="signature">
        Signed by {signer} on {formatDateTime(note.signedAt)}. Content hash <Code>{note.contentHash}</Code>.
        The note is locked: corrections are added as addenda.
      </Text>
      {hasPermission(session, 'reports.generate') && (
        <PrintNoteButton noteId={note.id} patientId={note.patientId} />
      )}
      <ScreeningSummary screening={note.screening} />
      <Paper withBorder p="md">
        <Stack gap={6}>
          {c.outcome === 'postponed' ? (
            <Row label="Postponed because">{c.postponedReason}</Row>
          ) : (
            <>
              <Title order={2} size="h5">
                S — Subjective
              </Title>
              <Row label="Patient report">{c.subjective.report}</Row>
              <Row label="Pain before">{c.subjective.painBefore}</Row>
              <Divider />
              <Title order={2} size="h5">
                O — Objective
              </Title>
              <List size="sm" aria-label="Techniques documented">
                {(c.objective.techniques ?? []).map((l, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: signed lines never move
                  <List.Item key={i}>
                    {techniqueLabel(l.techniqueId ?? '')} —{' '}
                    {l.regionId ? regionTargetLabel({ regionId: l.regionId, side: l.side }) : ''}, {l.minutes}{' '}
                    min, pressure {l.pressure}, {l.position ? positionLabel(l.position) : ''}
                  </List.Item>
                ))}
              </List>
              <Row label="Positions">{(c.objective.positions ?? []).map(positionLabel).join(', ')}</Row>
              <Row label="Findings">{c.objective.findings}</Row>
              {c.overrides.length > 0 && (
                <Row label="Safety overrides">
                  {c.overrides
                    .map((o) => `Line ${o.techniqueLine === null ? '—' : o.techniqueLine + 1}: ${o.reason}`)
                    .join(' ')}
                </Row>
              )}
              <Divider />
              <Title order={2} size="h5">
                A — Assessment
              </Title>
              <Row label="Response">{c.assessment.response}</Row>
              <Row label="Pain after">{c.assessment.painAfter}</Row>
              <Row label="Adverse reactions">
                {c.assessment.adverseReactions?.occurred ? c.assessment.adverseReactions.description : 'None'}
              </Row>
              <Divider />
              <Title order={2} size="h5">
                P — Plan
              </Title>
              <Row label="Home care given">{(c.plan.homeCareGiven ?? []).map(homeCareLabel).join(', ')}</Row>
              <Row label="Plan changes proposed">{c.plan.planChangesProposed}</Row>
            </>
          )}
          <Row label="Next visit">
            {[c.plan?.nextVisit?.date && formatDate(c.plan.nextVisit.date), c.plan?.nextVisit?.note]
              .filter(Boolean)
              .join(' — ')}
          </Row>
          {note.referralOverride && <Row label="Referral override">{note.referralOverride}</Row>}
        </Stack>
      </Paper>
      {note.billing && note.outcome === 'treated' && <BillingBox billing={note.billing} />}
      <Addenda note={note} />
    </Stack>
  );
}

function Addenda({ note }: { note: NoteView }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [body, setBody] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const add = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const saved = await addNoteAddendum(note.id, { reason: reason.trim(), body: body.trim() });
      queryClient.setQueryData(noteKey(note.id), saved);
      setReason('');
      setBody('');
    } catch (err) {
      setMessage(describeError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="addenda-title">
      <Title order={2} size="h4" id="addenda-title" mb="xs">
        Addenda
      </Title>
      <Stack gap="sm">
        {note.addenda.length === 0 && <Text c="dimmed">No addendum.</Text>}
        {note.addenda.map((a) => (
          <Paper key={a.id} withBorder p="sm" data-testid="addendum">
            <Text size="sm" fw={600}>
              {a.reason}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {a.body}
            </Text>
            <Text size="xs" c="dimmed">
              {a.author}, {formatDateTime(a.createdAt)}
            </Text>
          </Paper>
        ))}
        <Paper withBorder p="md">
          <Stack gap="sm">
            <FormAlert message={message} title="Addendum not added" />
            <TextInput
              label="Addendum reason"
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <Textarea
              label="Addendum"
              autosize
              minRows={2}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button onClick={add} loading={busy} disabled={reason.trim().length < 3 || body.trim() === ''}>
                Add addendum
              </Button>
            </Group>
          </Stack>
        </Paper>
      </Stack>
    </section>
  );
}
