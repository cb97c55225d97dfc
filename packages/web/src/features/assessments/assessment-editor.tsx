import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Loader,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiProblem } from '../../api/client.ts';
import type { FieldProblem } from '../../api/problem.ts';
import { formatDate } from '../../components/format.ts';
import { describeError } from '../../components/query-state.tsx';
import { useReferrals } from '../referrals/referrals-api.ts';
import { describeField } from './assessment-content.ts';
import { AssessmentSections } from './assessment-sections.tsx';
import {
  type AssessmentKind,
  type AssessmentView,
  assessmentKey,
  assessmentsKey,
  KIND_LABELS,
  signAssessment,
} from './assessments-api.ts';
import { type SaveStatus, useAutosave } from './use-autosave.ts';

const STATUS_TEXT: Record<SaveStatus, string> = {
  saved: 'Saved',
  unsaved: 'Unsaved changes',
  saving: 'Saving…',
  error: 'Not saved',
  conflict: 'Changed elsewhere',
};

function SaveIndicator({ status }: { status: SaveStatus }) {
  const color = status === 'saved' ? 'green' : status === 'error' || status === 'conflict' ? 'red' : 'gray';
  return (
    <Badge
      color={color}
      variant="light"
      size="lg"
      role="status"
      aria-live="polite"
      leftSection={status === 'saving' ? <Loader size={10} /> : undefined}
    >
      {STATUS_TEXT[status]}
    </Badge>
  );
}

/** A draft assessment: every section editable, saved as it is typed, signed when complete. */
export function AssessmentEditor({ view }: { view: AssessmentView }) {
  const queryClient = useQueryClient();
  const draft = useAutosave(view);
  const [signing, setSigning] = useState(false);
  const [signProblems, setSignProblems] = useState<FieldProblem[] | null>(null);
  const [signError, setSignError] = useState<string | null>(null);
  const problems = signProblems ?? draft.problems;

  const sign = async () => {
    setSigning(true);
    setSignError(null);
    setSignProblems(null);
    try {
      const saved = await draft.flush();
      if (!saved) {
        setSignError('The latest changes are not saved yet; signing waits until they are.');
        return;
      }
      if (saved.problems.length > 0) {
        setSignProblems(saved.problems);
        return;
      }
      const signed = await signAssessment(view.id, saved.version);
      queryClient.setQueryData(assessmentKey(view.id), signed);
      void queryClient.invalidateQueries({ queryKey: assessmentsKey(view.patientId) });
      void queryClient.invalidateQueries({ queryKey: ['patients', view.patientId, 'outcomes'] });
    } catch (err) {
      if (err instanceof ApiProblem && err.problem.errors?.length) setSignProblems(err.problem.errors);
      else setSignError(describeError(err));
    } finally {
      setSigning(false);
    }
  };

  return (
    <Stack>
      <Paper
        withBorder
        p="sm"
        shadow="xs"
        style={{ position: 'sticky', top: 'calc(var(--app-shell-header-height, 0px) + 8px)', zIndex: 5 }}
      >
        <Group justify="space-between" wrap="wrap">
          <Group gap="sm" align="flex-end">
            <NativeSelect
              label="Kind"
              data={(Object.keys(KIND_LABELS) as AssessmentKind[]).map((k) => ({
                value: k,
                label: KIND_LABELS[k],
              }))}
              value={draft.meta.kind}
              onChange={(e) => draft.setMeta({ kind: e.currentTarget.value as AssessmentKind })}
            />
            <TextInput
              type="date"
              label="Date performed"
              value={draft.meta.performedOn}
              onChange={(e) => {
                const performedOn = e.currentTarget.value;
                if (performedOn) draft.setMeta({ performedOn });
              }}
            />
            <ReferralSelect
              patientId={view.patientId}
              value={draft.meta.referralId}
              onChange={(referralId) => draft.setMeta({ referralId })}
            />
          </Group>
          <Group gap="sm">
            <SaveIndicator status={draft.status} />
            <Button size="md" onClick={sign} loading={signing} disabled={draft.status === 'conflict'}>
              Sign assessment
            </Button>
          </Group>
        </Group>
      </Paper>
      {draft.error && (
        <Alert
          color="red"
          role="alert"
          title={draft.status === 'conflict' ? 'Changed elsewhere' : 'Not saved'}
        >
          {draft.error}{' '}
          {draft.status === 'conflict'
            ? 'Copy what you typed, then reload the page to continue from the saved version.'
            : 'Your changes are kept on this screen and saved again with the next change.'}
        </Alert>
      )}
      {signError && (
        <Alert color="red" role="alert" title="Not signed">
          {signError}
        </Alert>
      )}
      <ProblemsPanel problems={problems} emphasised={signProblems !== null} />
      <AssessmentSections
        view={view}
        content={draft.content}
        setContent={draft.setContent}
        problems={problems}
        readOnly={false}
        performedOn={draft.meta.performedOn}
      />
    </Stack>
  );
}

/** The referral the assessment answers, so its findings can be reported back to that physician. */
function ReferralSelect({
  patientId,
  value,
  onChange,
}: {
  patientId: string;
  value: string | undefined;
  onChange: (referralId: string | undefined) => void;
}) {
  const referrals = useReferrals(patientId);
  const items = referrals.data?.items ?? [];
  return (
    <NativeSelect
      label="Referral"
      disabled={referrals.isPending}
      error={referrals.isError ? describeError(referrals.error) : undefined}
      data={[
        { value: '', label: items.length ? 'No referral' : 'No referral on file' },
        ...items.map((r) => ({
          value: r.id,
          label: `${r.referral.diagnoses.join(', ')} · ${r.provider.displayName} · ${formatDate(r.referral.dateWritten)}`,
        })),
      ]}
      value={value ?? ''}
      onChange={(e) => onChange(e.currentTarget.value || undefined)}
    />
  );
}

/** What still blocks signing, named by where it is in the form. */
function ProblemsPanel({ problems, emphasised }: { problems: readonly FieldProblem[]; emphasised: boolean }) {
  if (problems.length === 0) {
    return (
      <Alert color="green" variant="light" title="Ready to sign">
        Everything needed for signing is recorded.
      </Alert>
    );
  }
  return (
    <Alert
      color={emphasised ? 'red' : 'yellow'}
      variant="light"
      title={`${problems.length} ${problems.length === 1 ? 'item blocks' : 'items block'} signing`}
      role={emphasised ? 'alert' : undefined}
      aria-label="Before signing"
    >
      <List size="sm">
        {problems.slice(0, 12).map((p) => (
          <List.Item key={`${p.field}-${p.message}`}>
            <Text span fw={500}>
              {describeField(p.field)}:
            </Text>{' '}
            {p.message}
          </List.Item>
        ))}
      </List>
      {problems.length > 12 && <Text size="sm">…and {problems.length - 12} more.</Text>}
    </Alert>
  );
}
