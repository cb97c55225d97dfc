import { INSTRUMENTS } from '@fascia/domain/outcomes/instruments.catalogue';
import { GOAL_STATUSES } from '@fascia/domain/plans/plan-of-care.schema';
import { Button, Fieldset, Group, NativeSelect, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { type GoalRow, newGoal, type PlanValues } from './plan-form-values.ts';

export type UpdatePlan = (update: (v: PlanValues) => PlanValues) => void;

export const GOAL_STATUS_LABELS: Record<(typeof GOAL_STATUSES)[number], string> = {
  not_started: 'Not started',
  progressing: 'Progressing',
  met: 'Met',
  not_met: 'Not met',
  discontinued: 'Discontinued',
};

const STATUS_OPTIONS = GOAL_STATUSES.map((value) => ({ value, label: GOAL_STATUS_LABELS[value] }));

const COMPARATORS = [
  { value: 'at_most', label: 'at most' },
  { value: 'at_least', label: 'at least' },
  { value: 'reduce_by', label: 'down by' },
  { value: 'increase_by', label: 'up by' },
];

const INSTRUMENT_OPTIONS = INSTRUMENTS.map((i) => ({ value: i.name, label: `${i.name} — ${i.title}` }));

function GoalFields({
  n,
  goal,
  errors,
  onChange,
  onRemove,
}: {
  n: number;
  goal: GoalRow;
  errors: Record<string, string>;
  onChange: (patch: Partial<GoalRow>) => void;
  onRemove: () => void;
}) {
  const at = (field: string) => errors[`goals.${n - 1}.${field}`];
  const measureError = Object.entries(errors).find(([k]) => k.startsWith(`goals.${n - 1}.measure`))?.[1];
  return (
    <Fieldset legend={`Goal ${n}`}>
      <Stack gap="xs">
        <Group align="flex-start" wrap="wrap" gap="sm">
          <NativeSelect
            label={`Goal ${n} term`}
            data={[
              { value: 'short', label: 'Short-term' },
              { value: 'long', label: 'Long-term' },
            ]}
            value={goal.term}
            onChange={(e) => onChange({ term: e.currentTarget.value as GoalRow['term'] })}
          />
          <NativeSelect
            label={`Goal ${n} measured by`}
            data={[
              { value: 'outcome_measure', label: 'Outcome measure' },
              { value: 'rom', label: 'Range of motion' },
              { value: 'functional', label: 'Function, in words' },
            ]}
            value={goal.kind}
            onChange={(e) => onChange({ kind: e.currentTarget.value as GoalRow['kind'] })}
          />
          <TextInput
            type="date"
            label={`Goal ${n} target date`}
            value={goal.targetDate}
            error={at('targetDate')}
            onChange={(e) => onChange({ targetDate: e.currentTarget.value })}
          />
          <NativeSelect
            label={`Goal ${n} status`}
            data={STATUS_OPTIONS}
            value={goal.status}
            onChange={(e) => onChange({ status: e.currentTarget.value as GoalRow['status'] })}
          />
        </Group>
        {goal.kind === 'outcome_measure' && (
          <Group align="flex-start" wrap="wrap" gap="sm">
            <NativeSelect
              label={`Goal ${n} outcome measure`}
              data={INSTRUMENT_OPTIONS}
              value={goal.instrument}
              onChange={(e) => onChange({ instrument: e.currentTarget.value })}
              w={280}
            />
            <NativeSelect
              label={`Goal ${n} comparator`}
              data={COMPARATORS}
              value={goal.comparator}
              onChange={(e) => onChange({ comparator: e.currentTarget.value as GoalRow['comparator'] })}
            />
            <NumberInput
              label={`Goal ${n} target value`}
              value={goal.value}
              onChange={(value) => onChange({ value })}
              w={140}
              error={measureError}
            />
          </Group>
        )}
        {goal.kind === 'rom' && (
          <Group align="flex-start" wrap="wrap" gap="sm">
            <TextInput
              label={`Goal ${n} joint`}
              value={goal.joint}
              onChange={(e) => onChange({ joint: e.currentTarget.value })}
              error={measureError}
            />
            <TextInput
              label={`Goal ${n} movement`}
              value={goal.movement}
              onChange={(e) => onChange({ movement: e.currentTarget.value })}
            />
            <NativeSelect
              label={`Goal ${n} side`}
              data={[
                { value: '', label: 'Both / not paired' },
                { value: 'left', label: 'Left' },
                { value: 'right', label: 'Right' },
              ]}
              value={goal.side}
              onChange={(e) => onChange({ side: e.currentTarget.value as GoalRow['side'] })}
            />
            <NumberInput
              label={`Goal ${n} target degrees`}
              min={0}
              max={360}
              value={goal.targetDegrees}
              onChange={(targetDegrees) => onChange({ targetDegrees })}
              w={140}
            />
          </Group>
        )}
        {goal.kind === 'functional' && (
          <TextInput
            label={`Goal ${n} function`}
            placeholder="e.g. Sit through a 1-hour meeting without pain"
            value={goal.text}
            error={measureError}
            onChange={(e) => onChange({ text: e.currentTarget.value })}
          />
        )}
        <Group justify="flex-end">
          <Button variant="subtle" color="gray" size="compact-sm" onClick={onRemove}>
            Remove goal {n}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

export function PlanGoalsFieldset({
  values,
  update,
  errors,
}: {
  values: PlanValues;
  update: UpdatePlan;
  errors: Record<string, string>;
}) {
  const patchGoal = (index: number) => (patch: Partial<GoalRow>) =>
    update((v) => ({ ...v, goals: v.goals.map((g, i) => (i === index ? { ...g, ...patch } : g)) }));
  return (
    <Stack gap="sm">
      {errors.goals && (
        <Text c="red" size="sm">
          {errors.goals}
        </Text>
      )}
      {values.goals.map((goal, i) => (
        <GoalFields
          key={goal.id}
          n={i + 1}
          goal={goal}
          errors={errors}
          onChange={patchGoal(i)}
          onRemove={() => update((v) => ({ ...v, goals: v.goals.filter((_, j) => j !== i) }))}
        />
      ))}
      <Group>
        <Button
          variant="light"
          onClick={() => update((v) => ({ ...v, goals: [...v.goals, newGoal('short')] }))}
        >
          Add short-term goal
        </Button>
        <Button
          variant="light"
          onClick={() => update((v) => ({ ...v, goals: [...v.goals, newGoal('long')] }))}
        >
          Add long-term goal
        </Button>
      </Group>
    </Stack>
  );
}
