import { Button, Group, NativeSelect, NumberInput, Paper, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { BodyRegionPicker } from '../patients/body-region-picker.tsx';
import { NEW_PRECAUTION, PRECAUTION_KINDS, type ReferralFormValues } from './referral-form-values.ts';

const POSITIONS = [
  { value: 'prone', label: 'Prone (face down)' },
  { value: 'supine', label: 'Supine (face up)' },
  { value: 'side_lying', label: 'Side-lying' },
  { value: 'seated', label: 'Seated' },
];

const WITH_REGION = new Set(['no_deep_pressure', 'max_pressure', 'avoid_region', 'no_joint_mobilisation']);

/** The physician's precautions as rows the screening engine applies on every visit. */
export function PrecautionsEditor({ form }: { form: UseFormReturnType<ReferralFormValues> }) {
  const items = form.getValues().precautions;
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        Structured precautions
      </Text>
      {form.errors.precautions && (
        <Text size="sm" c="red" role="alert">
          {form.errors.precautions}
        </Text>
      )}
      {items.map((item, i) => {
        const n = i + 1;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity besides their place
          <Paper key={i} withBorder p="sm">
            <Stack gap="xs">
              <Group align="flex-end" wrap="wrap">
                <NativeSelect
                  label={`Precaution ${n}`}
                  data={PRECAUTION_KINDS}
                  {...form.getInputProps(`precautions.${i}.kind`)}
                />
                {item.kind === 'max_pressure' && (
                  <NativeSelect
                    label={`Precaution ${n} pressure (1–5)`}
                    data={['1', '2', '3', '4', '5']}
                    {...form.getInputProps(`precautions.${i}.pressure`)}
                  />
                )}
                {item.kind === 'no_position' && (
                  <NativeSelect
                    label={`Precaution ${n} position`}
                    data={POSITIONS}
                    {...form.getInputProps(`precautions.${i}.position`)}
                  />
                )}
                {item.kind === 'max_session_minutes' && (
                  <NumberInput
                    label={`Precaution ${n} minutes`}
                    min={5}
                    max={180}
                    {...form.getInputProps(`precautions.${i}.minutes`)}
                  />
                )}
                <Button variant="subtle" color="gray" onClick={() => form.removeListItem('precautions', i)}>
                  Remove precaution {n}
                </Button>
              </Group>
              {WITH_REGION.has(item.kind) && (
                <BodyRegionPicker
                  label={`Precaution ${n} region${item.kind === 'avoid_region' ? '' : ' (optional)'}`}
                  {...form.getInputProps(`precautions.${i}.site`)}
                />
              )}
            </Stack>
          </Paper>
        );
      })}
      <Group>
        <Button
          variant="light"
          size="sm"
          onClick={() => form.insertListItem('precautions', structuredClone(NEW_PRECAUTION))}
        >
          Add precaution
        </Button>
      </Group>
    </Stack>
  );
}
