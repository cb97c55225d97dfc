import {
  Alert,
  Button,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiProblem } from '../../api/client.ts';
import { FileField } from '../../components/file-field.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { applyProblem } from '../../components/form-problem.ts';
import { describeError } from '../../components/query-state.tsx';
import { Icd10MultiSelect } from '../patients/icd10-select.tsx';
import { localToday } from '../patients/patients-api.ts';
import { useProviders } from '../providers/providers-api.ts';
import { ProviderModal } from '../providers/providers-page.tsx';
import { PrecautionsEditor } from './precautions-editor.tsx';
import {
  emptyReferralForm,
  fromReferral,
  liveStatus,
  type ReferralFormValues,
  referralField,
  toReferralBody,
  validateReferralForm,
} from './referral-form-values.ts';
import { ReferralStatusBadge } from './referral-status-badge.tsx';
import {
  ATTACHMENT_TYPES,
  attachPrescription,
  type ReferralView,
  referralsKey,
  saveReferral,
} from './referrals-api.ts';

const ADD_PROVIDER = '__add_provider__';

export function ReferralForm({
  patientId,
  existing,
  onDone,
}: {
  patientId: string;
  existing?: ReferralView;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const today = localToday();
  const providers = useProviders();
  const [message, setMessage] = useState<string | null>(null);
  const [addingProvider, setAddingProvider] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const form = useForm<ReferralFormValues>({
    initialValues: existing ? fromReferral(existing.referral) : emptyReferralForm(today),
    validate: validateReferralForm,
  });
  const v = form.getValues();
  const ordered = Number(v.timesPerWeek) * Number(v.durationWeeks);
  const live = liveStatus(v, today);

  const submit = form.onSubmit(async (values) => {
    setMessage(null);
    let saved: ReferralView;
    try {
      saved = await saveReferral(patientId, toReferralBody(values), existing?.id);
    } catch (err) {
      const renamed =
        err instanceof ApiProblem
          ? new ApiProblem({
              ...err.problem,
              errors: err.problem.errors?.map((e) => ({ ...e, field: referralField(e.field) })),
            })
          : err;
      setMessage(applyProblem(form, renamed) || null);
      return;
    }
    if (file) {
      try {
        await attachPrescription(saved.id, file);
      } catch (err) {
        // The referral itself is saved; say so, so nobody enters it twice.
        setMessage(
          `The referral is saved, but the prescription file was not attached: ${describeError(err)}`,
        );
        await queryClient.invalidateQueries({ queryKey: referralsKey(patientId) });
        return;
      }
    }
    await queryClient.invalidateQueries({ queryKey: referralsKey(patientId) });
    await queryClient.invalidateQueries({ queryKey: ['patients', patientId, 'screening-context'] });
    onDone();
  });

  const providerOptions = [
    ...(providers.data?.items ?? []).map((p) => ({
      value: p.id,
      label: `${p.displayName} · NPI ${p.provider.npi}`,
    })),
    { value: ADD_PROVIDER, label: 'Add provider…' },
  ];

  // The provider modal sits outside the form: React bubbles its submit through the portal otherwise.
  return (
    <>
      <form onSubmit={submit} noValidate aria-label="Referral">
        <Stack>
          <FormAlert message={message} title="Referral not saved" />
          <Group align="flex-end" wrap="nowrap">
            <Select
              label="Referring provider"
              required
              searchable
              data={providerOptions}
              style={{ flex: 1 }}
              nothingFoundMessage="No provider matches"
              {...form.getInputProps('providerId')}
              onChange={(value) => {
                if (value === ADD_PROVIDER) setAddingProvider(true);
                else form.setFieldValue('providerId', value ?? '');
              }}
            />
            <Button variant="light" onClick={() => setAddingProvider(true)}>
              Add provider
            </Button>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Date written" type="date" required {...form.getInputProps('dateWritten')} />
            <TextInput label="Authorization number" {...form.getInputProps('authorizationNumber')} />
          </SimpleGrid>
          <Icd10MultiSelect
            label="Diagnoses (principal first)"
            description="Billable ICD-10-CM codes; the first one chosen is the principal diagnosis"
            billableOnly
            {...form.getInputProps('diagnoses')}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label="Times per week"
              min={1}
              max={7}
              required
              {...form.getInputProps('timesPerWeek')}
            />
            <NumberInput label="Weeks" min={1} max={52} required {...form.getInputProps('durationWeeks')} />
            <NumberInput
              label="Visits authorized"
              description={
                ordered > 0 ? `${ordered} visits ordered` : 'Leave empty when the payer sets no limit'
              }
              min={1}
              max={200}
              {...form.getInputProps('visitsAuthorized')}
            />
            <TextInput label="Valid from" type="date" required {...form.getInputProps('validFrom')} />
            <TextInput label="Valid until" type="date" required {...form.getInputProps('validUntil')} />
          </SimpleGrid>
          {live && (
            <Alert
              variant="light"
              color="gray"
              title="Status today"
              aria-live="polite"
              data-testid="live-referral-status"
            >
              <Group gap="sm">
                <ReferralStatusBadge status={live.result.status} />
                <Text size="sm">
                  {live.result.daysLeft} days left
                  {live.result.visitsLeft !== undefined && `, ${live.result.visitsLeft} visits left`}
                </Text>
              </Group>
              {live.explanation.map((line) => (
                <Text key={line} size="sm" mt={4}>
                  {line}
                </Text>
              ))}
            </Alert>
          )}
          <Textarea label="Precautions" autosize minRows={2} {...form.getInputProps('precautionText')} />
          <PrecautionsEditor form={form} />
          <Textarea
            label="Physician's goals"
            description="One goal per line"
            autosize
            minRows={2}
            {...form.getInputProps('goals')}
          />
          <FileField
            id="prescription-file"
            label="Prescription file"
            description={
              existing?.attachment
                ? `Attached: ${existing.attachment.fileName}. Choose a file to replace it.`
                : 'The paper prescription: PDF or a photo (JPEG, PNG, HEIC, TIFF), up to 10 MB'
            }
            types={ATTACHMENT_TYPES}
            maxBytes={10 * 1024 * 1024}
            wrongType="Choose a PDF or an image (JPEG, PNG, HEIC, TIFF)."
            error={fileError}
            onError={setFileError}
            onFile={setFile}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
            <Button type="submit" loading={form.submitting}>
              Save referral
            </Button>
          </Group>
        </Stack>
      </form>
      <ProviderModal
        opened={addingProvider}
        onClose={() => setAddingProvider(false)}
        onSaved={(provider) => {
          setAddingProvider(false);
          form.setFieldValue('providerId', provider.id);
        }}
      />
    </>
  );
}
