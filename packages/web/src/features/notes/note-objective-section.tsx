import { findTechnique } from '@fascia/domain/plans/techniques';
import type { Pressure, TreatmentPosition } from '@fascia/domain/screening/types';
import { removeTechniqueLine } from '@fascia/domain/sessions/copy-forward';
import type { GateResult } from '@fascia/domain/sessions/safety-gate';
import type { DraftNote, DraftTechniqueLine } from '@fascia/domain/sessions/session-note.schema';
import {
  Badge,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import {
  POSITION_OPTIONS,
  PRESSURE_OPTIONS,
  TECHNIQUE_OPTIONS,
} from '../plans/plan-interventions-fieldset.tsx';
import { RegionPicker } from '../plans/region-picker.tsx';
import { type EditNote, isCarried, numberOrNothing, setOverride } from './note-edit.ts';
import { byRule, GateFinding } from './note-override.tsx';

export function CarriedBadge({ show }: { show: boolean }) {
  if (!show) return null;
  return (
    <Badge color="grape" variant="light" size="sm">
      Carried over — check and edit
    </Badge>
  );
}

function TechniqueLineFields({
  n,
  line,
  note,
  gate,
  edit,
}: {
  n: number;
  line: DraftTechniqueLine;
  note: DraftNote;
  gate: GateResult;
  edit: EditNote;
}) {
  const index = n - 1;
  const path = `objective.techniques.${index}`;
  const change = (patch: Partial<DraftTechniqueLine>) =>
    edit(path, (c) => {
      const lines = [...(c.objective.techniques ?? [])];
      const merged = { ...lines[index], ...patch } as Record<string, unknown>;
      for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
      lines[index] = merged as DraftTechniqueLine;
      return { ...c, objective: { ...c.objective, techniques: lines } };
    });
  const violations = gate.violations.filter((v) => v.techniqueLine === index);
  const code =
    line.billingCode ?? (line.techniqueId ? findTechnique(line.techniqueId)?.billingCode : undefined);
  return (
    <Paper
      withBorder
      p="sm"
      data-testid={`technique-line-${n}`}
      bg={violations.some((v) => !v.overridden) ? 'red.0' : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between">
          <Group gap="xs">
            <Text fw={600}>Line {n}</Text>
            {code && <Badge variant="light">CPT {code}</Badge>}
            <CarriedBadge show={isCarried(note, path)} />
          </Group>
          <Button
            variant="subtle"
            color="gray"
            size="compact-sm"
            onClick={() => edit(path, (c) => removeTechniqueLine(c, index))}
          >
            Remove line {n}
          </Button>
        </Group>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <NativeSelect
            label={`Line ${n} technique`}
            data={[{ value: '', label: 'Choose…' }, ...TECHNIQUE_OPTIONS]}
            value={line.techniqueId ?? ''}
            onChange={(e) => change({ techniqueId: e.currentTarget.value || undefined })}
            w={300}
          />
          <NumberInput
            label={`Line ${n} minutes`}
            min={1}
            max={240}
            w={120}
            value={line.minutes ?? ''}
            onChange={(v) => change({ minutes: numberOrNothing(v) })}
          />
          <NativeSelect
            label={`Line ${n} pressure`}
            data={[{ value: '', label: '—' }, ...PRESSURE_OPTIONS]}
            value={line.pressure ? String(line.pressure) : ''}
            onChange={(e) =>
              change({
                pressure: e.currentTarget.value ? (Number(e.currentTarget.value) as Pressure) : undefined,
              })
            }
          />
          <NativeSelect
            label={`Line ${n} position`}
            data={[{ value: '', label: '—' }, ...POSITION_OPTIONS]}
            value={line.position ?? ''}
            onChange={(e) =>
              change({ position: (e.currentTarget.value || undefined) as TreatmentPosition | undefined })
            }
          />
        </Group>
        <RegionPicker
          label={`Line ${n}`}
          value={
            line.regionId ? { regionId: line.regionId, ...(line.side ? { side: line.side } : {}) } : undefined
          }
          onChange={(r) => change({ regionId: r?.regionId, side: r?.side })}
        />
        {byRule(violations).map(([ruleId, vs], k) => (
          <GateFinding
            key={ruleId}
            label={k === 0 ? `Line ${n} override reason` : `Line ${n} override reason ${k + 1}`}
            violations={vs}
            written={note.overrides?.find((o) => o.ruleId === ruleId && o.techniqueLine === index)?.reason}
            onWrite={(reason) => edit('overrides', (c) => setOverride(c, ruleId, index, reason))}
          />
        ))}
      </Stack>
    </Paper>
  );
}

const VITALS = [
  { key: 'systolic', label: 'Systolic (mmHg)' },
  { key: 'diastolic', label: 'Diastolic (mmHg)' },
  { key: 'heartRate', label: 'Heart rate (/min)' },
  { key: 'temperatureC', label: 'Temperature (°C)' },
  { key: 'respiratoryRate', label: 'Breaths (/min)' },
] as const;

/** O: what was done, where, how long, how hard and in which position; findings; vitals if taken. */
export function NoteObjectiveSection({
  note,
  gate,
  edit,
}: {
  note: DraftNote;
  gate: GateResult;
  edit: EditNote;
}) {
  const lines = note.objective.techniques ?? [];
  const visitLevel = gate.violations.filter((v) => v.techniqueLine === null && v.kind !== 'stop');
  return (
    <Fieldset legend="O — Objective">
      <Stack gap="sm">
        {lines.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a line is identified by its place, as overrides are
          <TechniqueLineFields key={i} n={i + 1} line={line} note={note} gate={gate} edit={edit} />
        ))}
        <Group>
          <Button
            variant="light"
            onClick={() =>
              edit(`objective.techniques.${lines.length}`, (c) => ({
                ...c,
                objective: { ...c.objective, techniques: [...(c.objective.techniques ?? []), {}] },
              }))
            }
          >
            Add technique line
          </Button>
        </Group>
        <Checkbox.Group
          label={
            <Group gap="xs" component="span">
              Positions used <CarriedBadge show={isCarried(note, 'objective.positions')} />
            </Group>
          }
          value={note.objective.positions ?? []}
          onChange={(positions) =>
            edit('objective.positions', (c) => ({
              ...c,
              objective: { ...c.objective, positions: positions as TreatmentPosition[] },
            }))
          }
        >
          <Group mt={6}>
            {POSITION_OPTIONS.map((p) => (
              <Checkbox key={p.value} value={p.value} label={p.label} />
            ))}
          </Group>
        </Checkbox.Group>
        {byRule(visitLevel).map(([ruleId, vs]) => (
          <GateFinding
            key={ruleId}
            label={`Visit override reason (${ruleId})`}
            violations={vs}
            written={note.overrides?.find((o) => o.ruleId === ruleId && o.techniqueLine === null)?.reason}
            onWrite={(reason) => edit('overrides', (c) => setOverride(c, ruleId, null, reason))}
          />
        ))}
        <Textarea
          label="Findings"
          autosize
          minRows={2}
          value={note.objective.findings ?? ''}
          onChange={(e) => {
            const findings = e.currentTarget.value;
            edit('objective.findings', (c) => ({ ...c, objective: { ...c.objective, findings } }));
          }}
        />
        <SimpleGrid cols={5} spacing="xs">
          {VITALS.map((v) => (
            <NumberInput
              key={v.key}
              label={v.label}
              decimalScale={v.key === 'temperatureC' ? 1 : 0}
              value={note.objective.vitals?.[v.key] ?? ''}
              onChange={(value) =>
                edit(`objective.vitals.${v.key}`, (c) => {
                  const vitals = { ...c.objective.vitals, [v.key]: numberOrNothing(value) };
                  if (vitals[v.key] === undefined) delete vitals[v.key];
                  return { ...c, objective: { ...c.objective, vitals } };
                })
              }
            />
          ))}
        </SimpleGrid>
      </Stack>
    </Fieldset>
  );
}
