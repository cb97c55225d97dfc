import { SimpleGrid, Stack, Textarea } from '@mantine/core';
import { fieldError } from '../assessment-content.ts';
import type { SectionProps } from './section-props.ts';

type SubjectiveKey =
  | 'chiefComplaint'
  | 'history'
  | 'onset'
  | 'aggravatingFactors'
  | 'easingFactors'
  | 'patientGoals';

const FIELDS: { key: SubjectiveKey; label: string; description?: string; rows: number }[] = [
  { key: 'chiefComplaint', label: 'Chief complaint', rows: 2 },
  { key: 'history', label: 'History of the complaint', rows: 3 },
  { key: 'onset', label: 'Onset', rows: 1 },
  { key: 'aggravatingFactors', label: 'Aggravating factors', rows: 2 },
  { key: 'easingFactors', label: 'Easing factors', rows: 2 },
  {
    key: 'patientGoals',
    label: 'Patient’s goals',
    description: 'In the patient’s words: what they want to be able to do again',
    rows: 2,
  },
];

export function SubjectiveSection({ content, setContent, problems, readOnly }: SectionProps) {
  const subjective = content.subjective ?? {};
  const [first, ...rest] = FIELDS;
  const input = (f: (typeof FIELDS)[number]) => (
    <Textarea
      key={f.key}
      label={f.label}
      description={f.description}
      required={f.key === 'chiefComplaint'}
      autosize
      minRows={f.rows}
      readOnly={readOnly}
      value={subjective[f.key] ?? ''}
      error={fieldError(problems, `subjective.${f.key}`)}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setContent((c) => ({ ...c, subjective: { ...c.subjective, [f.key]: value } }));
      }}
    />
  );
  return (
    <Stack>
      {first && input(first)}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>{rest.map(input)}</SimpleGrid>
    </Stack>
  );
}
