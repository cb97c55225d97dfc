import { type Coverage, coverageSchema } from '@fascia/domain/patients/patient.schema';
import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormAlert } from '../../components/form-alert.tsx';
import { applyProblem } from '../../components/form-problem.ts';
import { plainMessage } from './patient-form-values.ts';
import { type CoverageView, coveragesKey, saveCoverage } from './patients-api.ts';

export const RELATIONSHIP_OPTIONS = [
  { value: 'self', label: 'Self (the patient holds the policy)' },
  { value: 'spouse', label: 'Spouse' },
  { value: 'child', label: 'Child' },
  { value: 'other', label: 'Other' },
];

export const ORDER_OPTIONS = [
  { value: 'primary', label: 'Primary' },
  { value: 'secondary', label: 'Secondary' },
  { value: 'tertiary', label: 'Tertiary' },
];

interface Values {
  [key: string]: unknown;
  payerName: string;
  payerId: string;
  memberId: string;
  groupNumber: string;
  relationship: string;
  subscriberGiven: string;
  subscriberFamily: string;
  subscriberDateOfBirth: string;
  order: string;
  validFrom: string;
  validUntil: string;
}

const ALIASES: Record<string, string> = {
  subscriber: 'subscriberGiven',
  'subscriber.name.given': 'subscriberGiven',
  'subscriber.name.family': 'subscriberFamily',
  'subscriber.dateOfBirth': 'subscriberDateOfBirth',
};

const text = (v: string) => (v.trim() === '' ? undefined : v.trim());

function toCoverage(v: Values): Coverage {
  return {
    payerName: v.payerName,
    payerId: text(v.payerId),
    memberId: v.memberId,
    groupNumber: text(v.groupNumber),
    relationship: v.relationship as Coverage['relationship'],
    subscriber:
      v.relationship === 'self'
        ? undefined
        : {
            name: { given: v.subscriberGiven, family: v.subscriberFamily },
            dateOfBirth: text(v.subscriberDateOfBirth),
          },
    order: v.order as Coverage['order'],
    validFrom: text(v.validFrom),
    validUntil: text(v.validUntil),
  };
}

function fromCoverage(c: Coverage | undefined): Values {
  return {
    payerName: c?.payerName ?? '',
    payerId: c?.payerId ?? '',
    memberId: c?.memberId ?? '',
    groupNumber: c?.groupNumber ?? '',
    relationship: c?.relationship ?? 'self',
    subscriberGiven: c?.subscriber?.name.given ?? '',
    subscriberFamily: c?.subscriber?.name.family ?? '',
    subscriberDateOfBirth: c?.subscriber?.dateOfBirth ?? '',
    order: c?.order ?? 'primary',
    validFrom: c?.validFrom ?? '',
    validUntil: c?.validUntil ?? '',
  };
}

function validate(v: Values): Record<string, string> {
  const parsed = coverageSchema.safeParse(toCoverage(v));
  const errors: Record<string, string> = {};
  if (parsed.success) return errors;
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    const field = ALIASES[path] ?? path;
    if (!errors[field]) errors[field] = plainMessage(issue.message);
  }
  return errors;
}

export function CoverageForm({
  patientId,
  existing,
  onDone,
}: {
  patientId: string;
  existing: CoverageView | null;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm<Values>({ initialValues: fromCoverage(existing?.coverage), validate });
  const submit = form.onSubmit(async (values) => {
    setMessage(null);
    try {
      await saveCoverage(patientId, toCoverage(values), existing?.id);
      await queryClient.invalidateQueries({ queryKey: coveragesKey(patientId) });
      onDone();
    } catch (err) {
      setMessage(applyProblem(form, err, ALIASES) || null);
    }
  });
  const notSelf = form.getValues().relationship !== 'self';

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormAlert message={message} title="Coverage not saved" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Payer" required data-autofocus {...form.getInputProps('payerName')} />
          <TextInput label="Payer ID" description="The clearinghouse id" {...form.getInputProps('payerId')} />
          <TextInput label="Member ID" required {...form.getInputProps('memberId')} />
          <TextInput label="Group number" {...form.getInputProps('groupNumber')} />
          <NativeSelect
            label="Relationship to subscriber"
            data={RELATIONSHIP_OPTIONS}
            {...form.getInputProps('relationship')}
          />
          <NativeSelect label="Order" data={ORDER_OPTIONS} {...form.getInputProps('order')} />
        </SimpleGrid>
        {notSelf && (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label="Subscriber given name" required {...form.getInputProps('subscriberGiven')} />
            <TextInput label="Subscriber family name" required {...form.getInputProps('subscriberFamily')} />
            <TextInput
              label="Subscriber date of birth"
              type="date"
              {...form.getInputProps('subscriberDateOfBirth')}
            />
          </SimpleGrid>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Coverage starts" type="date" {...form.getInputProps('validFrom')} />
          <TextInput label="Coverage ends" type="date" {...form.getInputProps('validUntil')} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            Save coverage
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
