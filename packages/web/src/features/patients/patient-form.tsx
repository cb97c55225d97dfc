import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  NativeSelect,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { FormAlert } from '../../components/form-alert.tsx';
import { applyProblem } from '../../components/form-problem.ts';
import {
  PATIENT_FIELD_ALIASES,
  type PatientFormValues,
  toPatientRecord,
  validatePatientForm,
} from './patient-form-values.ts';
import { type PatientBody, SEX_OPTIONS, useTherapists } from './patients-api.ts';

const CHANNELS = [
  { value: 'sms', label: 'Text message' },
  { value: 'email', label: 'Email' },
  { value: 'phone', label: 'Phone call' },
  { value: 'post', label: 'Post' },
];

/** Demographics, consents and care team: the registration form, reused to edit a chart's details. */
export function PatientForm({
  initialValues,
  submitLabel,
  onSubmit,
  onCancel,
  careTeamEditable = true,
}: {
  initialValues: PatientFormValues;
  submitLabel: string;
  onSubmit: (body: PatientBody) => Promise<void>;
  onCancel?: () => void;
  /**
   * Registration chooses the first care team; changing it later is for owners and admins (and the
   * front desk where the clinic allows it), so without that the field is shown but not sent.
   */
  careTeamEditable?: boolean;
}) {
  const [message, setMessage] = useState<string | null>(null);
  const therapists = useTherapists();
  const form = useForm<PatientFormValues>({ initialValues, validate: validatePatientForm });

  const submit = form.onSubmit(
    async (values) => {
      setMessage(null);
      try {
        await onSubmit({
          record: toPatientRecord(values) as PatientBody['record'],
          ...(careTeamEditable ? { careTeam: values.careTeam } : {}),
        });
      } catch (err) {
        setMessage(applyProblem(form, err, PATIENT_FIELD_ALIASES) || null);
      }
    },
    () => setMessage('Check the highlighted fields.'),
  );

  const therapistOptions = (therapists.data ?? []).map((t) => ({ value: t.id, label: t.displayName }));
  const v = form.getValues();

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormAlert message={message} title="Could not save the patient" />
        <Fieldset legend="Name and identity">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label="Given name" required {...form.getInputProps('given')} />
            <TextInput label="Middle name" {...form.getInputProps('middle')} />
            <TextInput label="Family name" required {...form.getInputProps('family')} />
            <TextInput label="Preferred name" {...form.getInputProps('preferredName')} />
            <TextInput label="Pronouns" placeholder="she/her" {...form.getInputProps('pronouns')} />
            <TextInput label="Date of birth" type="date" required {...form.getInputProps('dateOfBirth')} />
            <NativeSelect
              label="Sex"
              required
              data={[{ value: '', label: 'Choose…' }, ...SEX_OPTIONS]}
              {...form.getInputProps('sex')}
            />
            <TextInput
              label="Preferred language"
              description="A language tag such as en or es"
              {...form.getInputProps('preferredLanguage')}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend="Contact">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Phone" type="tel" {...form.getInputProps('phone')} />
            <TextInput label="Email" type="email" {...form.getInputProps('email')} />
            <TextInput label="Address line 1" {...form.getInputProps('addressLine1')} />
            <TextInput label="Address line 2" {...form.getInputProps('addressLine2')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 2, sm: 4 }} mt="sm">
            <TextInput label="City" {...form.getInputProps('city')} />
            <TextInput label="State or region" {...form.getInputProps('region')} />
            <TextInput label="Postal code" {...form.getInputProps('postalCode')} />
            <TextInput label="Country" maxLength={2} {...form.getInputProps('country')} />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend="Emergency contact">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label="Contact name" {...form.getInputProps('emergencyName')} />
            <TextInput label="Relationship" {...form.getInputProps('emergencyRelationship')} />
            <TextInput label="Contact phone" type="tel" {...form.getInputProps('emergencyPhone')} />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend="Consents">
          <Stack gap="sm">
            <Group align="flex-end">
              <Checkbox
                label="Consent to treatment given"
                {...form.getInputProps('treatmentConsent', { type: 'checkbox' })}
              />
              <TextInput
                label="Treatment consent date"
                type="date"
                disabled={!v.treatmentConsent}
                {...form.getInputProps('treatmentConsentDate')}
              />
            </Group>
            <Group align="flex-end">
              <Checkbox
                label="Consent to communication given"
                {...form.getInputProps('communicationConsent', { type: 'checkbox' })}
              />
              <TextInput
                label="Communication consent date"
                type="date"
                disabled={!v.communicationConsent}
                {...form.getInputProps('communicationConsentDate')}
              />
            </Group>
            <Checkbox.Group label="Channels" {...form.getInputProps('channels')}>
              <Group mt={4}>
                {CHANNELS.map((c) => (
                  <Checkbox
                    key={c.value}
                    value={c.value}
                    label={c.label}
                    disabled={!v.communicationConsent}
                  />
                ))}
              </Group>
            </Checkbox.Group>
          </Stack>
        </Fieldset>
        <Fieldset legend="Care team">
          <MultiSelect
            label="Therapists"
            description={
              careTeamEditable
                ? 'The therapists treating this patient can read and write the clinical record.'
                : 'The therapists treating this patient. Only an owner or admin can change the care team.'
            }
            disabled={!careTeamEditable}
            data={therapistOptions}
            searchable
            nothingFoundMessage={therapists.isPending ? 'Loading…' : 'No therapist matches'}
            {...form.getInputProps('careTeam')}
          />
        </Fieldset>
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={form.submitting}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
