import { compareAssessments } from '@fascia/domain/assessment/assessment-compare';
import { NativeSelect, Stack, Text } from '@mantine/core';
import { toChartMarks } from '../../components/body-chart/body-chart-layout.ts';
import { formatDate } from '../../components/format.ts';
import { QueryState } from '../../components/query-state.tsx';
import { type AssessmentContent, comparableContent, fieldError } from './assessment-content.ts';
import {
  type AssessmentView,
  KIND_LABELS,
  useAssessment,
  useAssessments,
  useComparison,
} from './assessments-api.ts';
import { ComparisonPanel } from './comparison-panel.tsx';
import type { SectionProps } from './sections/section-props.ts';

/** A re-evaluation names the signed assessment it is measured against. */
export function BaselineSelect({
  patientId,
  selfId,
  content,
  setContent,
  problems,
  readOnly,
}: SectionProps & { patientId: string; selfId: string }) {
  const list = useAssessments(patientId);
  const signed = (list.data ?? []).filter((a) => a.status === 'signed' && a.id !== selfId);
  return (
    <NativeSelect
      label="Baseline assessment"
      description="The signed assessment this one is compared with"
      disabled={readOnly}
      data={[
        { value: '', label: signed.length ? 'Choose the baseline' : 'No signed assessment yet' },
        ...signed.map((a) => ({
          value: a.id,
          label: `${KIND_LABELS[a.kind]}, ${formatDate(a.performedOn)}`,
        })),
      ]}
      value={content.baselineAssessmentId ?? ''}
      error={fieldError(problems, 'baselineAssessmentId')}
      onChange={(e) => {
        const id = e.currentTarget.value;
        setContent((c) => {
          const { baselineAssessmentId: _, ...rest } = c;
          return id ? { ...rest, baselineAssessmentId: id } : rest;
        });
      }}
    />
  );
}

/**
 * The change since the baseline. While drafting it is computed here with the same domain function
 * the server uses; once signed it is the server's comparison of the signed records.
 */
export function BaselineComparison({
  view,
  content,
  performedOn,
}: {
  view: AssessmentView;
  content: AssessmentContent;
  performedOn: string;
}) {
  const baselineId = content.baselineAssessmentId;
  const baseline = useAssessment(baselineId);
  const signedComparison = useComparison(view.id, view.status === 'signed' && Boolean(baselineId));
  if (!baselineId) return <Text c="dimmed">Choose the baseline to see the change.</Text>;
  return (
    <QueryState query={baseline} label="the baseline assessment">
      {(base) => {
        const labels = {
          baselineLabel: `${KIND_LABELS[base.kind]}, ${formatDate(base.performedOn)}`,
          currentLabel: `${KIND_LABELS[view.kind]}, ${formatDate(performedOn)}`,
          baselineMarks: toChartMarks(base.content.painDrawing?.marks),
          currentMarks: toChartMarks(content.painDrawing?.marks),
        };
        if (view.status === 'signed') {
          return (
            <QueryState query={signedComparison} label="the comparison">
              {(data) => <ComparisonPanel comparison={data.comparison} {...labels} />}
            </QueryState>
          );
        }
        const comparison = compareAssessments(
          comparableContent(base.content, base.performedOn),
          comparableContent(content, performedOn),
        );
        return (
          <Stack>
            <ComparisonPanel comparison={comparison} {...labels} />
          </Stack>
        );
      }}
    </QueryState>
  );
}
