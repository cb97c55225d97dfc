import { lookupIcd10 } from '@fascia/domain/patients/icd10';
import { Button, Fieldset, Group, NativeSelect, Pill, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { formatDate } from '../../components/format.ts';
import { type PlanValues, problemsFromReferral } from './plan-form-values.ts';
import type { UpdatePlan } from './plan-goals-fieldset.tsx';
import type { LinkedAssessment, LinkedReferral } from './plans-api.ts';

const KIND_WORDS: Record<LinkedAssessment['kind'], string> = {
  initial: 'Initial evaluation',
  re_evaluation: 'Re-evaluation',
  discharge: 'Discharge evaluation',
};

export function referralWords(r: LinkedReferral): string {
  const o = r.referral;
  return `${o.diagnoses.join(', ')} — ${r.provider.displayName}, ${o.frequency.timesPerWeek}×/week for ${o.durationWeeks} weeks${o.visitsAuthorized ? `, ${o.visitsAuthorized} visits` : ''}`;
}

/** What the plan answers to: the referral (and its diagnoses as problems) and the signed assessment. */
export function PlanLinksFieldset({
  values,
  update,
  errors,
  referrals,
  assessments,
  locked,
}: {
  values: PlanValues;
  update: UpdatePlan;
  errors: Record<string, string>;
  referrals: LinkedReferral[];
  assessments: LinkedAssessment[];
  /** A saved plan stays with its referral and assessment. */
  locked: boolean;
}) {
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const signed = assessments.filter((a) => a.status === 'signed' || a.id === values.assessmentId);

  const addProblem = () => {
    const icd10 = code.trim().toUpperCase();
    if (!lookupIcd10(icd10)) {
      setCodeError(`${icd10 || 'That'} is not a known ICD-10-CM code.`);
      return;
    }
    setCodeError(null);
    setCode('');
    update((v) =>
      v.problems.some((p) => p.icd10 === icd10)
        ? v
        : { ...v, problems: [...v.problems, { icd10, from: 'assessment' }] },
    );
  };

  return (
    <Fieldset legend="Referral, assessment and problems">
      <Stack gap="sm">
        <NativeSelect
          label="Referral"
          disabled={locked}
          data={[
            { value: '', label: referrals.length ? 'Choose the referral…' : 'No referral on file' },
            ...referrals.map((r) => ({ value: r.id, label: referralWords(r) })),
          ]}
          value={values.referralId}
          error={errors.referralId}
          onChange={(e) => {
            const referralId = e.currentTarget.value;
            const referral = referrals.find((r) => r.id === referralId);
            update((v) => ({ ...v, referralId, problems: problemsFromReferral(v.problems, referral) }));
          }}
        />
        <NativeSelect
          label="Assessment"
          description={
            signed.length ? undefined : 'Sign an assessment first: a plan is built from a signed assessment.'
          }
          disabled={locked}
          data={[
            { value: '', label: signed.length ? 'Choose the signed assessment…' : 'No signed assessment' },
            ...signed.map((a) => ({
              value: a.id,
              label: `${KIND_WORDS[a.kind]} — ${formatDate(a.performedOn)}`,
            })),
          ]}
          value={values.assessmentId}
          error={errors.assessmentId}
          onChange={(e) => {
            const assessmentId = e.currentTarget.value;
            update((v) => ({ ...v, assessmentId }));
          }}
        />
        <div>
          <Text size="sm" fw={500}>
            Problems
          </Text>
          <Group gap={6} mt={4} role="list" aria-label="Problems">
            {values.problems.length === 0 && (
              <Text size="sm" c={errors.problems ? 'red' : 'dimmed'}>
                {errors.problems ?? 'Choose the referral to list its diagnoses.'}
              </Text>
            )}
            {values.problems.map((p) => (
              <Pill
                key={p.icd10}
                size="lg"
                role="listitem"
                withRemoveButton={p.from === 'assessment'}
                removeButtonProps={{ 'aria-label': `Remove problem ${p.icd10}` }}
                onRemove={() =>
                  update((v) => ({ ...v, problems: v.problems.filter((q) => q.icd10 !== p.icd10) }))
                }
              >
                {p.icd10} {lookupIcd10(p.icd10)?.description ?? ''} ·{' '}
                {p.from === 'referral' ? 'referral' : 'assessment'}
              </Pill>
            ))}
          </Group>
        </div>
        <Group align="flex-end" gap="xs">
          <TextInput
            label="Problem from the assessment (ICD-10-CM)"
            placeholder="e.g. M79.18"
            value={code}
            error={codeError}
            onChange={(e) => setCode(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                addProblem();
              }
            }}
          />
          <Button variant="light" onClick={addProblem}>
            Add problem
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
