import { findInstrument, INSTRUMENTS } from '@fascia/domain/outcomes/instruments.catalogue';
import { Button, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { liveScore, QuestionnaireItems, ScoreLine } from '../../outcomes/questionnaire-items.tsx';
import type { OutcomeEntry } from '../assessment-content.ts';
import { problemsUnder } from '../assessment-content.ts';
import { RemoveRowButton } from './row-buttons.tsx';
import { listOf, type SectionProps } from './section-props.ts';

/** Outcome questionnaires given at this visit, answered from the instrument's own options, scored live. */
export function OutcomeMeasuresSection({
  content,
  setContent,
  problems,
  readOnly,
  performedOn,
}: SectionProps) {
  const entries = content.outcomes ?? [];
  const given = new Set(entries.map((e) => e.instrumentId));
  const available = INSTRUMENTS.filter((i) => !given.has(i.id));
  const [choice, setChoice] = useState('');
  const list = listOf(setContent, 'outcomes');
  const update = (index: number, entry: OutcomeEntry) => list.replace(index, entry);

  return (
    <Stack>
      {entries.map((entry, index) => {
        const instrument = findInstrument(entry.instrumentId);
        if (!instrument) return null;
        const issues = problemsUnder(problems, `outcomes.${index}`);
        return (
          <Paper key={entry.instrumentId} withBorder p="md" component="section" aria-label={instrument.name}>
            <Group justify="space-between" align="flex-start" mb="sm">
              <div>
                <Title order={3} size="h4">
                  {instrument.name}: {instrument.title}
                </Title>
                {instrument.recallPeriod && (
                  <Text size="sm" c="dimmed">
                    Recall period: {instrument.recallPeriod}
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  {instrument.licence.note}
                </Text>
              </div>
              {!readOnly && (
                <RemoveRowButton label={`Remove ${instrument.name}`} onClick={() => list.remove(index)} />
              )}
            </Group>
            <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
              <QuestionnaireItems
                instrument={instrument}
                answers={entry.answers}
                itemLabels={entry.itemLabels}
                onAnswer={(linkId, value) =>
                  update(index, { ...entry, answers: { ...entry.answers, [linkId]: value } })
                }
                onItemLabel={(linkId, label) =>
                  update(index, { ...entry, itemLabels: { ...entry.itemLabels, [linkId]: label } })
                }
              />
            </fieldset>
            <Stack mt="md" gap="xs">
              <ScoreLine instrument={instrument} result={liveScore(instrument, entry.answers)} />
              {issues.map((p) => (
                <Text key={p.field} c="red" size="sm">
                  {p.message}
                </Text>
              ))}
            </Stack>
          </Paper>
        );
      })}
      {!readOnly && available.length > 0 && (
        <Group align="flex-end">
          <NativeSelect
            label="Questionnaire to add"
            data={[
              { value: '', label: 'Choose a questionnaire' },
              ...available.map((i) => ({ value: i.id, label: `${i.name}: ${i.title} (${i.useFor})` })),
            ]}
            value={choice}
            onChange={(e) => setChoice(e.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <Button
            disabled={!choice}
            onClick={() => {
              setContent((c) => ({
                ...c,
                outcomes: [
                  ...(c.outcomes ?? []),
                  {
                    instrumentId: choice,
                    administeredOn: performedOn,
                    answers: {},
                    completedBy: 'staff_transcribed',
                  },
                ],
              }));
              setChoice('');
            }}
          >
            Add questionnaire
          </Button>
        </Group>
      )}
    </Stack>
  );
}
