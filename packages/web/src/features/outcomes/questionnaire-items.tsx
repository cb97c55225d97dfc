import type { Instrument, InstrumentItem } from '@fascia/domain/outcomes/instrument.types';
import { type ScoreResult, scoreResponse } from '@fascia/domain/outcomes/score';
import { Alert, Group, Radio, Stack, Text, TextInput } from '@mantine/core';

export type Answers = Record<string, number | null>;

/** The choices of one item: its answer options, a 0–10 style integer range, or yes/no. */
export function itemChoices(item: InstrumentItem): { value: number; label: string }[] {
  if (item.type === 'choice')
    return (item.answerOption ?? []).map((o) => ({ value: o.value, label: o.display }));
  if (item.type === 'boolean')
    return [
      { value: 1, label: 'Yes' },
      { value: 0, label: 'No' },
    ];
  const min = item.minValue ?? 0;
  const max = item.maxValue ?? 10;
  return Array.from({ length: max - min + 1 }, (_, i) => ({ value: min + i, label: String(min + i) }));
}

/**
 * Every item of an instrument as a labelled group of large choices, the same for staff
 * transcribing a form and for a patient on the kiosk (who gets the bigger size).
 */
export function QuestionnaireItems({
  instrument,
  answers,
  itemLabels,
  onAnswer,
  onItemLabel,
  size = 'md',
}: {
  instrument: Instrument;
  answers: Answers;
  itemLabels?: Record<string, string>;
  onAnswer: (linkId: string, value: number | null) => void;
  onItemLabel?: (linkId: string, label: string) => void;
  size?: 'md' | 'lg' | 'xl';
}) {
  return (
    <Stack gap="lg">
      {instrument.item.map((item, index) => {
        const value = answers[item.linkId];
        return (
          <Stack key={item.linkId} gap={6}>
            {item.patientDefinedLabel && onItemLabel && (
              <TextInput
                label={`Activity ${index + 1}: what is hard to do`}
                value={itemLabels?.[item.linkId] ?? ''}
                onChange={(e) => onItemLabel(item.linkId, e.currentTarget.value)}
                size={size}
              />
            )}
            <Radio.Group
              label={`${index + 1}. ${item.text}`}
              value={value === null || value === undefined ? null : String(value)}
              onChange={(v) => onAnswer(item.linkId, v === '' ? null : Number(v))}
              size={size}
            >
              <Group gap="sm" mt={6}>
                {itemChoices(item).map((choice) => (
                  <Radio
                    key={choice.value}
                    value={String(choice.value)}
                    label={choice.label}
                    size={size}
                    styles={{ body: { minHeight: 44, alignItems: 'center' } }}
                  />
                ))}
              </Group>
            </Radio.Group>
          </Stack>
        );
      })}
    </Stack>
  );
}

export function liveScore(instrument: Instrument, answers: Answers): ScoreResult {
  return scoreResponse(instrument, answers);
}

/** The score as the form fills in: value and band, or why there is none yet. */
export function ScoreLine({ instrument, result }: { instrument: Instrument; result: ScoreResult }) {
  if (!result.valid || result.score === null) {
    return (
      <Alert color="gray" variant="light" title={`${instrument.name}: no score yet`} role="status">
        {result.reason ?? result.interpretation}
      </Alert>
    );
  }
  return (
    <Alert color="blue" variant="light" title={`${instrument.name} score: ${result.score}`} role="status">
      <Text size="sm">{result.interpretation}</Text>
    </Alert>
  );
}
