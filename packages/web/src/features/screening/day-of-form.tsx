import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { BodyRegionPicker, EMPTY_REGION } from '../patients/body-region-picker.tsx';
import { INJURY_KIND_OPTIONS, MEDICATION_CLASS_OPTIONS } from '../patients/history-form-parts.tsx';
import { classAfterNameChange } from '../patients/medication-name.ts';
import { MedicationNameInput } from '../patients/medication-name-input.tsx';
import { type DayOfValues, SYMPTOM_OPTIONS } from './day-of-values.ts';

type Form = UseFormReturnType<DayOfValues>;

/** The questions asked at the start of every visit; answers feed the live result as they change. */
export function DayOfForm({
  form,
  errors,
  today,
}: {
  form: Form;
  errors: Record<string, string>;
  today: string;
}) {
  const v = form.getValues();
  return (
    <Stack>
      <Fieldset legend="How the patient is today">
        <Stack gap="sm">
          <Group align="flex-start" wrap="wrap">
            <NumberInput
              label="Temperature"
              decimalScale={1}
              step={0.1}
              w={160}
              {...form.getInputProps('temperature')}
              error={errors.temperature}
            />
            <div>
              <Text size="sm" fw={500} id="temperature-unit">
                Unit
              </Text>
              <SegmentedControl
                aria-labelledby="temperature-unit"
                data={[
                  { value: 'C', label: '°C' },
                  { value: 'F', label: '°F' },
                ]}
                {...form.getInputProps('unit')}
              />
            </div>
          </Group>
          <SimpleGrid cols={2} spacing="xs">
            <NumberInput
              label="Blood pressure, systolic"
              min={50}
              max={300}
              {...form.getInputProps('systolic')}
              error={errors.bloodPressure}
            />
            <NumberInput
              label="Blood pressure, diastolic"
              min={20}
              max={200}
              {...form.getInputProps('diastolic')}
            />
          </SimpleGrid>
          <Checkbox label="Feeling unwell" {...form.getInputProps('feelingUnwell', { type: 'checkbox' })} />
          <Checkbox.Group label="Symptoms today" {...form.getInputProps('symptoms')}>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} mt={6} spacing={6}>
              {SYMPTOM_OPTIONS.map((s) => (
                <Checkbox key={s.value} value={s.value} label={s.label} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        </Stack>
      </Fieldset>

      <Fieldset legend="Since the last visit">
        <Stack gap="sm">
          {v.injuries.map((_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity besides their place
            <Stack key={i} gap={4}>
              <Group align="flex-start" wrap="wrap">
                <NativeSelect
                  label={`New injury ${i + 1}`}
                  data={[{ value: '', label: 'Choose…' }, ...INJURY_KIND_OPTIONS]}
                  {...form.getInputProps(`injuries.${i}.kind`)}
                />
                <TextInput
                  label={`New injury ${i + 1} date`}
                  type="date"
                  max={today}
                  {...form.getInputProps(`injuries.${i}.date`)}
                />
                <Button
                  variant="subtle"
                  color="gray"
                  mt={24}
                  onClick={() => form.removeListItem('injuries', i)}
                >
                  Remove injury {i + 1}
                </Button>
              </Group>
              <BodyRegionPicker
                label={`New injury ${i + 1} site`}
                {...form.getInputProps(`injuries.${i}.site`)}
              />
              <RowError text={errors[`injuries.${i}`]} />
            </Stack>
          ))}
          {v.medications.map((_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity besides their place
            <Stack key={i} gap={4}>
              <Group align="flex-start" wrap="wrap">
                <MedicationNameInput
                  label={`New medication ${i + 1}`}
                  {...form.getInputProps(`medications.${i}.name`)}
                  onChange={(name) => {
                    const row = form.getValues().medications[i];
                    form.setFieldValue(
                      `medications.${i}.medicationClass`,
                      classAfterNameChange(row?.name ?? '', name, row?.medicationClass ?? ''),
                    );
                    form.setFieldValue(`medications.${i}.name`, name);
                  }}
                />
                <NativeSelect
                  label={`New medication ${i + 1} class`}
                  data={[{ value: '', label: 'Choose…' }, ...MEDICATION_CLASS_OPTIONS]}
                  {...form.getInputProps(`medications.${i}.medicationClass`)}
                />
                <Button
                  variant="subtle"
                  color="gray"
                  mt={24}
                  onClick={() => form.removeListItem('medications', i)}
                >
                  Remove medication {i + 1}
                </Button>
              </Group>
              <RowError text={errors[`medications.${i}`]} />
            </Stack>
          ))}
          {v.procedures.map((_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity besides their place
            <Stack key={i} gap={4}>
              <Group align="flex-start" wrap="wrap">
                <TextInput
                  label={`Recent procedure ${i + 1}`}
                  {...form.getInputProps(`procedures.${i}.description`)}
                />
                <TextInput
                  label={`Recent procedure ${i + 1} date`}
                  type="date"
                  max={today}
                  {...form.getInputProps(`procedures.${i}.date`)}
                />
                <Button
                  variant="subtle"
                  color="gray"
                  mt={24}
                  onClick={() => form.removeListItem('procedures', i)}
                >
                  Remove procedure {i + 1}
                </Button>
              </Group>
              <BodyRegionPicker
                label={`Recent procedure ${i + 1} site`}
                {...form.getInputProps(`procedures.${i}.site`)}
              />
              <RowError text={errors[`procedures.${i}`]} />
            </Stack>
          ))}
          <Group>
            <Button variant="light" size="sm" onClick={() => form.insertListItem('injuries', newRow())}>
              Add new injury
            </Button>
            <Button
              variant="light"
              size="sm"
              onClick={() => form.insertListItem('medications', { name: '', medicationClass: '' })}
            >
              Add new medication
            </Button>
            <Button variant="light" size="sm" onClick={() => form.insertListItem('procedures', newRow())}>
              Add recent procedure
            </Button>
          </Group>
        </Stack>
      </Fieldset>

      <Fieldset legend="Pregnancy update">
        <Group align="flex-start" wrap="wrap">
          <NativeSelect
            label="Pregnancy"
            data={[
              { value: '', label: 'No change' },
              { value: 'pregnant', label: 'Pregnant (new or changed due date)' },
              { value: 'not_pregnant', label: 'No longer pregnant' },
            ]}
            {...form.getInputProps('pregnancy')}
          />
          {v.pregnancy === 'pregnant' && (
            <>
              <TextInput
                label="Updated due date"
                type="date"
                {...form.getInputProps('edd')}
                error={errors.edd}
              />
              <Checkbox
                mt={30}
                label="High-risk pregnancy"
                {...form.getInputProps('highRisk', { type: 'checkbox' })}
              />
            </>
          )}
        </Group>
      </Fieldset>
    </Stack>
  );
}

const newRow = () => ({ kind: '', date: '', description: '', site: { ...EMPTY_REGION } });

function RowError({ text }: { text: string | undefined }) {
  if (!text) return null;
  return (
    <Text size="sm" c="orange.8">
      {text} — not counted until complete.
    </Text>
  );
}
