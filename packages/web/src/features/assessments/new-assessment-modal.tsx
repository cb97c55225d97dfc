import { Alert, Button, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { applyProblem } from '../../components/form-problem.ts';
import { formatDate } from '../../components/format.ts';
import {
  type AssessmentKind,
  type AssessmentSummary,
  assessmentKey,
  assessmentsKey,
  createAssessment,
  KIND_LABELS,
} from './assessments-api.ts';

/** Today in the browser's time zone, as a date input gives it. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Starts a draft: an initial evaluation for a new patient, or a re-evaluation measured against the
 * latest signed one (chosen by default, because that is nearly always the comparison wanted).
 */
export function NewAssessmentModal({
  patientId,
  existing,
  opened,
  onClose,
}: {
  patientId: string;
  existing: readonly AssessmentSummary[];
  opened: boolean;
  onClose: () => void;
}) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const signed = existing.filter((a) => a.status === 'signed');
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      kind: (signed.length ? 're_evaluation' : 'initial') as AssessmentKind,
      performedOn: localToday(),
      baselineAssessmentId: signed[0]?.id ?? '',
    },
    validate: {
      performedOn: (v) => (v ? null : 'Enter the date'),
      baselineAssessmentId: (v, values) =>
        values.kind !== 'initial' && !v ? 'Choose the signed assessment to compare with' : null,
    },
  });

  // The list can still be refreshing when the dialog opens (an assessment signed a moment ago):
  // until the person chooses for themselves, the defaults follow the latest signed assessment.
  const latestSigned = signed[0]?.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a newly signed assessment moves the defaults
  useEffect(() => {
    if (!latestSigned) return;
    if (form.values.kind === 'initial' && !form.isTouched('kind'))
      form.setFieldValue('kind', 're_evaluation');
    if (!form.values.baselineAssessmentId && !form.isTouched('baselineAssessmentId')) {
      form.setFieldValue('baselineAssessmentId', latestSigned);
    }
  }, [latestSigned]);

  const submit = form.onSubmit(async ({ kind, performedOn, baselineAssessmentId }) => {
    setMessage(null);
    try {
      const view = await createAssessment(patientId, {
        kind,
        performedOn,
        content: kind !== 'initial' && baselineAssessmentId ? { baselineAssessmentId } : {},
      });
      queryClient.setQueryData(assessmentKey(view.id), view);
      void queryClient.invalidateQueries({ queryKey: assessmentsKey(patientId) });
      onClose();
      navigate(`/patients/${patientId}/assessments/${view.id}`);
    } catch (err) {
      setMessage(applyProblem(form, err, { 'content.baselineAssessmentId': 'baselineAssessmentId' }) || null);
    }
  });

  return (
    <Modal opened={opened} onClose={onClose} title="New assessment">
      <form onSubmit={submit} noValidate>
        <Stack>
          {message && (
            <Alert color="red" role="alert">
              {message}
            </Alert>
          )}
          <NativeSelect
            label="Kind of assessment"
            data={(Object.keys(KIND_LABELS) as AssessmentKind[]).map((k) => ({
              value: k,
              label: KIND_LABELS[k],
            }))}
            {...form.getInputProps('kind')}
          />
          <TextInput type="date" label="Date performed" required {...form.getInputProps('performedOn')} />
          {form.values.kind !== 'initial' && (
            <NativeSelect
              label="Baseline assessment"
              data={[
                { value: '', label: signed.length ? 'Choose the baseline' : 'No signed assessment yet' },
                ...signed.map((a) => ({
                  value: a.id,
                  label: `${KIND_LABELS[a.kind]}, ${formatDate(a.performedOn)}`,
                })),
              ]}
              {...form.getInputProps('baselineAssessmentId')}
            />
          )}
          <Button type="submit" loading={form.submitting}>
            Start assessment
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
