import { BODY_REGIONS, findRegion } from '@fascia/domain/body/regions';
import type { RegionTarget } from '@fascia/domain/screening/types';
import { Box, Button, Group, Modal, NativeSelect, Pill, SimpleGrid, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import type { ChartMark, ChartRegion } from '../../components/body-chart/body-chart-layout.ts';
import { BodyFigure } from '../../components/body-chart/body-figure.tsx';
import { addRegion, coversRegion, regionTargetWords, removeRegion, toggleRegion } from './region-targets.ts';

const AREA_LABELS = {
  head_neck: 'Head and neck',
  upper_limb: 'Shoulder and arm',
  trunk: 'Trunk',
  lower_limb: 'Hip and leg',
} as const;

export const REGION_OPTIONS = (Object.keys(AREA_LABELS) as (keyof typeof AREA_LABELS)[]).map((area) => ({
  group: AREA_LABELS[area],
  items: BODY_REGIONS.filter((r) => r.area === area).map((r) => ({ value: r.id, label: r.label })),
}));

const SIDE_OPTIONS = [
  { value: '', label: 'Both sides / midline' },
  { value: 'left', label: 'Left' },
  { value: 'right', label: 'Right' },
];

/** Chosen regions shaded on the figure; a paired region chosen for both sides shades both. */
function asMarks(regions: readonly RegionTarget[]): ChartMark[] {
  return regions.flatMap((r) => {
    const lateral = findRegion(r.regionId)?.lateral;
    const sides = lateral ? (r.side ? [r.side] : (['left', 'right'] as const)) : [undefined];
    return sides.map((side) => ({
      regionId: r.regionId,
      ...(side ? { side } : {}),
      intensity: 6,
      qualities: [],
    }));
  });
}

function BodyChartModal({
  label,
  opened,
  onClose,
  regions,
  onTap,
}: {
  label: string;
  opened: boolean;
  onClose: () => void;
  regions: readonly RegionTarget[];
  onTap: (target: RegionTarget) => void;
}) {
  const tap = (region: ChartRegion) =>
    onTap({ regionId: region.regionId, ...(region.side ? { side: region.side } : {}) });
  return (
    <Modal opened={opened} onClose={onClose} title={`${label}: tap the regions`} size="lg">
      <Stack>
        <SimpleGrid cols={2}>
          {(['front', 'back'] as const).map((view) => (
            <Box key={view} maw={260} mx="auto" w="100%">
              <BodyFigure view={view} marks={asMarks(regions)} onSelect={tap} caption={`${label} ${view}`} />
            </Box>
          ))}
        </SimpleGrid>
        <Text size="sm">
          {regions.length ? regions.map(regionTargetWords).join(', ') : 'No region chosen yet.'}
        </Text>
        <Group justify="flex-end">
          <Button onClick={onClose}>Done</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Several regions for a planned intervention: a list to add from, or taps on the body chart. */
export function RegionsPicker({
  label,
  value,
  onChange,
  error,
  disabled,
}: {
  label: string;
  value: readonly RegionTarget[];
  onChange: (regions: RegionTarget[]) => void;
  error?: string | undefined;
  disabled?: boolean;
}) {
  const [side, setSide] = useState<'' | 'left' | 'right'>('');
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <Stack gap={6}>
      <Group gap={6} aria-label={`${label} regions`} role="list">
        {value.length === 0 && (
          <Text size="sm" c={error ? 'red' : 'dimmed'}>
            {error ?? 'No region chosen yet.'}
          </Text>
        )}
        {value.map((r) => (
          <Pill
            key={`${r.regionId}:${r.side ?? ''}`}
            size="lg"
            role="listitem"
            withRemoveButton={!disabled}
            removeButtonProps={{ 'aria-label': `Remove ${regionTargetWords(r)} from ${label}` }}
            onRemove={() => onChange(removeRegion(value, r))}
          >
            {regionTargetWords(r)}
          </Pill>
        ))}
      </Group>
      {!disabled && (
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <NativeSelect
            label={`${label} side`}
            data={SIDE_OPTIONS}
            value={side}
            onChange={(e) => setSide(e.currentTarget.value as typeof side)}
            w={170}
          />
          <NativeSelect
            label={`${label} add region`}
            data={[{ value: '', label: 'Choose a region…' }, ...REGION_OPTIONS]}
            value=""
            onChange={(e) => {
              const regionId = e.currentTarget.value;
              if (regionId) onChange(addRegion(value, { regionId, ...(side ? { side } : {}) }));
            }}
            style={{ flex: 1 }}
          />
          <Button variant="light" onClick={open} aria-label={`${label}: pick on the body chart`}>
            Body chart
          </Button>
        </Group>
      )}
      <BodyChartModal
        label={label}
        opened={opened}
        onClose={close}
        regions={value}
        onTap={(t) => onChange(toggleRegion(value, t))}
      />
    </Stack>
  );
}

/** One region (and side) for a documented technique line. */
export function RegionPicker({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: RegionTarget | undefined;
  onChange: (region: RegionTarget | undefined) => void;
  error?: string | undefined;
}) {
  const [opened, { open, close }] = useDisclosure(false);
  const lateral = value ? (findRegion(value.regionId)?.lateral ?? false) : false;
  const chosen = value ? [value] : [];
  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <NativeSelect
        label={`${label} region`}
        data={[{ value: '', label: 'Choose a region…' }, ...REGION_OPTIONS]}
        value={value?.regionId ?? ''}
        error={error}
        onChange={(e) => {
          const regionId = e.currentTarget.value;
          const keepSide = regionId && findRegion(regionId)?.lateral && value?.side;
          onChange(regionId ? { regionId, ...(keepSide ? { side: value?.side } : {}) } : undefined);
        }}
        style={{ flex: 1 }}
      />
      <NativeSelect
        label={`${label} side`}
        data={SIDE_OPTIONS}
        disabled={!lateral}
        value={value?.side ?? ''}
        onChange={(e) => {
          const s = e.currentTarget.value as '' | 'left' | 'right';
          if (value) onChange({ regionId: value.regionId, ...(s ? { side: s } : {}) });
        }}
        w={150}
      />
      <Button variant="light" px="sm" onClick={open} aria-label={`${label}: pick on the body chart`}>
        Chart
      </Button>
      <BodyChartModal
        label={label}
        opened={opened}
        onClose={close}
        regions={chosen}
        onTap={(t) => {
          onChange(coversRegion(chosen, t) ? undefined : t);
          close();
        }}
      />
    </Group>
  );
}
