/**
 * Every screening rule, in one table. Adding a rule is adding a row to one of these lists (and a
 * fires / near-miss pair to engine.test.ts, which checks that every rule has one).
 */
import { INTERACTION_RULES } from './interaction-rules.ts';
import { LOCAL_RULES } from './local-rules.ts';
import { MODIFY_RULES } from './modify-rules.ts';
import { PHYSICIAN_RULES } from './physician-rules.ts';
import { PREGNANCY_RULES } from './pregnancy-rules.ts';
import { PRODUCT_RULES } from './product-rules.ts';
import type { ScreeningRule } from './rule-types.ts';
import { STOP_RULES } from './stop-rules.ts';

export const SCREENING_RULES: readonly ScreeningRule[] = [
  ...STOP_RULES,
  ...LOCAL_RULES,
  ...PREGNANCY_RULES,
  ...MODIFY_RULES,
  ...INTERACTION_RULES,
  ...PRODUCT_RULES,
  ...PHYSICIAN_RULES,
];

export type { ScreeningRule } from './rule-types.ts';
