import { npiProblem } from '@fascia/domain/referrals/npi';
import { type ReferringProvider, referringProviderSchema } from '@fascia/domain/referrals/provider.schema';
import { Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormAlert } from '../../components/form-alert.tsx';
import { applyProblem } from '../../components/form-problem.ts';
import { plainMessage } from '../patients/patient-form-values.ts';
import { PROVIDERS_KEY, type ProviderView, saveProvider } from './providers-api.ts';

interface Values {
  [key: string]: unknown;
  given: string;
  family: string;
  credentials: string;
  npi: string;
  specialty: string;
  phone: string;
  fax: string;
  email: string;
  organization: string;
}

const ALIASES: Record<string, string> = { 'name.given': 'given', 'name.family': 'family' };

const text = (v: string) => (v.trim() === '' ? undefined : v.trim());

function toProvider(v: Values): ReferringProvider {
  return {
    name: { given: v.given, family: v.family },
    credentials: v.credentials
      .split(/[,\s]+/)
      .map((c) => c.trim())
      .filter(Boolean),
    npi: v.npi.trim(),
    specialty: text(v.specialty),
    phone: text(v.phone),
    fax: text(v.fax),
    email: text(v.email),
    organization: text(v.organization),
  };
}

function fromProvider(p: ReferringProvider | undefined): Values {
  return {
    given: p?.name.given ?? '',
    family: p?.name.family ?? '',
    credentials: p?.credentials.join(', ') ?? '',
    npi: p?.npi ?? '',
    specialty: p?.specialty ?? '',
    phone: p?.phone ?? '',
    fax: p?.fax ?? '',
    email: p?.email ?? '',
    organization: p?.organization ?? '',
  };
}

function validate(v: Values): Record<string, string> {
  const parsed = referringProviderSchema.safeParse(toProvider(v));
  const errors: Record<string, string> = {};
  if (parsed.success) return errors;
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    const field = ALIASES[path] ?? path.split('.')[0] ?? path;
    if (!errors[field]) errors[field] = plainMessage(issue.message);
  }
  return errors;
}

/** What the NPI field says while typing: progress, the check-digit verdict, or what is wrong. */
export function npiFeedback(raw: string): { ok?: string; error?: string; hint?: string } {
  const value = raw.trim();
  if (value === '') return { hint: '10 digits, printed on the prescription' };
  if (!/^\d+$/.test(value)) return { error: 'An NPI has digits only.' };
  if (value.length < 10) return { hint: `${value.length} of 10 digits` };
  const problem = npiProblem(value);
  if (problem === 'not_10_digits') return { error: 'An NPI has exactly 10 digits.' };
  if (problem === 'check_digit')
    return { error: 'This NPI fails its check digit; check for a mistyped digit.' };
  return { ok: 'Check digit OK' };
}

export function ProviderForm({
  existing,
  onSaved,
  onCancel,
}: {
  existing?: ProviderView;
  onSaved: (provider: ProviderView) => void;
  onCancel: () => void;
}) {
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm<Values>({ initialValues: fromProvider(existing?.provider), validate });
  const submit = form.onSubmit(async (values) => {
    setMessage(null);
    try {
      const saved = await saveProvider(toProvider(values), existing?.id);
      await queryClient.invalidateQueries({ queryKey: PROVIDERS_KEY });
      onSaved(saved);
    } catch (err) {
      setMessage(applyProblem(form, err, ALIASES) || null);
    }
  });
  const npi = form.getInputProps('npi');
  const feedback = npiFeedback(form.getValues().npi);

  return (
    <form onSubmit={submit} noValidate aria-label="Referring provider">
      <Stack>
        <FormAlert message={message} title="Provider not saved" />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Provider given name" required data-autofocus {...form.getInputProps('given')} />
          <TextInput label="Provider family name" required {...form.getInputProps('family')} />
          <TextInput label="Credentials" placeholder="MD, DO, NP" {...form.getInputProps('credentials')} />
        </SimpleGrid>
        <TextInput
          label="NPI"
          required
          inputMode="numeric"
          maxLength={10}
          {...npi}
          error={npi.error ?? feedback.error}
          description={feedback.ok ?? feedback.hint}
          styles={
            feedback.ok
              ? { description: { color: 'var(--mantine-color-teal-8)', fontWeight: 600 } }
              : undefined
          }
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Specialty" {...form.getInputProps('specialty')} />
          <TextInput label="Organization" {...form.getInputProps('organization')} />
          <TextInput label="Provider phone" type="tel" {...form.getInputProps('phone')} />
          <TextInput label="Fax" type="tel" {...form.getInputProps('fax')} />
          <TextInput label="Provider email" type="email" {...form.getInputProps('email')} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            Save provider
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
