import type { HomeCareItem } from '@fascia/domain/plans/home-care';
import {
  Badge,
  Button,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { applyProblem } from '../../components/form-problem.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { HOME_CARE_KEY } from '../plans/home-care-library.ts';

type LibraryItem = HomeCareItem & { builtIn: boolean };

const KINDS = [
  { value: 'stretch', label: 'Stretch' },
  { value: 'self_massage', label: 'Self-massage' },
  { value: 'heat_cold', label: 'Heat or cold' },
  { value: 'posture', label: 'Posture' },
  { value: 'activity', label: 'Activity' },
  { value: 'breathing', label: 'Breathing' },
];

/** "Pec doorway stretch" → "clinic.pec_doorway_stretch": the id plans and notes refer to. */
export function clinicItemId(label: string): string {
  const slug = label
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60);
  return `clinic.${slug || 'item'}`;
}

/** Admin → Home-care library: the built-in self-care items and the clinic's own additions. */
export function HomeCarePage() {
  const library = useQuery({
    queryKey: HOME_CARE_KEY,
    queryFn: () => api.get<{ items: LibraryItem[] }>('/home-care'),
  });
  return (
    <>
      <PageHeader
        title="Home-care library"
        description="Self-care and stretches therapists give patients in a plan of care or at a visit. Add the clinic's own; built-in items cannot be changed."
      />
      <Stack>
        <AddItemForm />
        <QueryState query={library} label="the home-care library">
          {({ items }) => (
            <Table striped aria-label="Home-care items">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Item</Table.Th>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th>Instructions</Table.Th>
                  <Table.Th>Source</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td>{item.label}</Table.Td>
                    <Table.Td>{KINDS.find((k) => k.value === item.kind)?.label ?? item.kind}</Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={2}>
                        {item.instructions}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={item.builtIn ? 'gray' : 'teal'}>
                        {item.builtIn ? 'Built in' : 'Clinic'}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </QueryState>
      </Stack>
    </>
  );
}

function AddItemForm() {
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      label: '',
      kind: 'stretch',
      instructions: '',
      holdSeconds: '' as number | '',
      repetitions: '' as number | '',
      timesPerDay: '' as number | '',
    },
    validate: {
      label: (v) => (v.trim() ? null : 'Enter a name'),
      instructions: (v) => (v.trim() ? null : 'Write the instructions the patient follows'),
    },
  });
  const submit = form.onSubmit(async (v) => {
    setMessage(null);
    const dose = Object.fromEntries(
      (['holdSeconds', 'repetitions', 'timesPerDay'] as const).flatMap((k) =>
        v[k] === '' ? [] : [[k, Number(v[k])]],
      ),
    );
    try {
      await api.post('/home-care', {
        id: clinicItemId(v.label),
        kind: v.kind,
        label: v.label.trim(),
        instructions: v.instructions.trim(),
        regions: [],
        dose,
      });
      await queryClient.invalidateQueries({ queryKey: HOME_CARE_KEY });
      notifications.show({ message: `"${v.label.trim()}" added to the library.` });
      form.reset();
    } catch (err) {
      setMessage(applyProblem(form, err, { id: 'label' }) || null);
    }
  });
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate>
        <Fieldset legend="Add a clinic item" variant="unstyled">
          <Stack gap="sm">
            <FormAlert message={message} title="Could not add the item" />
            <SimpleGrid cols={2}>
              <TextInput label="Item name" required {...form.getInputProps('label')} />
              <NativeSelect label="Kind" data={KINDS} {...form.getInputProps('kind')} />
            </SimpleGrid>
            <Textarea
              label="Instructions for the patient"
              autosize
              minRows={2}
              required
              {...form.getInputProps('instructions')}
            />
            <SimpleGrid cols={3}>
              <NumberInput label="Hold (seconds)" min={1} {...form.getInputProps('holdSeconds')} />
              <NumberInput label="Repetitions" min={1} {...form.getInputProps('repetitions')} />
              <NumberInput label="Times per day" min={1} {...form.getInputProps('timesPerDay')} />
            </SimpleGrid>
            <Group justify="flex-end">
              <Button type="submit" loading={form.submitting}>
                Add to library
              </Button>
            </Group>
          </Stack>
        </Fieldset>
      </form>
    </Paper>
  );
}
