import type { ChangeOutcome } from '@fascia/domain/outcomes/change';

/** How a change against the MCID is shown, the same in the comparison and the series. */
export const OUTCOME_BADGE: Record<ChangeOutcome, { label: string; color: string }> = {
  improved_beyond_mcid: { label: 'Passed MCID', color: 'green' },
  changed_less_than_mcid: { label: 'Below MCID', color: 'gray' },
  worsened_beyond_mcid: { label: 'Worse beyond MCID', color: 'red' },
  not_comparable: { label: 'Not comparable', color: 'yellow' },
};
