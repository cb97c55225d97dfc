/**
 * The contraindication screening engine: runs every rule over the patient's health picture and the
 * day's answers and returns the findings, most severe first, with the overall decision. Pure: the
 * same input always gives the same findings, on the server and live in the day-of form.
 */
import { SCREENING_RULES, type ScreeningRule } from './rules/screening-rules.ts';
import { buildContext, DEFAULT_THRESHOLDS, type ScreeningThresholds } from './screening-context.ts';
import type { ScreeningInput } from './screening-input.schema.ts';
import { type ScreeningFinding, SEVERITY_ORDER } from './types.ts';

export type OverallDecision = 'proceed' | 'proceed_with_care' | 'stop';

export interface ScreeningOptions {
  /** Clinic-specific thresholds; unset ones keep the defaults. */
  thresholds?: Partial<ScreeningThresholds>;
  /** The rule table; tests and clinics with extra rules pass their own. */
  rules?: readonly ScreeningRule[];
}

export interface ScreeningResult {
  asOf: string;
  decision: OverallDecision;
  findings: ScreeningFinding[];
}

/** Stop first, then avoid, then modify; standing precautions last; then by rule id for a stable order. */
export function sortFindings(findings: readonly ScreeningFinding[]): ScreeningFinding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      Number(a.standing ?? false) - Number(b.standing ?? false) ||
      a.ruleId.localeCompare(b.ruleId),
  );
}

/** Any stop postpones the visit; any other finding, except standing precautions, calls for care. */
export function overallDecision(findings: readonly ScreeningFinding[]): OverallDecision {
  if (findings.some((f) => f.severity === 'stop')) return 'stop';
  if (findings.some((f) => !f.standing)) return 'proceed_with_care';
  return 'proceed';
}

export function screen(input: ScreeningInput, options: ScreeningOptions = {}): ScreeningResult {
  const ctx = buildContext(input, { ...DEFAULT_THRESHOLDS, ...options.thresholds });
  const findings = sortFindings((options.rules ?? SCREENING_RULES).flatMap((rule) => rule.evaluate(ctx)));
  return { asOf: input.asOf, decision: overallDecision(findings), findings };
}
