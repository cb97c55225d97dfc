import { Button, Group, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormAlert } from '../../components/form-alert.tsx';
import { applyProblem } from '../../components/form-problem.ts';
import { formatDate } from '../../components/format.ts';
import type { ReferralView } from '../referrals/referrals-api.ts';
import {
  type DocumentSummary,
  documentsKey,
  generateReport,
  RECOMMENDATIONS,
  REPORT_KINDS,
  type Recommendation,
  type ReportKind,
} from './reports-api.ts';

const referralLabel = (r: ReferralView) =>
  `${r.provider.displayName}, written ${formatDate(r.referral.dateWritten)} (${r.referral.diagnoses.join(', ')})`;

/**
 * The therapist's part of a report: everything else (visits, techniques, outcome trends, goals)
 * the server takes from the signed record, so only judgement is typed here.
 */
export function GenerateReportForm({
  patientId,
  referrals,
  onDone,
}: {
  patientId: string;
  referrals: ReferralView[];
  onDone: (doc: DocumentSummary) => void;
}) {
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      referralId: referrals[0]?.id ?? '',
      kind: 'progress_report' as ReportKind,
      assessment: '',
      recommendation: 'continue' as Recommendation,
      recommendationNote: '',
    },
    validate: {
      referralId: (v) => (v ? null : 'Choose the referral the report answers'),
      assessment: (v) => (v.trim() ? null : "Write the therapist's assessment"),
      recommendationNote: (v, values) =>
        values.recommendation === 'modify' && !v.trim() ? 'Describe the modifications' : null,
    },
  });

  const submit = form.onSubmit(async (values) => {
    setMessage(null);
    try {
      const note = values.recommendationNote.trim();
      const doc = await generateReport(values.referralId, {
        kind: values.kind,
        assessment: values.assessment.trim(),
        recommendation: values.recommendation,
        ...(note ? { recommendationNote: note } : {}),
      });
      await queryClient.invalidateQueries({ queryKey: documentsKey(patientId) });
      onDone(doc);
    } catch (err) {
      setMessage(applyProblem(form, err) || null);
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Generate report">
      <Stack>
        <FormAlert message={message} title="Report not generated" />
        <NativeSelect
          label="Referral"
          required
          data={referrals.map((r) => ({ value: r.id, label: referralLabel(r) }))}
          {...form.getInputProps('referralId')}
        />
        <NativeSelect label="Report type" required data={REPORT_KINDS} {...form.getInputProps('kind')} />
        <Textarea
          label="Therapist's assessment"
          description="Your clinical judgement of the progress; visits, techniques, outcome scores and goals are added from the record."
          required
          autosize
          minRows={4}
          maxRows={12}
          maxLength={5000}
          {...form.getInputProps('assessment')}
        />
        <NativeSelect
          label="Recommendation"
          required
          data={RECOMMENDATIONS}
          {...form.getInputProps('recommendation')}
        />
        <Textarea
          label="Recommendation details"
          description="Optional, except when recommending modifications."
          autosize
          minRows={2}
          maxRows={6}
          maxLength={2000}
          {...form.getInputProps('recommendationNote')}
        />
        <Text size="sm" c="dimmed">
          The report is signed with the name, credentials and licence number in your profile.
        </Text>
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting}>
            Generate report
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
