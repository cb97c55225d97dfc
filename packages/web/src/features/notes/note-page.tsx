import { noteBilling } from '@fascia/domain/sessions/note-billing';
import { checkNoteAgainstFindings } from '@fascia/domain/sessions/safety-gate';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Fieldset,
  Group,
  List,
  Paper,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiProblem } from '../../api/client.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { describeError, QueryState } from '../../components/query-state.tsx';
import { usePlan } from '../plans/plans-api.ts';
import { editor, fieldWords, textOrNothing } from './note-edit.ts';
import { NoteObjectiveSection } from './note-objective-section.tsx';
import { BillingBox, SaveStatus, ScreeningSummary } from './note-panels.tsx';
import { NoteAssessmentSection, NotePlanSection, NoteSubjectiveSection } from './note-soap-sections.tsx';
import { type NoteView, noteKey, notesKey, signNote, useNote } from './notes-api.ts';
import { SignedNoteView } from './signed-note-view.tsx';
import { useNoteAutosave } from './use-note-autosave.ts';

/** /patients/:patientId/notes/:noteId */
export function NotePage() {
  const { patientId = '', noteId = '' } = useParams();
  const note = useNote(noteId);
  return (
    <Stack>
      <QueryState query={note} label="the visit note">
        {(n) => (
          <>
            <PageHeader
              title={`Visit note — ${formatDate(n.visitDate)}`}
              description={
                <Anchor component={Link} to={`/patients/${patientId}/notes`}>
                  Back to the patient's visits
                </Anchor>
              }
            />
            {n.status === 'signed' ? <SignedNoteView note={n} /> : <NoteEditor key={n.id} initial={n} />}
          </>
        )}
      </QueryState>
    </Stack>
  );
}

function NoteEditor({ initial }: { initial: NoteView }) {
  const queryClient = useQueryClient();
  const { content, setContent, view, status, error, flush, version, restoredFromDevice } =
    useNoteAutosave(initial);
  const plan = usePlan(view.planId ?? undefined);
  const edit = useMemo(() => editor(setContent), [setContent]);
  const findings = view.screening.findings;
  // The server's gate and unit count, run on every keystroke so the therapist sees them before saving.
  const gate = useMemo(
    () => checkNoteAgainstFindings(content, findings, content.overrides ?? []),
    [content, findings],
  );
  const billing = useMemo(() => noteBilling(content.objective.techniques ?? []), [content]);
  const postponed = content.outcome === 'postponed' || gate.postponementOnly;
  const [referralOverride, setReferralOverride] = useState('');
  const [signMessage, setSignMessage] = useState<string | null>(null);
  const [signIssues, setSignIssues] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const sign = async () => {
    setBusy(true);
    setSignMessage(null);
    setSignIssues([]);
    try {
      const saved = await flush();
      if (!saved) {
        setSignMessage('The latest changes are not saved yet; signing waits until they are.');
        return;
      }
      const needsOverride = view.referral?.blocksSigning && !postponed;
      const signed = await signNote(view.id, {
        version: version.current,
        ...(needsOverride && referralOverride.trim() ? { referralOverride: referralOverride.trim() } : {}),
      });
      queryClient.setQueryData(noteKey(view.id), signed);
      await queryClient.invalidateQueries({ queryKey: notesKey(view.patientId) });
    } catch (err) {
      if (err instanceof ApiProblem && err.problem.errors) {
        setSignIssues(err.problem.errors.map((e) => `${fieldWords(e.field)}: ${e.message}`));
        setSignMessage('The note is not complete yet.');
      } else {
        setSignMessage(describeError(err));
      }
    } finally {
      setBusy(false);
    }
  };

  const unresolved = gate.violations.filter((v) => !v.overridden && v.kind !== 'stop');
  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="xs">
          <Badge size="lg" variant="outline">
            Draft
          </Badge>
          {postponed && <Badge color="orange">Postponement</Badge>}
        </Group>
        <SaveStatus status={status} />
      </Group>
      {restoredFromDevice && (
        <Alert color="blue" variant="light" title="Restored from this device" data-testid="restored-notice">
          Text typed on {formatDateTime(restoredFromDevice)} had not reached the server; it was restored and
          is being saved now.
        </Alert>
      )}
      {error && (
        <Alert color="red" variant="light" title="Not saved to the server">
          {error}
        </Alert>
      )}
      {view.referral && view.referral.status !== 'active' && (
        <Alert
          color={view.referral.blocksSigning ? 'red' : 'yellow'}
          variant="light"
          title={`The referral is ${view.referral.status.replace(/_/g, ' ')}`}
        >
          {view.referral.explanation.join(' ')}
          {view.referral.blocksSigning && ' Signing needs a written reason to override.'}
        </Alert>
      )}
      <ScreeningSummary screening={view.screening} />
      {gate.advisories.length > 0 && (
        <Paper withBorder p="sm">
          <Text size="sm" fw={600}>
            Reminders from the screening
          </Text>
          <List size="sm">
            {gate.advisories.map((a) => (
              <List.Item key={`${a.ruleId}:${a.text}`}>{a.text}</List.Item>
            ))}
          </List>
        </Paper>
      )}

      {postponed ? (
        <>
          <Fieldset legend="Postponed visit">
            <Textarea
              label="Postponement reason"
              description="The screening allows only a postponement today; no treatment is documented."
              autosize
              minRows={3}
              value={content.postponedReason ?? ''}
              onChange={(e) => {
                const postponedReason = textOrNothing(e.currentTarget.value);
                edit('postponedReason', (c) => ({ ...c, outcome: 'postponed', postponedReason }));
              }}
            />
          </Fieldset>
          <NotePlanSection note={content} edit={edit} postponed />
        </>
      ) : (
        <>
          <NoteSubjectiveSection note={content} edit={edit} />
          <NoteObjectiveSection note={content} gate={gate} edit={edit} />
          <BillingBox billing={billing} />
          <NoteAssessmentSection note={content} edit={edit} goals={plan.data?.content.goals ?? []} />
          <NotePlanSection note={content} edit={edit} />
        </>
      )}

      <Paper withBorder p="md">
        <Stack gap="sm">
          {view.signIssues.length > 0 && (
            <div>
              <Text size="sm" fw={600}>
                Still needed before signing
              </Text>
              <List size="sm" data-testid="sign-issues">
                {view.signIssues.map((i) => (
                  <List.Item key={`${i.field}:${i.message}`}>
                    {fieldWords(i.field)}: {i.message}
                  </List.Item>
                ))}
              </List>
            </div>
          )}
          {unresolved.length > 0 && (
            <Text size="sm" c="red">
              {unresolved.length} documented {unresolved.length === 1 ? 'item is' : 'items are'} refused by
              the screening: change {unresolved.length === 1 ? 'it' : 'them'} or override with a reason.
            </Text>
          )}
          {view.referral?.blocksSigning && !postponed && (
            <Textarea
              label="Referral override reason"
              description="At least 10 characters; recorded with the signature and audited."
              autosize
              value={referralOverride}
              onChange={(e) => setReferralOverride(e.currentTarget.value)}
            />
          )}
          <FormAlert message={signMessage} title="Not signed" />
          {signIssues.length > 0 && (
            <List size="sm" c="red">
              {signIssues.map((m) => (
                <List.Item key={m}>{m}</List.Item>
              ))}
            </List>
          )}
          <Group justify="flex-end">
            <Button onClick={sign} loading={busy}>
              Sign note
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
