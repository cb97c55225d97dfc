import { TRIGGER_POINT_MUSCLES } from '@fascia/domain/assessment/trigger-points.catalogue';
import {
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { fieldError, type PalpationRow } from '../assessment-content.ts';
import { AddRowButton, RemoveRowButton } from './row-buttons.tsx';
import { listOf, type SectionProps } from './section-props.ts';

const MUSCLES = [
  ...TRIGGER_POINT_MUSCLES.map((m) => ({ value: m.id, label: m.muscle })),
  { value: 'other', label: 'Other muscle' },
];

const muscleName = (row: PalpationRow) =>
  row.muscleId === 'other'
    ? row.muscleName || 'Other muscle'
    : (TRIGGER_POINT_MUSCLES.find((m) => m.id === row.muscleId)?.muscle ?? row.muscleId);

/** The accessible name of a finding's group: "Upper trapezius, right". */
export const palpationLegend = (row: PalpationRow) => `${muscleName(row)}${row.side ? `, ${row.side}` : ''}`;

const FLAGS: {
  key: 'tautBand' | 'localTwitchResponse' | 'jumpSign' | 'reproducesFamiliarPain';
  label: string;
}[] = [
  { key: 'tautBand', label: 'Taut band' },
  { key: 'localTwitchResponse', label: 'Local twitch response' },
  { key: 'jumpSign', label: 'Jump sign' },
  { key: 'reproducesFamiliarPain', label: 'Reproduces familiar pain' },
];

const TENDERNESS = ['0 none', '1 mild', '2 moderate', '3 severe'];

export function PalpationSection({ content, setContent, problems, readOnly }: SectionProps) {
  const rows = content.palpation ?? [];
  const list = listOf(setContent, 'palpation');
  const update = list.replace;

  return (
    <Stack>
      {rows.length === 0 && (
        <Text c="dimmed">No findings yet. Use “Record palpation” beside a muscle above, or add one.</Text>
      )}
      {rows.map((row, index) => {
        const err = (f: string) => fieldError(problems, `palpation.${index}.${f}`);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id; their position is their identity in the draft
          <Fieldset key={index} legend={palpationLegend(row)} disabled={readOnly}>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NativeSelect
                label="Muscle"
                data={MUSCLES}
                value={row.muscleId}
                error={err('muscleId')}
                onChange={(e) => update(index, { ...row, muscleId: e.currentTarget.value })}
              />
              {row.muscleId === 'other' && (
                <TextInput
                  label="Muscle name"
                  value={row.muscleName ?? ''}
                  error={err('muscleName')}
                  onChange={(e) => update(index, { ...row, muscleName: e.currentTarget.value })}
                />
              )}
              <NativeSelect
                label="Side"
                data={[
                  { value: '', label: 'Midline / not sided' },
                  { value: 'left', label: 'Left' },
                  { value: 'right', label: 'Right' },
                ]}
                value={row.side ?? ''}
                error={err('side')}
                onChange={(e) => {
                  const side = e.currentTarget.value as 'left' | 'right' | '';
                  const { side: _, ...rest } = row;
                  update(index, side ? { ...rest, side } : rest);
                }}
              />
              <NativeSelect
                label="Trigger point"
                data={[
                  { value: 'none', label: 'None found' },
                  { value: 'latent', label: 'Latent' },
                  { value: 'active', label: 'Active' },
                ]}
                value={row.triggerPoint}
                onChange={(e) =>
                  update(index, {
                    ...row,
                    triggerPoint: e.currentTarget.value as PalpationRow['triggerPoint'],
                  })
                }
              />
            </SimpleGrid>
            <Group mt="sm" gap="lg">
              {FLAGS.map((f) => (
                <Checkbox
                  key={f.key}
                  label={f.label}
                  size="md"
                  checked={row[f.key] ?? false}
                  error={err(f.key)}
                  onChange={(e) => update(index, { ...row, [f.key]: e.currentTarget.checked })}
                />
              ))}
            </Group>
            <Stack gap={4} mt="sm">
              <Text size="sm" fw={500} id={`tenderness-${index}`}>
                Tenderness
              </Text>
              <SegmentedControl
                aria-labelledby={`tenderness-${index}`}
                data={TENDERNESS.map((label, value) => ({ value: String(value), label }))}
                value={String(row.tenderness ?? 0)}
                onChange={(v) => update(index, { ...row, tenderness: Number(v) })}
                disabled={readOnly}
              />
            </Stack>
            {!readOnly && (
              <Group justify="space-between" mt="sm">
                <TextInput
                  label="Notes"
                  style={{ flex: 1 }}
                  value={row.notes ?? ''}
                  onChange={(e) => update(index, { ...row, notes: e.currentTarget.value })}
                />
                <RemoveRowButton label="Remove finding" mt="lg" onClick={() => list.remove(index)} />
              </Group>
            )}
            {readOnly && row.notes && <Text mt="sm">{row.notes}</Text>}
          </Fieldset>
        );
      })}
      {!readOnly && (
        <AddRowButton
          label="Add palpation finding"
          onClick={() =>
            list.append({ muscleId: 'upper_trapezius', side: 'right', triggerPoint: 'none', tenderness: 0 })
          }
        />
      )}
    </Stack>
  );
}
