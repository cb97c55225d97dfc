import { describeMark, PAIN_QUALITIES } from '@fascia/domain/assessment/pain-drawing';
import type { BodyView } from '@fascia/domain/body/regions';
import { Box, Button, Chip, Group, Popover, SimpleGrid, Slider, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import {
  anchorPercent,
  type ChartMark,
  type ChartRegion,
  DEFAULT_INTENSITY,
  findMark,
  intensityColour,
  removeMark,
  upsertMark,
} from './body-chart-layout.ts';
import { BodyFigure } from './body-figure.tsx';

const VIEWS: BodyView[] = ['front', 'back'];
/** Tall enough to tap a temple with a finger, short enough to leave room for the rest of the form. */
export const FIGURE_MAX_WIDTH = 300;

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function MarkEditor({
  region,
  mark,
  onChange,
  onRemove,
  onDone,
}: {
  region: ChartRegion;
  mark: ChartMark;
  onChange: (mark: ChartMark) => void;
  onRemove: () => void;
  onDone: () => void;
}) {
  return (
    <Stack gap="sm" w={340}>
      <Text fw={600}>{region.name}</Text>
      <div>
        <Text size="sm" id={`intensity-${region.key}`}>
          Intensity: {mark.intensity} / 10
        </Text>
        <Slider
          min={0}
          max={10}
          step={1}
          value={mark.intensity}
          onChange={(intensity) => onChange({ ...mark, intensity })}
          thumbLabel="Intensity"
          thumbSize={28}
          size="lg"
          color={intensityColour(mark.intensity)}
          marks={[0, 5, 10].map((value) => ({ value, label: String(value) }))}
          mb="md"
        />
      </div>
      <Chip.Group
        multiple
        value={mark.qualities}
        onChange={(values) => onChange({ ...mark, qualities: values as ChartMark['qualities'] })}
      >
        <Group gap={6} role="group" aria-label="Qualities">
          {PAIN_QUALITIES.map((q) => (
            <Chip key={q} value={q} size="md">
              {capitalise(q)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <Group justify="space-between">
        <Button variant="subtle" color="red" onClick={onRemove}>
          Remove mark
        </Button>
        <Button onClick={onDone}>Done</Button>
      </Group>
    </Stack>
  );
}

/**
 * The pain drawing on a tablet: front and back side by side; tapping a region marks it (at a
 * middle intensity, so one tap is enough) and opens a popover to set intensity and qualities.
 */
export function BodyChart({
  marks,
  onChange,
}: {
  marks: readonly ChartMark[];
  onChange: (marks: ChartMark[]) => void;
}) {
  const [selected, setSelected] = useState<{ view: BodyView; region: ChartRegion } | null>(null);

  const select = (view: BodyView) => (region: ChartRegion) => {
    if (!findMark(marks, region.key)) {
      onChange(
        upsertMark(marks, {
          regionId: region.regionId,
          ...(region.side ? { side: region.side } : {}),
          intensity: DEFAULT_INTENSITY,
          qualities: [],
        }),
      );
    }
    setSelected({ view, region });
  };

  const current = selected ? findMark(marks, selected.region.key) : undefined;

  return (
    <Stack gap="xs">
      <SimpleGrid cols={2} spacing="md">
        {VIEWS.map((view) => (
          <Box key={view}>
            <Text ta="center" fw={600} size="sm">
              {view === 'front' ? 'Front' : 'Back'}
            </Text>
            <Box pos="relative" maw={FIGURE_MAX_WIDTH} mx="auto">
              <BodyFigure
                view={view}
                marks={marks}
                selectedKey={selected?.view === view ? selected.region.key : null}
                onSelect={select(view)}
              />
              {selected?.view === view && current && (
                <Popover
                  opened
                  onDismiss={() => setSelected(null)}
                  position={view === 'front' ? 'right' : 'left'}
                  withArrow
                  shadow="md"
                  trapFocus
                  returnFocus
                >
                  <Popover.Target>
                    <div
                      style={{
                        position: 'absolute',
                        left: `${anchorPercent(selected.region.shape).left}%`,
                        top: `${anchorPercent(selected.region.shape).top}%`,
                        width: 1,
                        height: 1,
                        pointerEvents: 'none',
                      }}
                    />
                  </Popover.Target>
                  <Popover.Dropdown aria-label={`Pain at ${selected.region.name}`} role="dialog">
                    <MarkEditor
                      region={selected.region}
                      mark={current}
                      onChange={(mark) => onChange(upsertMark(marks, mark))}
                      onRemove={() => {
                        onChange(removeMark(marks, selected.region.key));
                        setSelected(null);
                      }}
                      onDone={() => setSelected(null)}
                    />
                  </Popover.Dropdown>
                </Popover>
              )}
            </Box>
          </Box>
        ))}
      </SimpleGrid>
      <PainMarkList marks={marks} />
    </Stack>
  );
}

/** The marks in words: what a screen reader hears and what a report prints beside the picture. */
export function PainMarkList({ marks }: { marks: readonly ChartMark[] }) {
  if (marks.length === 0) return <Text c="dimmed">No pain marked yet. Tap a region to mark it.</Text>;
  return (
    <Stack gap={2} aria-label="Marked regions" role="list">
      {marks.map((mark) => (
        <Text key={`${mark.regionId}:${mark.side ?? ''}`} size="sm" role="listitem">
          {describeMark(mark)}: {mark.intensity}/10
          {mark.qualities.length > 0 && ` · ${mark.qualities.join(', ')}`}
        </Text>
      ))}
    </Stack>
  );
}
