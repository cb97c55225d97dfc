import type { PlanOfCare } from '@fascia/domain/plans/plan-of-care.schema';
import { Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ApiProblem } from '../../api/client.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { formatDate } from '../../components/format.ts';
import { describeError } from '../../components/query-state.tsx';
import { type PlanView, planKey, plansKey, revisePlan } from './plans-api.ts';

type Certification = NonNullable<PlanOfCare['certification']>;

interface Values {
  sentOn: string;
  certifiedOn: string;
  certifiedBy: string;
}

const REASON = 'Physician certification recorded';

// The form holds a calendar day; noon local time keeps that day whichever zone reads it back.
const toCertifiedAt = (day: string) => new Date(`${day}T12:00:00`).toISOString();
const fromCertifiedAt = (iso: string | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD') : '');

function certificationOf(values: Values): Certification {
  return {
    ...(values.sentOn ? { sentOn: values.sentOn } : {}),
    ...(values.certifiedOn ? { certifiedAt: toCertifiedAt(values.certifiedOn) } : {}),
    ...(values.certifiedBy.trim() ? { certifiedBy: values.certifiedBy.trim() } : {}),
  };
}

function check(values: Values): Partial<Record<keyof Values, string>> {
  const errors: Partial<Record<keyof Values, string>> = {};
  if (values.certifiedOn && !values.certifiedBy.trim()) errors.certifiedBy = 'Name who certified the plan.';
  if (values.certifiedBy.trim() && !values.certifiedOn) errors.certifiedOn = 'Give the day it was certified.';
  if (values.sentOn && values.certifiedOn && values.certifiedOn < values.sentOn)
    errors.certifiedOn = 'Certified before it was sent: check the dates.';
  return errors;
}

/** Where the server names a certification field, as the input it belongs to. */
const SERVER_FIELDS: Record<string, keyof Values> = {
  sentOn: 'sentOn',
  certifiedAt: 'certifiedOn',
  certifiedBy: 'certifiedBy',
};

/**
 * The referring physician's sign-off on the plan. Recording it saves a new version of the plan as
 * it was last saved, so a certification never carries unsaved edits along with it.
 */
export function PlanCertificationPanel({ plan, dirty }: { plan: PlanView; dirty: boolean }) {
  const queryClient = useQueryClient();
  const current = plan.content.certification;
  const [values, setValues] = useState<Values>({
    sentOn: current?.sentOn ?? '',
    certifiedOn: fromCertifiedAt(current?.certifiedAt),
    certifiedBy: current?.certifiedBy ?? '',
  });
  const [errors, setErrors] = useState<Partial<Record<keyof Values, string>>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof Values) => (e: React.ChangeEvent<HTMLInputElement>) => {
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [key]: value }));
  };

  const save = async () => {
    setMessage(null);
    const found = check(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const saved = await revisePlan(plan.id, {
        content: { ...plan.content, certification: certificationOf(values) },
        reason: REASON,
        baseVersion: plan.currentVersion,
      });
      queryClient.setQueryData(planKey(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: plansKey(plan.patientId) });
      notifications.show({
        color: 'teal',
        message: `Certification saved as version ${saved.currentVersion}.`,
      });
    } catch (err) {
      const fields: Partial<Record<keyof Values, string>> = {};
      if (err instanceof ApiProblem) {
        for (const e of err.problem.errors ?? []) {
          const key = SERVER_FIELDS[e.field.split('.').pop() ?? ''];
          if (key && e.field.includes('certification')) fields[key] = e.message;
        }
      }
      setErrors(fields);
      setMessage(Object.keys(fields).length ? null : describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="plan-certification">
      <Stack>
        <Title order={2} size="h4" id="plan-certification">
          Certification
        </Title>
        <Text size="sm" c="dimmed" data-testid="certification-status">
          {current?.certifiedAt
            ? `Certified on ${formatDate(current.certifiedAt)} by ${current.certifiedBy ?? 'the physician'}.`
            : current?.sentOn
              ? `Sent to the physician on ${formatDate(current.sentOn)}; not certified yet.`
              : 'Not sent to the physician yet.'}
        </Text>
        <FormAlert message={message} title="Certification not saved" />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            type="date"
            label="Sent to physician on"
            value={values.sentOn}
            onChange={set('sentOn')}
            error={errors.sentOn}
          />
          <TextInput
            type="date"
            label="Certified on"
            value={values.certifiedOn}
            onChange={set('certifiedOn')}
            error={errors.certifiedOn}
          />
          <TextInput
            label="Certified by"
            placeholder="Physician's name and credentials"
            value={values.certifiedBy}
            onChange={set('certifiedBy')}
            error={errors.certifiedBy}
          />
        </SimpleGrid>
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {dirty
              ? 'Save or undo the plan changes first; the certification is recorded on the saved plan.'
              : `Saved as version ${plan.currentVersion + 1}, with the reason “${REASON}”.`}
          </Text>
          <Button variant="light" onClick={save} loading={busy} disabled={dirty}>
            Save certification
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
