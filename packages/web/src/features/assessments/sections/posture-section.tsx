import {
  type PostureFindings,
  postureFindingsSchema,
  summarizePosture,
} from '@fascia/domain/assessment/posture';
import { Alert, NativeSelect, SimpleGrid, Stack, Textarea } from '@mantine/core';
import type { SectionProps } from './section-props.ts';

type Posture = Partial<PostureFindings>;
type Option = { value: string; label: string };

const NOT = { value: '', label: 'Not assessed' };
const GRADES: Option[] = [
  NOT,
  ...['none', 'mild', 'moderate', 'marked'].map((g) => ({ value: g, label: g })),
];
const CURVES: Option[] = [NOT, ...['reduced', 'normal', 'increased'].map((g) => ({ value: g, label: g }))];
const TILTS: Option[] = [NOT, ...['neutral', 'anterior', 'posterior'].map((g) => ({ value: g, label: g }))];
const SIDED: Option[] = [
  NOT,
  ...(['left', 'right'] as const).flatMap((side) =>
    ['mild', 'moderate', 'marked'].map((grade) => ({
      value: `${side}:${grade}`,
      label: `${side}, ${grade}`,
    })),
  ),
];
const LEGS: Option[] = [
  NOT,
  { value: 'equal', label: 'Equal' },
  { value: 'left', label: 'Left appears shorter' },
  { value: 'right', label: 'Right appears shorter' },
];

const without = (p: Posture, key: keyof Posture): Posture => {
  const { [key]: _, ...rest } = p;
  return rest;
};

/** Posture as structured findings, each a select, with the summary the report will print. */
export function PostureSection({ content, setContent, readOnly }: SectionProps) {
  const posture: Posture = content.posture ?? {};
  const set = (next: Posture) => setContent((c) => ({ ...c, posture: next }));

  const simple = (
    key: 'forwardHead' | 'thoracicKyphosis' | 'lumbarLordosis' | 'pelvicTilt',
    label: string,
    data: Option[],
  ) => (
    <NativeSelect
      label={label}
      data={data}
      value={(posture[key] as string | undefined) ?? ''}
      onChange={(e) => {
        const v = e.currentTarget.value;
        set(v ? { ...posture, [key]: v } : without(posture, key));
      }}
    />
  );
  const sided = (key: 'shoulderElevation' | 'pelvicObliquity' | 'lateralShift', label: string) => {
    const value = posture[key];
    return (
      <NativeSelect
        label={label}
        data={SIDED}
        value={value ? `${value.side}:${value.grade}` : ''}
        onChange={(e) => {
          const [side, grade] = e.currentTarget.value.split(':');
          set(side && grade ? { ...posture, [key]: { side, grade } } : without(posture, key));
        }}
      />
    );
  };
  const perSide = (key: 'shoulderProtraction' | 'scapularWinging', label: string) =>
    (['left', 'right'] as const).map((side) => (
      <NativeSelect
        key={`${key}-${side}`}
        label={`${label}, ${side}`}
        data={GRADES}
        value={posture[key]?.[side] ?? ''}
        onChange={(e) => {
          const v = e.currentTarget.value;
          const { [side]: _, ...other } = posture[key] ?? {};
          const next = v ? { ...other, [side]: v } : other;
          set(Object.keys(next).length ? { ...posture, [key]: next } : without(posture, key));
        }}
      />
    ));

  const parsed = postureFindingsSchema.safeParse(posture);
  const summary = parsed.success ? summarizePosture(parsed.data).text : null;

  return (
    <Stack>
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
        <SimpleGrid cols={{ base: 2, sm: 3 }}>
          {simple('forwardHead', 'Forward head', GRADES)}
          {sided('shoulderElevation', 'Shoulder elevation (higher side)')}
          {perSide('shoulderProtraction', 'Shoulder protraction')}
          {perSide('scapularWinging', 'Scapular winging')}
          {simple('thoracicKyphosis', 'Thoracic kyphosis', CURVES)}
          {simple('lumbarLordosis', 'Lumbar lordosis', CURVES)}
          {simple('pelvicTilt', 'Pelvic tilt', TILTS)}
          {sided('pelvicObliquity', 'Pelvic obliquity (higher crest)')}
          {sided('lateralShift', 'Lateral shift (direction)')}
          <NativeSelect
            label="Leg length (impression)"
            data={LEGS}
            value={
              posture.legLength
                ? posture.legLength.impression === 'equal'
                  ? 'equal'
                  : posture.legLength.side
                : ''
            }
            onChange={(e) => {
              const v = e.currentTarget.value;
              if (!v) return set(without(posture, 'legLength'));
              set({
                ...posture,
                legLength:
                  v === 'equal'
                    ? { impression: 'equal' }
                    : { impression: 'shorter', side: v as 'left' | 'right' },
              });
            }}
          />
        </SimpleGrid>
        <Textarea
          mt="sm"
          label="Posture notes"
          autosize
          minRows={1}
          value={posture.notes ?? ''}
          onChange={(e) => set({ ...posture, notes: e.currentTarget.value })}
        />
      </fieldset>
      {summary && (
        <Alert variant="light" color="gray" role="status">
          {summary}
        </Alert>
      )}
    </Stack>
  );
}
