import { Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { fieldError } from '../assessment-content.ts';
import { AddRowButton, RemoveRowButton } from './row-buttons.tsx';
import { listOf, type SectionProps } from './section-props.ts';

export function ImpressionSection({ content, setContent, problems, readOnly }: SectionProps) {
  return (
    <Textarea
      label="Clinical impression"
      autosize
      minRows={3}
      readOnly={readOnly}
      value={content.clinicalImpression ?? ''}
      error={fieldError(problems, 'clinicalImpression')}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setContent((c) => ({ ...c, clinicalImpression: value }));
      }}
    />
  );
}

/** The problems the plan of care will address, each optionally coded in ICD-10-CM. */
export function ProblemListSection({ content, setContent, problems, readOnly }: SectionProps) {
  const rows = content.problemList ?? [];
  const list = listOf(setContent, 'problemList');
  return (
    <Stack>
      {rows.length === 0 && <Text c="dimmed">No problems listed.</Text>}
      {rows.map((row, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id; their position is their identity in the draft
        <Group key={index} align="flex-start">
          <TextInput
            label={`Problem ${index + 1}`}
            style={{ flex: 1 }}
            readOnly={readOnly}
            value={row.description}
            error={fieldError(problems, `problemList.${index}.description`)}
            onChange={(e) => {
              const description = e.currentTarget.value;
              list.replace(index, { ...row, description });
            }}
          />
          <TextInput
            label={`ICD-10-CM code, problem ${index + 1}`}
            w={220}
            readOnly={readOnly}
            value={row.icd10Code ?? ''}
            error={fieldError(problems, `problemList.${index}.icd10Code`)}
            onChange={(e) => {
              const icd10Code = e.currentTarget.value.toUpperCase();
              list.replace(index, { ...row, icd10Code });
            }}
          />
          {!readOnly && <RemoveRowButton label="Remove" mt={24} onClick={() => list.remove(index)} />}
        </Group>
      ))}
      {!readOnly && <AddRowButton label="Add problem" onClick={() => list.append({ description: '' })} />}
    </Stack>
  );
}
