import { isIsoDate } from '@fascia/domain/patients/calendar-date';
import {
  implantedDeviceSchema,
  labValueSchema,
  pregnancySchema,
  radiationTherapySchema,
} from '@fascia/domain/patients/health-history.schema';
import { eddProblem, gestationalAge } from '@fascia/domain/patients/pregnancy';
import { Checkbox, NativeSelect, NumberInput, SimpleGrid, Text, TextInput } from '@mantine/core';
import {
  BodyRegionPicker,
  EMPTY_REGION,
  fromRegions,
  type RegionValue,
  toRegions,
} from './body-region-picker.tsx';
import { DEVICE_KIND_OPTIONS, ItemFormFrame, type ItemFormProps, textOf } from './history-form-parts.tsx';
import { optionalText, useHistoryItemForm } from './history-item-form.ts';
import { localToday } from './patients-api.ts';

/** "24 weeks 0 days, trimester 2" for a due date, or why the date cannot be right. */
export function describeDueDate(edd: string, today: string): { text: string; ok: boolean } | null {
  if (!isIsoDate(edd)) return null;
  const problem = eddProblem(edd, today);
  if (problem) return { text: problem, ok: false };
  const age = gestationalAge(edd, today);
  return { text: `${age.label}, trimester ${age.trimester}`, ok: true };
}

export function PregnancyForm({ patientId, onDone, correcting }: ItemFormProps) {
  const { form, frame } = useHistoryItemForm({
    patientId,
    kind: 'pregnancy',
    onSaved: onDone,
    correcting,
    schema: pregnancySchema,
    fromItem: (i) => ({ edd: textOf(i.edd), highRisk: i.highRisk === true, note: textOf(i.note) }),
    initialValues: { edd: '', highRisk: false, note: '' },
    toItem: (v) => ({ edd: v.edd, highRisk: v.highRisk, note: optionalText(v.note) }),
  });
  const live = describeDueDate(form.getValues().edd, localToday());
  return (
    <ItemFormFrame title="Record pregnancy" {...frame}>
      <TextInput label="Due date" type="date" required {...form.getInputProps('edd')} />
      {live && (
        <Text fw={600} c={live.ok ? 'teal.8' : 'red.8'} aria-live="polite" data-testid="gestational-age">
          {live.text}
        </Text>
      )}
      <Checkbox label="High-risk pregnancy" {...form.getInputProps('highRisk', { type: 'checkbox' })} />
      <TextInput label="Note" {...form.getInputProps('note')} />
    </ItemFormFrame>
  );
}

export function DeviceForm({ patientId, onDone, correcting }: ItemFormProps) {
  const { form, frame } = useHistoryItemForm({
    patientId,
    kind: 'devices',
    onSaved: onDone,
    correcting,
    schema: implantedDeviceSchema,
    rename: { regions: 'site' },
    fromItem: (i) => ({
      kind: textOf(i.kind),
      description: textOf(i.description),
      site: fromRegions(i.regions),
      implantedOn: textOf(i.implantedOn),
    }),
    initialValues: { kind: '', description: '', site: EMPTY_REGION as RegionValue, implantedOn: '' },
    toItem: (v) => ({
      kind: v.kind,
      description: optionalText(v.description),
      regions: v.site.regionId ? toRegions(v.site) : undefined,
      implantedOn: optionalText(v.implantedOn),
    }),
  });
  return (
    <ItemFormFrame title="Add implanted device" {...frame}>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect
          label="Device"
          required
          data={[{ value: '', label: 'Choose…' }, ...DEVICE_KIND_OPTIONS]}
          {...form.getInputProps('kind')}
        />
        <TextInput label="Device description" {...form.getInputProps('description')} />
        <TextInput label="Implanted on" type="date" {...form.getInputProps('implantedOn')} />
      </SimpleGrid>
      <BodyRegionPicker label="Site (optional)" {...form.getInputProps('site')} />
    </ItemFormFrame>
  );
}

export function LabForm({ patientId, onDone, correcting }: ItemFormProps) {
  const { form, frame } = useHistoryItemForm({
    patientId,
    kind: 'labs',
    onSaved: onDone,
    correcting,
    schema: labValueSchema,
    rename: { perMicroliter: 'value' },
    fromItem: (i) => ({
      test: i.test === 'inr' ? 'inr' : 'platelets',
      value:
        typeof i.perMicroliter === 'number' ? i.perMicroliter : typeof i.value === 'number' ? i.value : '',
      takenOn: textOf(i.takenOn),
    }),
    initialValues: { test: 'platelets', value: '' as number | string, takenOn: '' },
    toItem: (v) =>
      v.test === 'platelets'
        ? {
            test: 'platelets',
            perMicroliter: v.value === '' ? undefined : Number(v.value),
            takenOn: v.takenOn,
          }
        : { test: 'inr', value: v.value === '' ? undefined : Number(v.value), takenOn: v.takenOn },
  });
  const platelets = form.getValues().test === 'platelets';
  return (
    <ItemFormFrame title="Add lab value" {...frame}>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect
          label="Test"
          data={[
            { value: 'platelets', label: 'Platelet count' },
            { value: 'inr', label: 'INR' },
          ]}
          {...form.getInputProps('test')}
        />
        <NumberInput
          label={platelets ? 'Platelets (per µL)' : 'INR value'}
          thousandSeparator={platelets ? ',' : undefined}
          decimalScale={platelets ? 0 : 1}
          min={0}
          {...form.getInputProps('value')}
        />
        <TextInput label="Taken on" type="date" required {...form.getInputProps('takenOn')} />
      </SimpleGrid>
    </ItemFormFrame>
  );
}

export function RadiationForm({ patientId, onDone, correcting }: ItemFormProps) {
  const { form, frame } = useHistoryItemForm({
    patientId,
    kind: 'radiation',
    onSaved: onDone,
    correcting,
    schema: radiationTherapySchema,
    rename: { regions: 'site' },
    fromItem: (i) => ({
      site: fromRegions(i.regions),
      startedOn: textOf(i.startedOn),
      endedOn: textOf(i.endedOn),
    }),
    initialValues: { site: EMPTY_REGION as RegionValue, startedOn: '', endedOn: '' },
    toItem: (v) => ({ regions: toRegions(v.site), startedOn: v.startedOn, endedOn: optionalText(v.endedOn) }),
  });
  return (
    <ItemFormFrame title="Add radiation therapy" {...frame}>
      <BodyRegionPicker label="Radiation field" required {...form.getInputProps('site')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Radiation started" type="date" required {...form.getInputProps('startedOn')} />
        <TextInput label="Radiation ended" type="date" {...form.getInputProps('endedOn')} />
      </SimpleGrid>
    </ItemFormFrame>
  );
}
