/**
 * Checks run whenever a plan of care is created or changed: against what the referring physician
 * ordered, and against the patient's current screening findings. They return every problem at
 * once, in words a therapist can act on, so the form can show them all together.
 */
import type { ScreeningFinding } from '../screening/types.ts';
import type { HomeCareItem } from './home-care.ts';
import type { Intervention, PlanOfCare } from './plan-of-care.schema.ts';
import { techniqueLabel } from './techniques.ts';
import {
  type ConflictKind,
  regionTargetLabel,
  stopFindings,
  treatmentConflicts,
} from './treatment-conflicts.ts';

/** The parts of a referral's order a plan must stay within; absent parts are not limited. */
export interface ReferralOrder {
  frequencyPerWeek?: number;
  durationWeeks?: number;
  totalVisits?: number;
}

export interface ReferralIssue {
  field: 'frequencyPerWeek' | 'durationWeeks' | 'totalVisits';
  planned: number;
  ordered: number;
  reason: string;
  /** True when the plan records this as a request to the physician; such an issue does not block. */
  requested: boolean;
}

export function checkPlanAgainstReferral(
  plan: Pick<PlanOfCare, 'frequencyPerWeek' | 'durationWeeks' | 'requestedFromPhysician'>,
  order: ReferralOrder,
): ReferralIssue[] {
  const requested = plan.requestedFromPhysician === true;
  const planned = {
    frequencyPerWeek: plan.frequencyPerWeek,
    durationWeeks: plan.durationWeeks,
    totalVisits: plan.frequencyPerWeek * plan.durationWeeks,
  };
  const words = {
    frequencyPerWeek: (p: number, o: number) => `${p} visits a week planned; the referral orders ${o}`,
    durationWeeks: (p: number, o: number) => `${p} weeks planned; the referral orders ${o}`,
    totalVisits: (p: number, o: number) => `${p} visits planned in all; the referral allows ${o}`,
  };
  const issues: ReferralIssue[] = [];
  for (const field of ['frequencyPerWeek', 'durationWeeks', 'totalVisits'] as const) {
    const ordered = order[field];
    if (ordered === undefined || planned[field] <= ordered) continue;
    issues.push({
      field,
      planned: planned[field],
      ordered,
      reason: words[field](planned[field], ordered),
      requested,
    });
  }
  return issues;
}

export interface PlanViolation {
  kind: ConflictKind;
  ruleId: string;
  /** The intervention concerned; null for a stop finding, which concerns the whole plan. */
  interventionIndex: number | null;
  interventionId: string | null;
  /** e.g. "Deep tissue massage — Low back (lumbar)". */
  intervention: string | null;
  reason: string;
  /** The therapist recorded a written justification for this finding on this intervention. */
  overridden: boolean;
}

export function interventionLabel(intervention: Pick<Intervention, 'techniqueId' | 'regions'>): string {
  return `${techniqueLabel(intervention.techniqueId)} — ${intervention.regions.map(regionTargetLabel).join(', ')}`;
}

export function checkPlanAgainstFindings(
  plan: Pick<PlanOfCare, 'interventions'>,
  findings: readonly ScreeningFinding[],
): PlanViolation[] {
  const violations: PlanViolation[] = stopFindings(findings).map((finding) => ({
    kind: 'stop',
    ruleId: finding.ruleId,
    interventionIndex: null,
    interventionId: null,
    intervention: null,
    reason: `No treatment until this is resolved: ${finding.reason}`,
    overridden: false,
  }));
  plan.interventions.forEach((intervention, index) => {
    const justified = new Set(
      (intervention.overrides ?? [])
        .filter((override) => override.reason.trim() !== '')
        .map((override) => override.ruleId),
    );
    for (const conflict of treatmentConflicts(intervention, findings)) {
      violations.push({
        ...conflict,
        interventionIndex: index,
        interventionId: intervention.id,
        intervention: interventionLabel(intervention),
        overridden: justified.has(conflict.ruleId),
      });
    }
  });
  return violations;
}

export interface HomeCareWarning {
  itemId: string;
  ruleId: string;
  reason: string;
}

/**
 * Home-care items whose caution tags a finding excludes (e.g. a heat pack when heat is to be
 * avoided). A warning, not a block: the therapist may adapt the item's instructions instead.
 * An item with no regions is done on the whole body, so region-limited findings apply to it.
 */
export function checkHomeCareAgainstFindings(
  plan: Pick<PlanOfCare, 'homeCare'>,
  library: readonly HomeCareItem[],
  findings: readonly ScreeningFinding[],
): HomeCareWarning[] {
  const warnings: HomeCareWarning[] = [];
  for (const { itemId } of plan.homeCare) {
    const item = library.find((candidate) => candidate.id === itemId);
    if (!item?.cautionTags?.length) continue;
    for (const finding of findings) {
      const modification = finding.modification;
      const excluded = item.cautionTags.filter((tag) => modification?.excludedTechniqueTags?.includes(tag));
      const scope = modification?.regions;
      const inScope =
        scope === undefined ||
        item.regions.length === 0 ||
        scope.some((region) => item.regions.includes(region.regionId));
      if (excluded.length > 0 && inScope) {
        warnings.push({ itemId, ruleId: finding.ruleId, reason: `${item.label}: ${finding.reason}` });
      }
    }
  }
  return warnings;
}

/** A plan can be saved when nothing is left that is neither justified nor requested. */
export function planIsAcceptable(
  referralIssues: readonly ReferralIssue[],
  violations: readonly PlanViolation[],
): boolean {
  return (
    referralIssues.every((issue) => issue.requested) && violations.every((violation) => violation.overridden)
  );
}
