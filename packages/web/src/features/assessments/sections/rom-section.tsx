import {
  compareSides,
  JOINT_MOTIONS,
  type Joint,
  type Motion,
  motionHasSide,
  percentOfNormal,
  type RomMeasurement,
} from '@fascia/domain/assessment/rom';
import {
  Badge,
  Checkbox,
  Fieldset,
  Group,
  List,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { fieldError, type RomRow } from '../assessment-content.ts';
import { AddRowButton, RemoveRowButton } from './row-buttons.tsx';
import { listOf, type SectionProps } from './section-props.ts';

const words = (s: string) => s.replace(/_/g, ' ');
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** Spine first: the lumbar and thoracic spine are what most medical-massage referrals are for. */
const JOINT_GROUPS: { group: string; joints: Record<string, string> }[] = [
  {
    group: 'Spine',
    joints: { cervical: 'Cervical spine', thoracic: 'Thoracic spine', lumbar: 'Lumbar spine' },
  },
  {
    group: 'Upper limb',
    joints: { shoulder: 'Shoulder', elbow: 'Elbow', forearm: 'Forearm', wrist: 'Wrist' },
  },
  { group: 'Lower limb', joints: { hip: 'Hip', knee: 'Knee', ankle: 'Ankle' } },
];
const JOINTS = JOINT_GROUPS.map(({ group, joints }) => ({
  group,
  items: (Object.keys(JOINT_MOTIONS) as Joint[])
    .filter((j) => j in joints)
    .map((j) => ({ value: j, label: joints[j] ?? capitalise(j) })),
}));

/** A row with its side fixed to what the motion allows (cervical flexion has none). */
function withMotion(row: RomRow, joint: Joint, motion: string): RomRow {
  const sided = motionHasSide(joint, motion as Motion);
  const { side, ...rest } = row;
  return sided ? { ...rest, joint, motion, side: side ?? 'left' } : { ...rest, joint, motion };
}

function OfNormal({ row }: { row: RomRow }) {
  if (typeof row.degrees !== 'number') return null;
  const result = percentOfNormal({ joint: row.joint, motion: row.motion, degrees: row.degrees });
  if (!result) return <Text c="dimmed">No published normal for this motion.</Text>;
  return (
    <Group gap="xs" role="status">
      <Text fw={600}>
        {result.percent} % of normal ({result.standard} {result.normalDegrees}°)
      </Text>
      {result.limited ? (
        <Badge color="orange">Limited</Badge>
      ) : (
        <Badge color="green" variant="light">
          Within normal
        </Badge>
      )}
    </Group>
  );
}

export function RomSection({ content, setContent, problems, readOnly }: SectionProps) {
  const rows = content.rom ?? [];
  const list = listOf(setContent, 'rom');
  const update = list.replace;
  const complete = rows.filter((r): r is RomRow & { degrees: number } => typeof r.degrees === 'number');
  const sides = compareSides(
    complete.map((r) => ({ ...r, painAtEndRange: r.painAtEndRange ?? false })) as RomMeasurement[],
  );

  return (
    <Stack>
      {rows.map((row, index) => {
        const err = (f: string) => fieldError(problems, `rom.${index}.${f}`);
        const motions = JOINT_MOTIONS[row.joint] as readonly string[];
        const sided = motionHasSide(row.joint, row.motion as Motion);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id; their position is their identity in the draft
          <Fieldset key={index} legend={`Measurement ${index + 1}`} disabled={readOnly}>
            <SimpleGrid cols={{ base: 2, sm: 5 }}>
              <NativeSelect
                label="Joint"
                data={JOINTS}
                value={row.joint}
                onChange={(e) => {
                  const joint = e.currentTarget.value as Joint;
                  update(index, withMotion(row, joint, JOINT_MOTIONS[joint][0]));
                }}
              />
              <NativeSelect
                label="Motion"
                data={motions.map((m) => ({ value: m, label: capitalise(words(m)) }))}
                value={row.motion}
                error={err('motion')}
                onChange={(e) => update(index, withMotion(row, row.joint, e.currentTarget.value))}
              />
              <NativeSelect
                label="Side"
                disabled={!sided || readOnly}
                data={
                  sided
                    ? [
                        { value: 'left', label: 'Left' },
                        { value: 'right', label: 'Right' },
                      ]
                    : [{ value: '', label: 'Midline' }]
                }
                value={row.side ?? ''}
                error={err('side')}
                onChange={(e) => update(index, { ...row, side: e.currentTarget.value as 'left' | 'right' })}
              />
              <NativeSelect
                label="Mode"
                data={[
                  { value: 'active', label: 'Active' },
                  { value: 'passive', label: 'Passive' },
                ]}
                value={row.mode}
                onChange={(e) => update(index, { ...row, mode: e.currentTarget.value as RomRow['mode'] })}
              />
              <NumberInput
                label="Degrees"
                min={0}
                max={360}
                allowDecimal={false}
                suffix="°"
                value={row.degrees ?? ''}
                error={err('degrees')}
                readOnly={readOnly}
                onChange={(v) => {
                  const { degrees: _, ...rest } = row;
                  update(index, typeof v === 'number' ? { ...rest, degrees: v } : rest);
                }}
              />
            </SimpleGrid>
            <Group justify="space-between" mt="sm">
              <Group gap="lg">
                <Checkbox
                  label="Pain at end range"
                  size="md"
                  checked={row.painAtEndRange ?? false}
                  onChange={(e) => update(index, { ...row, painAtEndRange: e.currentTarget.checked })}
                />
                <OfNormal row={row} />
              </Group>
              {!readOnly && <RemoveRowButton label="Remove measurement" onClick={() => list.remove(index)} />}
            </Group>
          </Fieldset>
        );
      })}
      {sides.length > 0 && (
        <List size="sm" aria-label="Left and right compared">
          {sides.map((s) => (
            <List.Item key={`${s.joint}-${s.motion}-${s.mode}`}>{s.summary}</List.Item>
          ))}
        </List>
      )}
      {!readOnly && (
        <AddRowButton
          label="Add measurement"
          onClick={() => list.append({ joint: 'cervical', motion: 'rotation', side: 'left', mode: 'active' })}
        />
      )}
    </Stack>
  );
}
