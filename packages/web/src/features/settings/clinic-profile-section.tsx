import {
  Button,
  FileInput,
  Group,
  Image,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { applyProblem } from '../../components/form-problem.ts';
import { QueryState } from '../../components/query-state.tsx';
import { put } from '../patients/patients-api.ts';
import { fileToBase64 } from '../referrals/referrals-api.ts';

interface ClinicLocation {
  label?: string;
  lines: string[];
  city: string;
  region?: string;
  postalCode?: string;
  country: string;
}

export interface ClinicProfile {
  legalName: string;
  locations: ClinicLocation[];
  phone: string | null;
  fax: string | null;
  npi: string | null;
  taxId: string | null;
  units: 'metric' | 'us';
  logo: { mediaType: string; sha256: string } | null;
  updatedAt: string | null;
}

const PROFILE_KEY = ['organization', 'profile'] as const;

// The server names fields by their path in the profile; the form keeps the first location flat.
const ALIASES: Record<string, string> = {
  'locations.0.lines.0': 'line1',
  'locations.0.lines.1': 'line2',
  'locations.0.lines': 'line1',
  'locations.0.city': 'city',
  'locations.0.region': 'region',
  'locations.0.postalCode': 'postalCode',
  'locations.0.country': 'country',
};

/** The clinic's letterhead: printed at the top of every PDF it sends a physician or payer. */
export function ClinicProfileSection({ canEdit }: { canEdit: boolean }) {
  const profile = useQuery({
    queryKey: PROFILE_KEY,
    queryFn: () => api.get<ClinicProfile>('/organization/profile'),
  });
  return (
    <Paper withBorder p="lg" maw={720} mt="lg">
      <Title order={2} size="h3" mb="sm">
        Clinic profile (letterhead)
      </Title>
      <QueryState query={profile} label="the clinic profile">
        {(p) => <ProfileForm key={p.updatedAt ?? 'new'} profile={p} canEdit={canEdit} />}
      </QueryState>
    </Paper>
  );
}

function ProfileForm({ profile, canEdit }: { profile: ClinicProfile; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const [logoMessage, setLogoMessage] = useState<string | null>(null);
  const first = profile.locations[0];
  const form = useForm({
    initialValues: {
      legalName: profile.legalName,
      line1: first?.lines[0] ?? '',
      line2: first?.lines[1] ?? '',
      city: first?.city ?? '',
      region: first?.region ?? '',
      postalCode: first?.postalCode ?? '',
      country: first?.country ?? 'US',
      phone: profile.phone ?? '',
      fax: profile.fax ?? '',
      npi: profile.npi ?? '',
      taxId: profile.taxId ?? '',
      units: profile.units,
    },
  });

  const submit = form.onSubmit(async (v) => {
    setMessage(null);
    const optional = (s: string) => (s.trim() ? s.trim() : null);
    const hasAddress = v.line1.trim() || v.city.trim();
    try {
      const saved = await put<ClinicProfile>('/organization/profile', {
        legalName: v.legalName.trim(),
        locations: hasAddress
          ? [
              {
                lines: [v.line1, v.line2].map((l) => l.trim()).filter(Boolean),
                city: v.city.trim(),
                ...(v.region.trim() ? { region: v.region.trim() } : {}),
                ...(v.postalCode.trim() ? { postalCode: v.postalCode.trim() } : {}),
                country: v.country.trim(),
              },
              ...profile.locations.slice(1),
            ]
          : profile.locations.slice(1),
        phone: optional(v.phone),
        fax: optional(v.fax),
        npi: optional(v.npi),
        taxId: optional(v.taxId),
        units: v.units,
      });
      queryClient.setQueryData(PROFILE_KEY, saved);
      notifications.show({
        color: 'teal',
        title: 'Profile saved',
        message: 'New PDFs carry the new letterhead.',
      });
    } catch (err) {
      setMessage(applyProblem(form, err, ALIASES) || null);
    }
  });

  const uploadLogo = async (file: File | null) => {
    if (!file) return;
    setLogoMessage(null);
    try {
      const saved = await put<ClinicProfile>('/organization/profile/logo', {
        mediaType: file.type,
        dataBase64: await fileToBase64(file),
      });
      queryClient.setQueryData(PROFILE_KEY, saved);
    } catch (err) {
      setLogoMessage(err instanceof Error ? err.message : 'The logo was not saved.');
    }
  };

  const field = (name: keyof typeof form.values, label: string, extra: object = {}) => (
    <TextInput label={label} disabled={!canEdit} {...extra} {...form.getInputProps(name)} />
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormAlert message={message} title="Profile not saved" />
        {field('legalName', 'Legal name', { required: true })}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {field('line1', 'Address line 1')}
          {field('line2', 'Address line 2')}
          {field('city', 'City')}
          {field('region', 'State or region')}
          {field('postalCode', 'Postal code')}
          {field('country', 'Country (two letters)', { maxLength: 2 })}
          {field('phone', 'Phone', { type: 'tel' })}
          {field('fax', 'Fax', { type: 'tel' })}
          {field('npi', 'NPI (organisation, type 2)', { inputMode: 'numeric', maxLength: 10 })}
          {field('taxId', 'Tax id (EIN for US clinics)', { placeholder: '12-3456789' })}
        </SimpleGrid>
        <Select
          label="Units"
          disabled={!canEdit}
          allowDeselect={false}
          data={[
            { value: 'metric', label: 'Metric (°C, cm, kg)' },
            { value: 'us', label: 'US customary (°F, in, lb)' },
          ]}
          {...form.getInputProps('units')}
        />
        <Group align="end">
          {profile.logo && (
            <Image src="/api/organization/profile/logo" alt="Clinic logo" h={48} w="auto" fit="contain" />
          )}
          <FileInput
            label="Logo (PNG or JPEG, up to 512 KiB)"
            accept="image/png,image/jpeg"
            disabled={!canEdit || !profile.updatedAt}
            description={profile.updatedAt ? undefined : 'Save the profile first.'}
            onChange={uploadLogo}
            error={logoMessage}
          />
        </Group>
        {canEdit ? (
          <Button type="submit" loading={form.submitting} disabled={!form.isDirty()}>
            Save profile
          </Button>
        ) : (
          <Text size="sm" c="dimmed">
            Read only for your role.
          </Text>
        )}
      </Stack>
    </form>
  );
}
