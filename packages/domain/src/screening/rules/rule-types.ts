/**
 * The shape of a screening rule. A rule is a row of data: its id, severity and cited source, the
 * inputs it reads (for the rule table in docs/clinical-sources/screening.md), a pure `when` that
 * returns what it matched (nothing = the rule does not fire) and a `finding` that words one finding per
 * match. The engine adds the id, severity and source, so no rule can forget them.
 */

import type { ScreeningContext } from '../screening-context.ts';
import type { FindingSeverity, Modification, RegionTarget, ScreeningFinding } from '../types.ts';

export interface FindingBody {
  reason: string;
  regions?: RegionTarget[];
  modification?: Modification;
}

export interface RuleDefinition<M> {
  id: string;
  severity: FindingSeverity;
  /** Short title for the rule table. */
  title: string;
  source: string;
  inputs: readonly string[];
  /** Holds for every patient; see ScreeningFinding.standing. */
  standing?: boolean;
  when: (ctx: ScreeningContext) => readonly M[];
  finding: (match: M, ctx: ScreeningContext) => FindingBody;
}

/** A rule with its match type hidden, so rules of different kinds sit in one table. */
export interface ScreeningRule {
  id: string;
  severity: FindingSeverity;
  title: string;
  source: string;
  inputs: readonly string[];
  evaluate: (ctx: ScreeningContext) => ScreeningFinding[];
}

export function defineRule<M>(definition: RuleDefinition<M>): ScreeningRule {
  const { id, severity, title, source, inputs, standing, when, finding } = definition;
  return {
    id,
    severity,
    title,
    source,
    inputs,
    evaluate: (ctx) =>
      when(ctx).map((match) => ({
        ruleId: id,
        severity,
        source,
        ...finding(match, ctx),
        ...(standing ? { standing: true } : {}),
      })),
  };
}

/** For rules that fire at most once: one match when the condition holds. */
export const once = <M>(match: M | undefined | false): readonly M[] =>
  match === undefined || match === false ? [] : [match];
