import { comparePainDrawings, describeMark, type PainMark } from '@fascia/domain/assessment/pain-drawing';
import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { PainMarkList } from './body-chart.tsx';
import { type ChartMark, toChartMarks } from './body-chart-layout.ts';
import { BodyFigure } from './body-figure.tsx';

/** A drawing as a picture (front and back) with its marks in words, for reports and signed views. */
export function PainDrawingView({
  marks,
  caption,
  maxWidth = 180,
}: {
  marks: readonly ChartMark[];
  caption?: string;
  maxWidth?: number;
}) {
  return (
    <Stack gap="xs">
      {caption && <Text fw={600}>{caption}</Text>}
      <SimpleGrid cols={2} spacing="xs" maw={maxWidth * 2 + 16}>
        <BodyFigure view="front" marks={marks} caption={caption ? `${caption}, front` : 'Front'} />
        <BodyFigure view="back" marks={marks} caption={caption ? `${caption}, back` : 'Back'} />
      </SimpleGrid>
      <PainMarkList marks={marks} />
    </Stack>
  );
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** Two visits' drawings side by side with what changed between them. */
export function PainDrawingComparisonView({
  before,
  after,
  beforeLabel,
  afterLabel,
}: {
  before: readonly Partial<PainMark>[] | undefined;
  after: readonly Partial<PainMark>[] | undefined;
  beforeLabel: string;
  afterLabel: string;
}) {
  const earlier = toChartMarks(before);
  const later = toChartMarks(after);
  const comparison = comparePainDrawings({ marks: earlier }, { marks: later });
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        Pain drawing
      </Title>
      <SimpleGrid cols={2} spacing="md">
        <Paper withBorder p="xs">
          <PainDrawingView marks={earlier} caption={beforeLabel} maxWidth={140} />
        </Paper>
        <Paper withBorder p="xs">
          <PainDrawingView marks={later} caption={afterLabel} maxWidth={140} />
        </Paper>
      </SimpleGrid>
      <Text>{comparison.summary}</Text>
      <Group gap="xs">
        {comparison.resolved.map((m) => (
          <Badge key={`r-${m.regionId}-${m.side}`} color="green" variant="light">
            Resolved: {describeMark(m)}
          </Badge>
        ))}
        {comparison.added.map((m) => (
          <Badge key={`a-${m.regionId}-${m.side}`} color="orange" variant="light">
            New: {describeMark(m)}
          </Badge>
        ))}
        {comparison.changed
          .filter((c) => c.delta !== 0)
          .map((c) => (
            <Badge key={c.key} color={c.delta < 0 ? 'green' : 'orange'} variant="light">
              {c.label}: {c.before} → {c.after} ({signed(c.delta)})
            </Badge>
          ))}
      </Group>
    </Stack>
  );
}
