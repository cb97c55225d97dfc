import { rankMusclesForPainDrawing } from '@fascia/domain/assessment/trigger-points';
import { Badge, Button, Group, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { BodyChart } from '../../../components/body-chart/body-chart.tsx';
import { toChartMarks } from '../../../components/body-chart/body-chart-layout.ts';
import { PainDrawingView } from '../../../components/body-chart/pain-drawing-view.tsx';
import type { PalpationRow } from '../assessment-content.ts';
import type { SectionProps } from './section-props.ts';

const SHOWN = 8;

export function PainDrawingSection({ content, setContent, readOnly }: SectionProps) {
  const marks = toChartMarks(content.painDrawing?.marks);
  if (readOnly) {
    return (
      <Stack>
        <PainDrawingView marks={marks} />
        {content.painDrawing?.note && <Text>{content.painDrawing.note}</Text>}
      </Stack>
    );
  }
  return (
    <Stack>
      <BodyChart
        marks={marks}
        onChange={(next) => setContent((c) => ({ ...c, painDrawing: { ...c.painDrawing, marks: next } }))}
      />
      <Textarea
        label="Pain drawing notes"
        autosize
        minRows={1}
        value={content.painDrawing?.note ?? ''}
        onChange={(e) => {
          const note = e.currentTarget.value;
          setContent((c) => ({ ...c, painDrawing: { marks: c.painDrawing?.marks ?? [], note } }));
        }}
      />
    </Stack>
  );
}

/**
 * "Palpate first": the muscles whose referral patterns best explain the drawing, recomputed on
 * every tap, each with the reason. It orders the search; the palpation findings are the record.
 */
export function PalpateFirst({ content, setContent, readOnly }: SectionProps) {
  const marks = content.painDrawing?.marks ?? [];
  const ranking = rankMusclesForPainDrawing(marks, { limit: SHOWN });
  const recorded = new Set((content.palpation ?? []).map((p) => `${p.muscleId}:${p.side ?? ''}`));

  const addFindings = (muscleId: string, sides: ('left' | 'right')[]) =>
    setContent((c) => {
      const existing = new Set((c.palpation ?? []).map((p) => `${p.muscleId}:${p.side ?? ''}`));
      const rows: PalpationRow[] = sides
        .filter((side) => !existing.has(`${muscleId}:${side}`))
        .map((side) => ({ muscleId, side, triggerPoint: 'none', tenderness: 0 }));
      return { ...c, palpation: [...(c.palpation ?? []), ...rows] };
    });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="palpate-first-title">
      <Title order={3} size="h4" id="palpate-first-title" mb="xs">
        Palpate first
      </Title>
      {ranking.length === 0 ? (
        <Text c="dimmed">Mark pain on the body chart to see which muscles to palpate first.</Text>
      ) : (
        <List type="ordered" spacing="sm" aria-label="Palpate first" listStyleType="decimal">
          {ranking.map((r) => {
            const done = r.sides.every((side) => recorded.has(`${r.muscleId}:${side}`));
            return (
              <List.Item key={r.muscleId}>
                <Stack gap={2}>
                  <Group gap="xs">
                    <Text fw={600}>{r.muscle}</Text>
                    <Badge variant="light">{r.sides.length === 2 ? 'both sides' : r.sides[0]}</Badge>
                    <Badge variant="outline" color="gray">
                      explains {Math.round(r.coverage * 100)} % of marked regions
                    </Badge>
                    {!readOnly && (
                      <Button
                        size="xs"
                        variant="light"
                        disabled={done}
                        onClick={() => addFindings(r.muscleId, r.sides)}
                        aria-label={`Record palpation of ${r.muscle}`}
                      >
                        {done ? 'Recorded' : 'Record palpation'}
                      </Button>
                    )}
                  </Group>
                  <Text size="sm" c="dimmed">
                    {r.reason}
                  </Text>
                </Stack>
              </List.Item>
            );
          })}
        </List>
      )}
    </Paper>
  );
}
