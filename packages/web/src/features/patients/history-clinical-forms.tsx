import {
  allergySchema,
  conditionSchema,
  injurySchema,
  medicationSchema,
  surgerySchema,
} from '@fascia/domain/patients/health-history.schema';
import { Checkbox, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import {
  BodyRegionPicker,
  EMPTY_REGION,
  fromRegions,
  type RegionValue,
  toRegions,
} from './body-region-picker.tsx';
import {
  ALLERGY_CATEGORY_OPTIONS,
  INJURY_KIND_OPTIONS,
  ItemFormFrame,
  type ItemFormProps,
  MEDICATION_CLASS_OPTIONS,
  textOf,
} from './history-form-parts.tsx';
import { optionalText, useHistoryItemForm } from './history-item-form.ts';
import { Icd10Select } from './icd10-select.tsx';
import { classAfterNameChange } from './medication-name.ts';
import { MedicationNameInput } from './medication-name-input.tsx';

const SITE = { regions: 'site' };
const choose = (label: string) => ({ value: '', label });

export function ConditionForm({ patientId, onDone, correcting }: ItemFormProps) {
  const { form, frame } = useHistoryItemForm({
    patientId,
    kind: 'conditions',
    onSaved: onDone,
    correcting,
    schema: conditionSchema,
    rename: SITE,
    fromItem: (i) => ({
      code: textOf(i.code),
      label: textOf(i.label),
      status: i.status === 'resolved' ? 'resolved' : 'active',
      onset: textOf(i.onset),
      site: fromRegions(i.regions),
      flare: i.flare === true,
      uncontrolled: i.controlled === false,
    }),
    initialValues: {
      code: '',
      label: '',
      status: 'active',
      onset: '',
      site: EMPTY_REGION as RegionValue,
      flare: false,
      uncontrolled: false,
    },
    toItem: (v) => ({
      code: optionalText(v.code),
      label: optionalText(v.label),
      status: v.status,
      onset: optionalText(v.onset),
      regions: v.site.regionId ? toRegions(v.site) : undefined,
      flare: v.flare || undefined,
      controlled: v.uncontrolled ? false : undefined,
    }),
  });
  return (
    <ItemFormFrame title="Add condition" {...frame}>
      <Icd10Select label="Diagnosis (ICD-10-CM)" {...form.getInputProps('code')} />
      <TextInput
        label="Description"
        description="When no code fits, or in the patient's words"
        {...form.getInputProps('label')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label="Status"
          data={[
            { value: 'active', label: 'Active' },
            { value: 'resolved', label: 'Resolved' },
          ]}
          {...form.getInputProps('status')}
        />
        <TextInput label="Onset date" type="date" {...form.getInputProps('onset')} />
      </SimpleGrid>
      <BodyRegionPicker label="Site (optional)" {...form.getInputProps('site')} />
      <Checkbox label="Flaring or relapsing now" {...form.getInputProps('flare', { type: 'checkbox' })} />
      <Checkbox
        label="Not under control (e.g. blood pressure above target)"
        {...form.getInputProps('uncontrolled', { type: 'checkbox' })}
      />
    </ItemFormFrame>
  );
}

export function SurgeryForm({ patientId, onDone, correcting }: ItemFormProps) {
  const { form, frame } = useHistoryItemForm({
    patientId,
    kind: 'surgeries',
    onSaved: onDone,
    correcting,
    schema: surgerySchema,
    rename: { ...SITE, lymphNodeRemoval: 'lymphSite' },
    fromItem: (i) => {
      const lymph = (i.lymphNodeRemoval ?? {}) as { site?: string; side?: string };
      return {
        date: textOf(i.date),
        description: textOf(i.description),
        site: fromRegions(i.regions),
        avoidUntil: textOf(i.avoidUntil),
        lymphSite: lymph.site ?? '',
        lymphSide: lymph.side ?? 'left',
      };
    },
    initialValues: {
      date: '',
      description: '',
      site: EMPTY_REGION as RegionValue,
      avoidUntil: '',
      lymphSite: '',
      lymphSide: 'left',
    },
    toItem: (v) => ({
      date: v.date,
      description: v.description,
      regions: toRegions(v.site),
      avoidUntil: optionalText(v.avoidUntil),
      lymphNodeRemoval: v.lymphSite ? { site: v.lymphSite, side: v.lymphSide } : undefined,
    }),
  });
  return (
    <ItemFormFrame title="Add surgery" {...frame}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Surgery date" type="date" required {...form.getInputProps('date')} />
        <TextInput label="Description" required {...form.getInputProps('description')} />
      </SimpleGrid>
      <BodyRegionPicker label="Site" required {...form.getInputProps('site')} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label="Surgeon's restriction until"
          description="Only when longer than 6 weeks"
          type="date"
          {...form.getInputProps('avoidUntil')}
        />
        <NativeSelect
          label="Lymph nodes removed"
          data={[
            choose('None'),
            { value: 'axillary', label: 'Armpit (axillary)' },
            { value: 'inguinal', label: 'Groin (inguinal)' },
            { value: 'cervical', label: 'Neck (cervical)' },
          ]}
          {...form.getInputProps('lymphSite')}
        />
        <NativeSelect
          label="Lymph node side"
          disabled={!form.getValues().lymphSite}
          data={[
            { value: 'left', label: 'Left' },
            { value: 'right', label: 'Right' },
          ]}
          {...form.getInputProps('lymphSide')}
        />
      </SimpleGrid>
    </ItemFormFrame>
  );
}

export function InjuryForm({ patientId, onDone, correcting }: ItemFormProps) {
  const { form, frame } = useHistoryItemForm({
    patientId,
    kind: 'injuries',
    onSaved: onDone,
    correcting,
    schema: injurySchema,
    rename: SITE,
    fromItem: (i) => ({
      kind: textOf(i.kind),
      date: textOf(i.date),
      site: fromRegions(i.regions),
      healedOn: textOf(i.healedOn),
      note: textOf(i.note),
    }),
    initialValues: { kind: '', date: '', site: EMPTY_REGION as RegionValue, healedOn: '', note: '' },
    toItem: (v) => ({
      kind: v.kind,
      date: v.date,
      regions: toRegions(v.site),
      healedOn: optionalText(v.healedOn),
      note: optionalText(v.note),
    }),
  });
  return (
    <ItemFormFrame title="Add injury" {...frame}>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect
          label="Injury type"
          required
          data={[choose('Choose…'), ...INJURY_KIND_OPTIONS]}
          {...form.getInputProps('kind')}
        />
        <TextInput label="Injury date" type="date" required {...form.getInputProps('date')} />
        <TextInput label="Healed on" type="date" {...form.getInputProps('healedOn')} />
      </SimpleGrid>
      <BodyRegionPicker label="Site" required {...form.getInputProps('site')} />
      <TextInput label="Note" {...form.getInputProps('note')} />
    </ItemFormFrame>
  );
}

export function MedicationForm({ patientId, onDone, correcting }: ItemFormProps) {
  const { form, frame } = useHistoryItemForm({
    patientId,
    kind: 'medications',
    onSaved: onDone,
    correcting,
    schema: medicationSchema,
    rename: { class: 'medicationClass' },
    fromItem: (i) => ({
      name: textOf(i.name),
      medicationClass: textOf(i.class),
      dose: textOf(i.dose),
      startedOn: textOf(i.startedOn),
      stoppedOn: textOf(i.stoppedOn),
    }),
    initialValues: { name: '', medicationClass: '', dose: '', startedOn: '', stoppedOn: '' },
    toItem: (v) => ({
      name: v.name,
      class: v.medicationClass,
      dose: optionalText(v.dose),
      startedOn: optionalText(v.startedOn),
      stoppedOn: optionalText(v.stoppedOn),
    }),
  });
  return (
    <ItemFormFrame title="Add medication" {...frame}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <MedicationNameInput
          label="Medication"
          description="Type a name; a catalogued medication fills in its class."
          required
          {...form.getInputProps('name')}
          onChange={(name) => {
            const { name: before, medicationClass } = form.getValues();
            form.setFieldValue('medicationClass', classAfterNameChange(before, name, medicationClass));
            form.setFieldValue('name', name);
          }}
        />
        <NativeSelect
          label="Medication class"
          required
          data={[choose('Choose…'), ...MEDICATION_CLASS_OPTIONS]}
          {...form.getInputProps('medicationClass')}
        />
        <TextInput label="Dose" {...form.getInputProps('dose')} />
        <SimpleGrid cols={2}>
          <TextInput label="Started on" type="date" {...form.getInputProps('startedOn')} />
          <TextInput label="Stopped on" type="date" {...form.getInputProps('stoppedOn')} />
        </SimpleGrid>
      </SimpleGrid>
    </ItemFormFrame>
  );
}

export function AllergyForm({ patientId, onDone, correcting }: ItemFormProps) {
  const { form, frame } = useHistoryItemForm({
    patientId,
    kind: 'allergies',
    onSaved: onDone,
    correcting,
    schema: allergySchema,
    fromItem: (i) => ({
      substance: textOf(i.substance),
      category: textOf(i.category),
      reaction: textOf(i.reaction),
      severity: textOf(i.severity) || 'moderate',
    }),
    initialValues: { substance: '', category: '', reaction: '', severity: 'moderate' },
    toItem: (v) => ({ ...v, reaction: optionalText(v.reaction) }),
  });
  return (
    <ItemFormFrame title="Add allergy or sensitivity" {...frame}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Substance" required {...form.getInputProps('substance')} />
        <NativeSelect
          label="Allergy category"
          required
          data={[choose('Choose…'), ...ALLERGY_CATEGORY_OPTIONS]}
          {...form.getInputProps('category')}
        />
        <TextInput label="Reaction" {...form.getInputProps('reaction')} />
        <NativeSelect
          label="Severity"
          data={[
            { value: 'mild', label: 'Mild' },
            { value: 'moderate', label: 'Moderate' },
            { value: 'severe', label: 'Severe' },
          ]}
          {...form.getInputProps('severity')}
        />
      </SimpleGrid>
    </ItemFormFrame>
  );
}
