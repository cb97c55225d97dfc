import { Button, Group, Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { FormAlert } from '../../components/form-alert.tsx';

/** A recorded item opened for correction: its id (retired on save), its words and its fields. */
export interface CorrectedItem {
  id: string;
  title: string;
  item: Record<string, unknown>;
}

export interface ItemFormProps {
  patientId: string;
  onDone: () => void;
  correcting?: CorrectedItem;
}

/** A stored text or date field as an input's value. */
export const textOf = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The frame every "Add …" form shares: a titled panel, the form's alert, Save and Cancel. */
export function ItemFormFrame({
  title,
  message,
  submitting,
  onSubmit,
  onCancel,
  children,
}: {
  title: string;
  message: string | null;
  submitting: boolean;
  onSubmit: (event?: React.FormEvent<HTMLFormElement>) => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" bg="gray.0">
      <form onSubmit={onSubmit} noValidate aria-label={title}>
        <Stack>
          <Title order={3} size="h5">
            {title}
          </Title>
          <FormAlert message={message} title="Not saved" />
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button type="submit" loading={submitting}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export const MEDICATION_CLASS_OPTIONS = [
  { value: 'anticoagulant', label: 'Anticoagulant (blood thinner)' },
  { value: 'antiplatelet', label: 'Antiplatelet' },
  { value: 'corticosteroid', label: 'Corticosteroid' },
  { value: 'nsaid', label: 'NSAID (anti-inflammatory)' },
  { value: 'opioid_analgesic', label: 'Opioid analgesic' },
  { value: 'other_analgesic', label: 'Other pain reliever' },
  { value: 'muscle_relaxant', label: 'Muscle relaxant' },
  { value: 'antihypertensive', label: 'Blood pressure medication' },
  { value: 'insulin_antidiabetic', label: 'Insulin or antidiabetic' },
  { value: 'chemotherapy', label: 'Chemotherapy' },
  { value: 'immunosuppressant', label: 'Immunosuppressant' },
  { value: 'ssri', label: 'SSRI antidepressant (sertraline, fluoxetine…)' },
  { value: 'snri', label: 'SNRI antidepressant (venlafaxine, duloxetine…)' },
  { value: 'antidepressant', label: 'Other antidepressant' },
  { value: 'anticonvulsant', label: 'Anticonvulsant' },
  { value: 'hormone', label: 'Hormone' },
  { value: 'other', label: 'Other' },
];

export const ALLERGY_CATEGORY_OPTIONS = [
  { value: 'massage_oil', label: 'Massage oil' },
  { value: 'nut_oil', label: 'Nut oil (almond, coconut…)' },
  { value: 'essential_oil', label: 'Essential oil' },
  { value: 'latex', label: 'Latex' },
  { value: 'fragrance', label: 'Fragrance' },
  { value: 'lotion_ingredient', label: 'Lotion ingredient' },
  { value: 'adhesive', label: 'Adhesive (tape)' },
  { value: 'medication', label: 'Medication' },
  { value: 'food', label: 'Food' },
  { value: 'other', label: 'Other' },
];

export const INJURY_KIND_OPTIONS = [
  { value: 'fracture', label: 'Fracture' },
  { value: 'sprain', label: 'Sprain' },
  { value: 'strain', label: 'Strain' },
  { value: 'bruise', label: 'Bruise' },
  { value: 'dislocation', label: 'Dislocation' },
  { value: 'wound', label: 'Open wound' },
  { value: 'burn', label: 'Burn' },
  { value: 'skin_infection', label: 'Skin infection' },
  { value: 'other', label: 'Other' },
];

export const DEVICE_KIND_OPTIONS = [
  { value: 'pacemaker', label: 'Pacemaker' },
  { value: 'defibrillator', label: 'Implanted defibrillator' },
  { value: 'insulin_pump', label: 'Insulin pump' },
  { value: 'neurostimulator', label: 'Neurostimulator' },
  { value: 'joint_replacement', label: 'Joint replacement' },
  { value: 'breast_implant', label: 'Breast implant' },
  { value: 'port_catheter', label: 'Port or catheter' },
  { value: 'other', label: 'Other' },
];

export const optionLabel = (options: { value: string; label: string }[], value: string | undefined) =>
  options.find((o) => o.value === value)?.label ?? value ?? '';
