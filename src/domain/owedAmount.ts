import { GFE_DISPUTE_THRESHOLD_CENTS, patientResponsibilityCents } from './billCheck';
import type { Case } from './case';
import type { Cents } from './money';

/**
 * One figure for what she owes, used by every step (offer, plan, script, rehearsal, letters), and why.
 * - 'eob': insured, the claim processed, and the bill is above what the EOB says she may owe: she should owe the
 *   EOB's figure, and the first ask is to correct the bill.
 * - 'goodFaithEstimate': self-pay, and the bill is at least $400 above the Good Faith Estimate (the No Surprises
 *   Act's dispute threshold): the estimate is the figure, and the first ask is to bring the bill in line with it.
 * - 'bill': otherwise the bill's balance is the figure (nothing known says it is wrong).
 * - 'unknown': no balance yet.
 */
export type OwedBasis = 'eob' | 'goodFaithEstimate' | 'bill' | 'unknown';

export interface OwedAmount {
  basis: OwedBasis;
  /** What the bill asks for (the balance she gave). */
  billCents?: Cents;
  /** The figure to negotiate from. */
  owedCents?: Cents;
  /** What the bill is above that figure: ask them to correct it first (only for 'eob' and 'goodFaithEstimate'). */
  correctionCents?: Cents;
}

export function owedAmount(c: Case): OwedAmount {
  const bill = c.balanceCents;
  if (bill === undefined) return { basis: 'unknown' };
  const eob = c.eob;
  if (eob?.status === 'processed' && c.insurance !== 'uninsured') {
    const responsibility = patientResponsibilityCents(eob);
    if (responsibility !== undefined && bill > responsibility) return { basis: 'eob', billCents: bill, owedCents: responsibility, correctionCents: bill - responsibility };
  }
  const estimate = c.goodFaithEstimateCents;
  if (c.insurance === 'uninsured' && estimate !== undefined && bill - estimate >= GFE_DISPUTE_THRESHOLD_CENTS) {
    return { basis: 'goodFaithEstimate', billCents: bill, owedCents: estimate, correctionCents: bill - estimate };
  }
  return { basis: 'bill', billCents: bill, owedCents: bill };
}
