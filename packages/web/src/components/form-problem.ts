import type { UseFormReturnType } from '@mantine/form';
import { ApiProblem } from '../api/client.ts';
import { mapProblemToForm } from '../api/problem.ts';

/**
 * Shows a failed submission on a Mantine form: field errors under their inputs, the rest as the
 * returned message for the alert above the form.
 */
export function applyProblem<Values extends Record<string, unknown>>(
  form: UseFormReturnType<Values>,
  err: unknown,
  aliases: Readonly<Record<string, string>> = {},
): string {
  if (!(err instanceof ApiProblem)) return 'Something went wrong. Try again.';
  const { fields, message } = mapProblemToForm(err.problem, Object.keys(form.getValues()), aliases);
  form.setErrors(fields);
  return message ?? '';
}
