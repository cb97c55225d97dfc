import { BODY_REGIONS, findRegion } from '@fascia/domain/body/regions';
import { regionTargetLabel } from '@fascia/domain/plans/treatment-conflicts';
import type { RegionTarget } from '@fascia/domain/screening/types';
import { Group, NativeSelect } from '@mantine/core';

const AREA_LABELS = {
  head_neck: 'Head and neck',
  upper_limb: 'Shoulder and arm',
  trunk: 'Trunk',
  lower_limb: 'Hip and leg',
} as const;

const GROUPS = (Object.keys(AREA_LABELS) as (keyof typeof AREA_LABELS)[]).map((area) => ({
  group: AREA_LABELS[area],
  items: BODY_REGIONS.filter((r) => r.area === area).map((r) => ({ value: r.id, label: r.label })),
}));

export interface RegionValue {
  regionId: string;
  /** '' for both sides or a midline region. */
  side: '' | 'left' | 'right';
}

export const EMPTY_REGION: RegionValue = { regionId: '', side: '' };

/** One body region from the catalogue the body chart uses, with a side where the body is paired. */
export function BodyRegionPicker({
  label = 'Site',
  value = EMPTY_REGION,
  onChange,
  error,
  required,
}: {
  label?: string;
  value?: RegionValue;
  onChange: (value: RegionValue) => void;
  error?: string;
  required?: boolean;
}) {
  const lateral = findRegion(value.regionId)?.lateral ?? false;
  return (
    <Group align="flex-start" grow wrap="nowrap">
      <NativeSelect
        label={label}
        required={required}
        data={[{ value: '', label: 'Choose a region…' }, ...GROUPS]}
        value={value.regionId}
        error={error}
        onChange={(e) => {
          const regionId = e.currentTarget.value;
          onChange({ regionId, side: findRegion(regionId)?.lateral ? value.side : '' });
        }}
      />
      <NativeSelect
        label={`${label} side`}
        disabled={!lateral}
        data={[
          { value: '', label: lateral ? 'Both sides' : 'Midline' },
          { value: 'left', label: 'Left' },
          { value: 'right', label: 'Right' },
        ]}
        value={value.side}
        onChange={(e) => onChange({ ...value, side: e.currentTarget.value as RegionValue['side'] })}
        style={{ maxWidth: 160 }}
      />
    </Group>
  );
}

/** The form's single region as the schema's list of targets (empty when none was chosen). */
export function toRegions(v: RegionValue): { regionId: string; side?: 'left' | 'right' }[] {
  if (!v.regionId) return [];
  return [v.side ? { regionId: v.regionId, side: v.side } : { regionId: v.regionId }];
}

/** A recorded item's regions in the single picker; the first one, as the form holds one region. */
export function fromRegions(regions: unknown): RegionValue {
  const first = Array.isArray(regions) ? (regions[0] as { regionId?: unknown; side?: unknown }) : undefined;
  if (!first || typeof first.regionId !== 'string') return EMPTY_REGION;
  return {
    regionId: first.regionId,
    side: first.side === 'left' || first.side === 'right' ? first.side : '',
  };
}

export function regionWords(regions: { regionId: string; side?: string }[] | undefined): string {
  return (regions ?? []).map((r) => regionTargetLabel(r as RegionTarget)).join(', ');
}
