/**
 * The procedure codes a medical massage practice bills, with the project's own short labels.
 * CPT descriptor text is licensed by the AMA, so only the code numbers are shipped; the labels
 * here are ours and say what the code is used for in this product.
 *
 * `timed`: billed in 15-minute units from the minutes documented (CMS 8-minute rule).
 * `bundled`: Medicare pays it within other services (no separate payment), so a superbill can
 * still show it while a Medicare claim may leave it out.
 */
export interface BillingCode {
  code: string;
  label: string;
  timed: boolean;
  bundled: boolean;
}

export const BILLING_CODES: readonly BillingCode[] = [
  { code: '97124', label: 'Massage', timed: true, bundled: false },
  { code: '97140', label: 'Manual therapy (soft tissue and myofascial work)', timed: true, bundled: false },
  { code: '97112', label: 'Neuromuscular re-education', timed: true, bundled: false },
  { code: '97110', label: 'Therapeutic exercise', timed: true, bundled: false },
  { code: '97530', label: 'Therapeutic activities', timed: true, bundled: false },
  { code: '97535', label: 'Self-care and home programme training', timed: true, bundled: false },
  { code: '97010', label: 'Hot or cold pack', timed: false, bundled: true },
];

const byCode = new Map(BILLING_CODES.map((entry) => [entry.code, entry]));

export function findBillingCode(code: string): BillingCode | undefined {
  return byCode.get(code);
}

/**
 * Code pairs that a payer bundles unless performed in distinct time blocks; the claim then needs
 * modifier 59 or XS and the note must show the separate blocks.
 */
export const DISTINCT_BLOCK_PAIRS: readonly (readonly [string, string])[] = [['97140', '97530']];
