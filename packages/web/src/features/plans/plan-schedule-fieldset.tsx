import type { HomeCareItem } from '@fascia/domain/plans/home-care';
import type { HomeCareWarning, ReferralIssue } from '@fascia/domain/plans/plan-checks';
import {
  Alert,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useHomeCareLibrary } from './home-care-library.ts';
import type { PlanValues } from './plan-form-values.ts';
import type { UpdatePlan } from './plan-goals-fieldset.tsx';

function doseWords(dose: HomeCareItem['dose']): string {
  const parts = [
    dose.holdSeconds && `hold ${dose.holdSeconds} s`,
    dose.repetitions && `${dose.repetitions}×`,
    dose.sets && `${dose.sets} sets`,
    dose.minutes && `${dose.minutes} min`,
    dose.timesPerDay && `${dose.timesPerDay} a day`,
  ].filter(Boolean);
  return parts.join(', ');
}

/** How often and how long, checked live against what the referral orders. */
export function PlanFrequencyFieldset({
  values,
  update,
  errors,
  issues,
  orderWords,
}: {
  values: PlanValues;
  update: UpdatePlan;
  errors: Record<string, string>;
  issues: ReferralIssue[];
  orderWords: string | null;
}) {
  return (
    <Fieldset legend="Frequency and duration">
      <Stack gap="sm">
        {orderWords && (
          <Text size="sm" c="dimmed">
            The referral orders {orderWords}.
          </Text>
        )}
        <Group align="flex-start">
          <NumberInput
            label="Visits per week"
            min={1}
            max={7}
            w={160}
            value={values.frequencyPerWeek}
            error={errors.frequencyPerWeek}
            onChange={(frequencyPerWeek) => update((v) => ({ ...v, frequencyPerWeek }))}
          />
          <NumberInput
            label="Weeks"
            min={1}
            max={52}
            w={160}
            value={values.durationWeeks}
            error={errors.durationWeeks}
            onChange={(durationWeeks) => update((v) => ({ ...v, durationWeeks }))}
          />
        </Group>
        {issues.length > 0 && (
          <Alert
            color={values.requestedFromPhysician ? 'yellow' : 'red'}
            variant="light"
            title={values.requestedFromPhysician ? 'Requested from the physician' : 'Beyond the referral'}
          >
            <Stack gap={4}>
              {issues.map((i) => (
                <Text size="sm" key={i.field}>
                  {i.reason}.
                </Text>
              ))}
              {!values.requestedFromPhysician && (
                <Text size="sm">Reduce it, or record it as a request to the referring physician.</Text>
              )}
            </Stack>
          </Alert>
        )}
        <Switch
          label="Request from physician"
          description="Record more visits than ordered as a request to the referring physician"
          checked={values.requestedFromPhysician}
          onChange={(e) => {
            const requestedFromPhysician = e.currentTarget.checked;
            update((v) => ({ ...v, requestedFromPhysician }));
          }}
        />
        {values.requestedFromPhysician && (
          <Textarea
            label="Request note"
            autosize
            minRows={2}
            value={values.requestNote}
            onChange={(e) => {
              const requestNote = e.currentTarget.value;
              update((v) => ({ ...v, requestNote }));
            }}
          />
        )}
      </Stack>
    </Fieldset>
  );
}

export function PlanReEvaluationFieldset({
  values,
  update,
  errors,
}: {
  values: PlanValues;
  update: UpdatePlan;
  errors: Record<string, string>;
}) {
  return (
    <Fieldset legend="Re-evaluation">
      <Group align="flex-start">
        <NativeSelect
          label="Re-evaluate"
          data={[
            { value: 'visits', label: 'After a number of visits' },
            { value: 'date', label: 'On a date' },
          ]}
          value={values.reKind}
          onChange={(e) => {
            const reKind = e.currentTarget.value as PlanValues['reKind'];
            update((v) => ({ ...v, reKind }));
          }}
        />
        {values.reKind === 'visits' ? (
          <NumberInput
            label="Re-evaluate after visits"
            min={1}
            max={100}
            w={200}
            value={values.reVisits}
            error={errors['reEvaluation.visits'] ?? errors.reEvaluation}
            onChange={(reVisits) => update((v) => ({ ...v, reVisits }))}
          />
        ) : (
          <TextInput
            type="date"
            label="Re-evaluation date"
            value={values.reDate}
            error={errors['reEvaluation.date'] ?? errors.reEvaluation}
            onChange={(e) => {
              const reDate = e.currentTarget.value;
              update((v) => ({ ...v, reDate }));
            }}
          />
        )}
      </Group>
    </Fieldset>
  );
}

export function PlanHomeCareFieldset({
  values,
  update,
  warnings,
}: {
  values: PlanValues;
  update: UpdatePlan;
  warnings: HomeCareWarning[];
}) {
  const library = useHomeCareLibrary();
  return (
    <Fieldset legend="Home-care programme">
      <Stack gap="sm">
        <Checkbox.Group
          label="Home-care items"
          value={values.homeCare}
          onChange={(homeCare) => update((v) => ({ ...v, homeCare }))}
        >
          <SimpleGrid cols={2} mt={6} spacing={8}>
            {library.map((item) => (
              <Checkbox key={item.id} value={item.id} label={item.label} description={doseWords(item.dose)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        {warnings.map((w) => (
          <Alert key={`${w.itemId}:${w.ruleId}`} color="yellow" variant="light">
            {w.reason} Adapt the instructions or leave it out.
          </Alert>
        ))}
      </Stack>
    </Fieldset>
  );
}
