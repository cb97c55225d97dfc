import type { PlanViolation } from '@fascia/domain/plans/plan-checks';
import { findTechnique, TECHNIQUES } from '@fascia/domain/plans/techniques';
import { TREATMENT_POSITIONS } from '@fascia/domain/plans/treatment.schema';
import { positionLabel } from '@fascia/domain/plans/treatment-conflicts';
import type { Pressure, TreatmentPosition } from '@fascia/domain/screening/types';
import {
  Alert,
  Badge,
  Button,
  Fieldset,
  Group,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type InterventionRow, newIntervention, type PlanValues } from './plan-form-values.ts';
import type { UpdatePlan } from './plan-goals-fieldset.tsx';
import { RegionsPicker } from './region-picker.tsx';

export const TECHNIQUE_OPTIONS = TECHNIQUES.map((t) => ({
  value: t.id,
  label: `${t.label} (CPT ${t.billingCode})`,
}));
export const POSITION_OPTIONS = TREATMENT_POSITIONS.map((p) => ({ value: p, label: positionLabel(p) }));
export const PRESSURE_OPTIONS = [
  { value: '1', label: '1 — very light' },
  { value: '2', label: '2 — light' },
  { value: '3', label: '3 — moderate' },
  { value: '4', label: '4 — firm' },
  { value: '5', label: '5 — deep' },
];

/** One finding's conflicts with one intervention; one justification answers them all. */
interface RuleConflicts {
  ruleId: string;
  reasons: string[];
  overridden: boolean;
}

function groupByRule(violations: readonly PlanViolation[]): RuleConflicts[] {
  const groups = new Map<string, RuleConflicts>();
  for (const v of violations) {
    const g = groups.get(v.ruleId) ?? { ruleId: v.ruleId, reasons: [], overridden: v.overridden };
    g.reasons.push(v.reason);
    groups.set(v.ruleId, g);
  }
  return [...groups.values()];
}

/** One finding under its intervention: the reason, and a written justification when given. */
function Conflict({
  n,
  k,
  violation,
  reason,
  onJustify,
  onReason,
}: {
  n: number;
  k: number;
  violation: RuleConflicts;
  reason: string | undefined;
  onJustify: () => void;
  onReason: (text: string) => void;
}) {
  const label = k === 0 ? `Intervention ${n} justification` : `Intervention ${n} justification ${k + 1}`;
  const justified = violation.overridden;
  return (
    <Alert
      color={justified ? 'yellow' : 'red'}
      variant="light"
      title={justified ? 'Justified in writing' : 'Refused by the screening'}
      role={justified ? undefined : 'alert'}
      data-testid={`intervention-${n}-conflict`}
    >
      <Stack gap="xs">
        {violation.reasons.map((text) => (
          <Text size="sm" key={text}>
            {text}
          </Text>
        ))}
        {reason === undefined ? (
          <Group>
            <Button size="compact-sm" variant="white" color="red" onClick={onJustify}>
              Justify
            </Button>
          </Group>
        ) : (
          <Textarea
            label={label}
            description="Why this is safe for this patient; kept in the plan's history and the audit log."
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => onReason(e.currentTarget.value)}
          />
        )}
      </Stack>
    </Alert>
  );
}

function InterventionFields({
  n,
  row,
  violations,
  errors,
  onChange,
  onRemove,
}: {
  n: number;
  row: InterventionRow;
  violations: RuleConflicts[];
  errors: Record<string, string>;
  onChange: (patch: Partial<InterventionRow>) => void;
  onRemove: () => void;
}) {
  const at = (field: string) => errors[`interventions.${n - 1}.${field}`];
  const technique = findTechnique(row.techniqueId);
  const setReason = (ruleId: string, reason: string) => {
    const others = row.overrides.filter((o) => o.ruleId !== ruleId);
    onChange({ overrides: [...others, { ruleId, reason }] });
  };
  return (
    <Fieldset legend={`Intervention ${n}`}>
      <Stack gap="xs">
        <Group align="flex-start" wrap="wrap" gap="sm">
          <NativeSelect
            label={`Intervention ${n} technique`}
            data={[{ value: '', label: 'Choose a technique…' }, ...TECHNIQUE_OPTIONS]}
            value={row.techniqueId}
            error={at('techniqueId')}
            onChange={(e) => onChange({ techniqueId: e.currentTarget.value })}
            w={320}
          />
          <NativeSelect
            label={`Intervention ${n} pressure`}
            data={PRESSURE_OPTIONS}
            value={String(row.pressure)}
            onChange={(e) => onChange({ pressure: Number(e.currentTarget.value) as Pressure })}
          />
          <NativeSelect
            label={`Intervention ${n} position`}
            data={POSITION_OPTIONS}
            value={row.position}
            onChange={(e) => onChange({ position: e.currentTarget.value as TreatmentPosition })}
          />
        </Group>
        {technique && (
          <Group gap="xs">
            <Badge variant="light">CPT {technique.billingCode}</Badge>
            <Text size="sm" c="dimmed">
              {technique.description}
            </Text>
          </Group>
        )}
        <RegionsPicker
          label={`Intervention ${n}`}
          value={row.regions}
          onChange={(regions) => onChange({ regions })}
          error={at('regions')}
        />
        <TextInput
          label={`Intervention ${n} muscles`}
          description="Optional, separated by commas"
          value={row.muscles}
          onChange={(e) => onChange({ muscles: e.currentTarget.value })}
        />
        {violations.map((v, k) => (
          <Conflict
            key={v.ruleId}
            n={n}
            k={k}
            violation={v}
            reason={row.overrides.find((o) => o.ruleId === v.ruleId)?.reason}
            onJustify={() => setReason(v.ruleId, '')}
            onReason={(text) => setReason(v.ruleId, text)}
          />
        ))}
        <Group justify="flex-end">
          <Button variant="subtle" color="gray" size="compact-sm" onClick={onRemove}>
            Remove intervention {n}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

export function PlanInterventionsFieldset({
  values,
  update,
  errors,
  violations,
}: {
  values: PlanValues;
  update: UpdatePlan;
  errors: Record<string, string>;
  violations: PlanViolation[];
}) {
  const patch = (index: number) => (p: Partial<InterventionRow>) =>
    update((v) => ({
      ...v,
      interventions: v.interventions.map((r, i) => (i === index ? { ...r, ...p } : r)),
    }));
  const byIntervention = (index: number) =>
    groupByRule(violations.filter((v) => v.interventionIndex === index));
  return (
    <Stack gap="sm">
      {errors.interventions && (
        <Text c="red" size="sm">
          {errors.interventions}
        </Text>
      )}
      {values.interventions.map((row, i) => (
        <InterventionFields
          key={row.id}
          n={i + 1}
          row={row}
          violations={byIntervention(i)}
          errors={errors}
          onChange={patch(i)}
          onRemove={() => update((v) => ({ ...v, interventions: v.interventions.filter((_, j) => j !== i) }))}
        />
      ))}
      <Group>
        <Button
          variant="light"
          onClick={() => update((v) => ({ ...v, interventions: [...v.interventions, newIntervention()] }))}
        >
          Add intervention
        </Button>
      </Group>
    </Stack>
  );
}
