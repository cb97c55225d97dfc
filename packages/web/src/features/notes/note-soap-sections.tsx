import type { PlanOfCare } from '@fascia/domain/plans/plan-of-care.schema';
import { describeGoalMeasure } from '@fascia/domain/plans/plan-versions';
import type { DraftNote } from '@fascia/domain/sessions/session-note.schema';
import {
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useHomeCareLibrary } from '../plans/home-care-library.ts';
import { GOAL_STATUS_LABELS } from '../plans/plan-goals-fieldset.tsx';
import { type EditNote, isCarried, numberOrNothing, textOrNothing } from './note-edit.ts';
import { CarriedBadge } from './note-objective-section.tsx';

type Assessment = DraftNote['assessment'];
type Progress = NonNullable<Assessment['goalProgress']>[number];

/** S: what the patient reports since the last visit and the pain they arrive with. */
export function NoteSubjectiveSection({ note, edit }: { note: DraftNote; edit: EditNote }) {
  return (
    <Fieldset legend="S — Subjective">
      <Stack gap="sm">
        <Textarea
          label="Patient report since the last visit"
          autosize
          minRows={3}
          value={note.subjective.report ?? ''}
          onChange={(e) => {
            const report = textOrNothing(e.currentTarget.value);
            edit('subjective.report', (c) => ({ ...c, subjective: { ...c.subjective, report } }));
          }}
        />
        <NumberInput
          label="Pain before (0–10)"
          min={0}
          max={10}
          w={180}
          value={note.subjective.painBefore ?? ''}
          onChange={(v) => {
            const painBefore = numberOrNothing(v);
            edit('subjective.painBefore', (c) => ({ ...c, subjective: { ...c.subjective, painBefore } }));
          }}
        />
      </Stack>
    </Fieldset>
  );
}

/** A: response, pain after, where each plan goal stands, and any adverse reaction. */
export function NoteAssessmentSection({
  note,
  edit,
  goals,
}: {
  note: DraftNote;
  edit: EditNote;
  goals: PlanOfCare['goals'];
}) {
  const a = note.assessment;
  const setA = (path: string, patch: Partial<Assessment>) =>
    edit(path, (c) => ({ ...c, assessment: { ...c.assessment, ...patch } }));
  const progress = (goalId: string) => a.goalProgress?.find((p) => p.goalId === goalId);
  const setProgress = (goalId: string, patch: Partial<Progress>) => {
    const list = [...(a.goalProgress ?? [])];
    const i = list.findIndex((p) => p.goalId === goalId);
    const next = { ...(i >= 0 ? list[i] : { goalId }), ...patch } as Progress;
    if (next.comment === '') delete next.comment;
    if (i >= 0) list[i] = next;
    else list.push(next);
    setA('assessment.goalProgress', { goalProgress: list });
  };
  return (
    <Fieldset legend="A — Assessment">
      <Stack gap="sm">
        <Textarea
          label="Response to treatment"
          autosize
          minRows={2}
          value={a.response ?? ''}
          onChange={(e) => setA('assessment.response', { response: textOrNothing(e.currentTarget.value) })}
        />
        <NumberInput
          label="Pain after (0–10)"
          min={0}
          max={10}
          w={180}
          value={a.painAfter ?? ''}
          onChange={(v) => setA('assessment.painAfter', { painAfter: numberOrNothing(v) })}
        />
        {goals.length > 0 && (
          <Stack gap="xs">
            <Text size="sm" fw={500}>
              Progress toward the plan's goals
            </Text>
            {goals.map((g, i) => (
              <Group key={g.id} align="flex-end" gap="sm" wrap="nowrap">
                <NativeSelect
                  label={`Goal ${i + 1}: ${describeGoalMeasure(g.measure)}`}
                  data={[
                    { value: '', label: 'Choose…' },
                    ...Object.entries(GOAL_STATUS_LABELS).map(([value, label]) => ({ value, label })),
                  ]}
                  value={progress(g.id)?.status ?? ''}
                  onChange={(e) =>
                    setProgress(g.id, { status: (e.currentTarget.value || undefined) as Progress['status'] })
                  }
                  w={300}
                />
                <TextInput
                  label={`Goal ${i + 1} comment`}
                  value={progress(g.id)?.comment ?? ''}
                  onChange={(e) => setProgress(g.id, { comment: e.currentTarget.value })}
                  style={{ flex: 1 }}
                />
              </Group>
            ))}
          </Stack>
        )}
        <NativeSelect
          label="Adverse reactions"
          data={[
            { value: '', label: 'Choose…' },
            { value: 'no', label: 'None' },
            { value: 'yes', label: 'Occurred' },
          ]}
          value={a.adverseReactions?.occurred === undefined ? '' : a.adverseReactions.occurred ? 'yes' : 'no'}
          onChange={(e) => {
            const choice = e.currentTarget.value;
            // "None" is documented as a choice, never assumed from an untouched box.
            const adverseReactions =
              choice === '' ? undefined : { ...a.adverseReactions, occurred: choice === 'yes' };
            setA('assessment.adverseReactions', { adverseReactions });
          }}
          w={200}
        />
        {a.adverseReactions?.occurred && (
          <Textarea
            label="Adverse reaction description"
            autosize
            minRows={2}
            value={a.adverseReactions.description ?? ''}
            onChange={(e) => {
              const description = textOrNothing(e.currentTarget.value);
              setA('assessment.adverseReactions', {
                adverseReactions: { ...a.adverseReactions, description },
              });
            }}
          />
        )}
      </Stack>
    </Fieldset>
  );
}

/** P: the next visit, changes to propose to the plan, and home care given today. */
export function NotePlanSection({
  note,
  edit,
  postponed,
}: {
  note: DraftNote;
  edit: EditNote;
  postponed?: boolean;
}) {
  const p = note.plan;
  const setNext = (patch: { date?: string | undefined; note?: string | undefined }) =>
    edit('plan.nextVisit', (c) => {
      const nextVisit = { ...c.plan.nextVisit, ...patch };
      for (const k of ['date', 'note'] as const) if (nextVisit[k] === undefined) delete nextVisit[k];
      return { ...c, plan: { ...c.plan, nextVisit } };
    });
  const library = useHomeCareLibrary();
  return (
    <Fieldset legend={postponed ? 'Next visit' : 'P — Plan'}>
      <Stack gap="sm">
        <Group align="flex-start">
          <TextInput
            type="date"
            label="Next visit date"
            value={p.nextVisit?.date ?? ''}
            onChange={(e) => setNext({ date: textOrNothing(e.currentTarget.value) })}
          />
          <TextInput
            label="Next visit note"
            value={p.nextVisit?.note ?? ''}
            onChange={(e) => setNext({ note: textOrNothing(e.currentTarget.value) })}
            style={{ flex: 1 }}
          />
        </Group>
        {!postponed && (
          <>
            <Textarea
              label="Plan changes proposed"
              autosize
              minRows={2}
              value={p.planChangesProposed ?? ''}
              onChange={(e) => {
                const planChangesProposed = textOrNothing(e.currentTarget.value);
                edit('plan.planChangesProposed', (c) => ({ ...c, plan: { ...c.plan, planChangesProposed } }));
              }}
            />
            <Checkbox.Group
              label={
                <Group gap="xs" component="span">
                  Home care given <CarriedBadge show={isCarried(note, 'plan.homeCareGiven')} />
                </Group>
              }
              value={p.homeCareGiven ?? []}
              onChange={(homeCareGiven) =>
                edit('plan.homeCareGiven', (c) => ({ ...c, plan: { ...c.plan, homeCareGiven } }))
              }
            >
              <SimpleGrid cols={3} mt={6} spacing={6}>
                {library.map((item) => (
                  <Checkbox key={item.id} value={item.id} label={item.label} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          </>
        )}
      </Stack>
    </Fieldset>
  );
}
