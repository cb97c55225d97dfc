import { findSpecialTest, positiveFindings, SPECIAL_TESTS } from '@fascia/domain/assessment/special-tests';
import type { TestArea } from '@fascia/domain/assessment/special-tests.catalogue';
import {
  Fieldset,
  Group,
  List,
  NativeSelect,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { fieldError, type SpecialTestRow } from '../assessment-content.ts';
import { AddRowButton, RemoveRowButton } from './row-buttons.tsx';
import { listOf, type SectionProps } from './section-props.ts';

const AREA_LABELS: Record<TestArea, string> = {
  cervical: 'Cervical spine',
  thoracic_outlet: 'Thoracic outlet',
  shoulder: 'Shoulder',
  elbow: 'Elbow',
  wrist_hand: 'Wrist and hand',
  lumbar: 'Lumbar spine',
  hip_pelvis: 'Hip and pelvis',
  tmj: 'Jaw (TMJ)',
};

const GROUPED = (Object.keys(AREA_LABELS) as TestArea[]).map((area) => ({
  group: AREA_LABELS[area],
  items: SPECIAL_TESTS.filter((t) => t.area === area).map((t) => ({ value: t.id, label: t.name })),
}));

const RESULTS = [
  { value: 'positive', label: 'Positive' },
  { value: 'negative', label: 'Negative' },
  { value: 'equivocal', label: 'Equivocal' },
];

export function SpecialTestsSection({ content, setContent, problems, readOnly }: SectionProps) {
  const rows = content.specialTests ?? [];
  const list = listOf(setContent, 'specialTests');
  const update = list.replace;
  const positives = positiveFindings(
    rows.flatMap((r) => (r.result && findSpecialTest(r.testId) ? [{ ...r, result: r.result }] : [])),
  );

  return (
    <Stack>
      {rows.map((row, index) => {
        const test = findSpecialTest(row.testId);
        const err = (f: string) => fieldError(problems, `specialTests.${index}.${f}`);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id; their position is their identity in the draft
          <Fieldset key={index} legend={`Test ${index + 1}`} disabled={readOnly}>
            <Stack gap="sm">
              <NativeSelect
                label="Special test"
                data={GROUPED}
                value={row.testId}
                error={err('testId')}
                onChange={(e) => {
                  const next = findSpecialTest(e.currentTarget.value);
                  const { side, measurementMm: _, ...rest } = row;
                  update(index, {
                    ...rest,
                    testId: e.currentTarget.value,
                    ...(next?.sided ? { side: side ?? 'right' } : {}),
                  });
                }}
              />
              {test && (
                <Text size="sm" c="dimmed">
                  Positive when {test.positiveWhen.charAt(0).toLowerCase() + test.positiveWhen.slice(1)}{' '}
                  Suggests: {test.suggests}
                </Text>
              )}
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Radio.Group
                  label="Result"
                  value={row.result ?? null}
                  error={err('result')}
                  onChange={(v) => update(index, { ...row, result: v as SpecialTestRow['result'] })}
                >
                  <Group mt={6}>
                    {RESULTS.map((r) => (
                      <Radio key={r.value} value={r.value} label={r.label} size="md" disabled={readOnly} />
                    ))}
                  </Group>
                </Radio.Group>
                {test?.sided && (
                  <Radio.Group
                    label="Side"
                    value={row.side ?? null}
                    error={err('side')}
                    onChange={(v) => update(index, { ...row, side: v as 'left' | 'right' })}
                  >
                    <Group mt={6}>
                      <Radio value="left" label="Left" size="md" disabled={readOnly} />
                      <Radio value="right" label="Right" size="md" disabled={readOnly} />
                    </Group>
                  </Radio.Group>
                )}
              </SimpleGrid>
              {test?.measurement && (
                <NumberInput
                  label={`Measurement (mm; positive below ${test.measurement.positiveBelow})`}
                  min={0}
                  max={90}
                  value={row.measurementMm ?? ''}
                  error={err('measurementMm')}
                  onChange={(v) => {
                    const { measurementMm: _, ...rest } = row;
                    update(index, typeof v === 'number' ? { ...rest, measurementMm: v } : rest);
                  }}
                />
              )}
              <Group align="flex-end">
                <TextInput
                  label="Notes"
                  style={{ flex: 1 }}
                  value={row.notes ?? ''}
                  readOnly={readOnly}
                  onChange={(e) => update(index, { ...row, notes: e.currentTarget.value })}
                />
                {!readOnly && <RemoveRowButton label="Remove test" onClick={() => list.remove(index)} />}
              </Group>
            </Stack>
          </Fieldset>
        );
      })}
      {positives.length > 0 && (
        <List size="sm" aria-label="Positive findings">
          {positives.map((p) => (
            <List.Item key={`${p.testId}-${p.side ?? ''}`}>{p.text}</List.Item>
          ))}
        </List>
      )}
      {!readOnly && (
        <AddRowButton
          label="Add special test"
          onClick={() => list.append({ testId: 'spurling', side: 'right' })}
        />
      )}
    </Stack>
  );
}
