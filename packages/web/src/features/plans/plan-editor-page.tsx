import {
  checkHomeCareAgainstFindings,
  checkPlanAgainstFindings,
  checkPlanAgainstReferral,
} from '@fascia/domain/plans/plan-checks';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiProblem } from '../../api/client.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { describeError, PageLoader, QueryState } from '../../components/query-state.tsx';
import { useHomeCareLibrary } from './home-care-library.ts';
import { PlanCertificationPanel } from './plan-certification-panel.tsx';
import {
  EMPTY_PLAN,
  fieldErrors,
  fromPlanContent,
  type PlanValues,
  referralOrder,
  toPlanContent,
} from './plan-form-values.ts';
import { PlanGoalsFieldset } from './plan-goals-fieldset.tsx';
import { PlanHistoryPanel } from './plan-history-panel.tsx';
import { PlanInterventionsFieldset } from './plan-interventions-fieldset.tsx';
import { PlanLinksFieldset } from './plan-links-fieldset.tsx';
import {
  PlanFrequencyFieldset,
  PlanHomeCareFieldset,
  PlanReEvaluationFieldset,
} from './plan-schedule-fieldset.tsx';
import {
  type CurrentPicture,
  createPlan,
  type LinkedAssessment,
  type LinkedReferral,
  type PlanView,
  planKey,
  plansKey,
  revisePlan,
  useCurrentPicture,
  useLinkedAssessments,
  useLinkedReferrals,
  usePlan,
} from './plans-api.ts';

/** /patients/:patientId/plans/new and /patients/:patientId/plans/:planId */
export function PlanEditorPage() {
  const { patientId = '', planId } = useParams();
  const isNew = !planId || planId === 'new';
  const plan = usePlan(isNew ? undefined : planId);
  const referrals = useLinkedReferrals(patientId);
  const assessments = useLinkedAssessments(patientId);
  const picture = useCurrentPicture(patientId);
  if (!isNew && plan.isPending) return <PageLoader label="Loading the plan" />;
  return (
    <QueryState query={referrals} label="the referrals">
      {(refs) => (
        <QueryState query={assessments} label="the assessments">
          {(asms) => (
            <QueryState query={picture} label="the current screening findings">
              {(pic) =>
                isNew ? (
                  <PlanEditor
                    key="new"
                    patientId={patientId}
                    referrals={refs}
                    assessments={asms}
                    picture={pic}
                  />
                ) : (
                  <QueryState query={plan} label="the plan">
                    {(p) => (
                      <PlanEditor
                        key={`${p.id}:${p.currentVersion}`}
                        patientId={patientId}
                        plan={p}
                        referrals={refs}
                        assessments={asms}
                        picture={pic}
                      />
                    )}
                  </QueryState>
                )
              }
            </QueryState>
          )}
        </QueryState>
      )}
    </QueryState>
  );
}

function PlanEditor({
  patientId,
  plan,
  referrals,
  assessments,
  picture,
}: {
  patientId: string;
  plan?: PlanView;
  referrals: LinkedReferral[];
  assessments: LinkedAssessment[];
  picture: CurrentPicture;
}) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<PlanValues>(() => (plan ? fromPlanContent(plan.content) : EMPTY_PLAN));
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [tab, setTab] = useState<string | null>('plan');
  const update = (fn: (v: PlanValues) => PlanValues) => {
    setValues(fn);
    setDirty(true);
  };

  const content = useMemo(() => toPlanContent(values), [values]);
  const findings = picture.result.findings;
  // The same checks the server runs on save, run on every change so nothing is refused by surprise.
  const violations = useMemo(() => checkPlanAgainstFindings(content, findings), [content, findings]);
  const referral = referrals.find((r) => r.id === values.referralId);
  const issues = useMemo(
    () =>
      content.frequencyPerWeek && content.durationWeeks
        ? checkPlanAgainstReferral(content, referralOrder(referral))
        : [],
    [content, referral],
  );
  const library = useHomeCareLibrary();
  const homeCareWarnings = useMemo(
    () => checkHomeCareAgainstFindings(content, library, findings),
    [content, library, findings],
  );
  const stops = violations.filter((v) => v.kind === 'stop');
  const unjustified = violations.filter((v) => !v.overridden && v.kind !== 'stop');
  const beyondOrder = issues.filter((i) => !i.requested);

  const fail = (err: unknown) => {
    if (err instanceof ApiProblem && err.problem.errors) {
      const fields = fieldErrors(err.problem.errors);
      setErrors(fields);
      setMessage(`Check the highlighted fields: ${err.problem.errors.map((e) => e.message).join(' ')}`);
    } else {
      setErrors({});
      setMessage(describeError(err));
    }
  };

  const save = async (why?: string) => {
    setBusy(true);
    setMessage(null);
    try {
      const saved = plan
        ? await revisePlan(plan.id, { content, reason: why ?? '', baseVersion: plan.currentVersion })
        : await createPlan(patientId, content);
      queryClient.setQueryData(planKey(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: plansKey(patientId) });
      notifications.show({
        color: 'teal',
        message: `Plan of care saved as version ${saved.currentVersion}.`,
      });
      setAsking(false);
      setReason('');
      setDirty(false);
      setErrors({});
      if (!plan) navigate(`/patients/${patientId}/plans/${saved.id}`, { replace: true });
    } catch (err) {
      setAsking(false);
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const title = plan ? 'Plan of care' : 'New plan of care';
  return (
    <Stack>
      <PageHeader
        title={title}
        description={
          <Anchor component={Link} to={`/patients/${patientId}/plans`}>
            Back to the patient's plans
          </Anchor>
        }
        actions={plan && <Badge size="lg">Version {plan.currentVersion}</Badge>}
      />
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List>
          <Tabs.Tab value="plan">Plan</Tabs.Tab>
          {plan && <Tabs.Tab value="history">History ({plan.versions.length})</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="plan" pt="md">
          <Stack>
            <Text size="sm" c="dimmed" data-testid="findings-as-of">
              Checked live against the screening findings of {picture.asOf}:{' '}
              {findings.length ? findings.map((f) => f.reason).join(' ') : 'none.'}
            </Text>
            {stops.length > 0 && (
              <Alert color="red" title="No treatment can be planned today" role="alert">
                {stops.map((s) => s.reason).join(' ')}
              </Alert>
            )}
            <PlanLinksFieldset
              values={values}
              update={update}
              errors={errors}
              referrals={referrals}
              assessments={assessments}
              locked={Boolean(plan)}
            />
            <Title order={2} size="h4">
              Goals
            </Title>
            <PlanGoalsFieldset values={values} update={update} errors={errors} />
            <Title order={2} size="h4">
              Interventions
            </Title>
            <PlanInterventionsFieldset
              values={values}
              update={update}
              errors={errors}
              violations={violations}
            />
            <PlanFrequencyFieldset
              values={values}
              update={update}
              errors={errors}
              issues={issues}
              orderWords={
                referral
                  ? `${referral.referral.frequency.timesPerWeek}×/week for ${referral.referral.durationWeeks} weeks${referral.referral.visitsAuthorized ? `, ${referral.referral.visitsAuthorized} visits` : ''}`
                  : null
              }
            />
            <PlanReEvaluationFieldset values={values} update={update} errors={errors} />
            <PlanHomeCareFieldset values={values} update={update} warnings={homeCareWarnings} />
            {plan && <PlanCertificationPanel plan={plan} dirty={dirty} />}
            <Paper withBorder p="md" pos="sticky" bottom={0} style={{ zIndex: 2 }}>
              <Stack gap="xs">
                <FormAlert message={message} title="Plan not saved" />
                <Group justify="space-between">
                  <Text size="sm" c={unjustified.length || beyondOrder.length ? 'red' : 'dimmed'}>
                    {unjustified.length > 0
                      ? `${unjustified.length} safety ${unjustified.length === 1 ? 'conflict' : 'conflicts'} to resolve or justify`
                      : beyondOrder.length > 0
                        ? 'Beyond the referral: reduce it or request it from the physician'
                        : dirty || !plan
                          ? 'Unsaved changes'
                          : 'No unsaved changes'}
                  </Text>
                  <Button
                    loading={busy}
                    disabled={Boolean(plan) && !dirty}
                    onClick={() => (plan ? setAsking(true) : void save())}
                  >
                    {plan ? 'Save changes' : 'Save plan'}
                  </Button>
                </Group>
              </Stack>
            </Paper>
          </Stack>
        </Tabs.Panel>
        {plan && (
          <Tabs.Panel value="history" pt="md">
            <PlanHistoryPanel plan={plan} />
          </Tabs.Panel>
        )}
      </Tabs>
      <Modal opened={asking} onClose={() => setAsking(false)} title="Why does the plan change?">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim().length >= 3) void save(reason.trim());
          }}
        >
          <Stack>
            <TextInput
              label="Reason for the change"
              description="Kept with the new version in the plan's history."
              data-autofocus
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={reason.length > 0 && reason.trim().length < 3 ? 'Say why in a few words' : undefined}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAsking(false)}>
                Cancel
              </Button>
              <Button type="submit" loading={busy} disabled={reason.trim().length < 3}>
                Save version {(plan?.currentVersion ?? 0) + 1}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
