import { isCents, type Cents } from './money';

/** How one charge compares with a comparable price the user found (cash price, FAIR Health, Medicare…). */
export interface PriceComparison {
  chargeCents: number;
  comparableCents: number;
  /** How much the charge is above the comparable price; 0 when it is not above. */
  overCents: number;
  /** overCents as a whole percent of the comparable price; 0 when the comparable price is $0 (no meaningful percent). */
  overPercent: number;
  /** The fair amount to ask for: the comparable price, never more than the charge itself. */
  targetCents: number;
}

/**
 * Compares a charge with a comparable price. All results are integers.
 * A comparable price of $0 gives overPercent 0 because a percent of nothing means nothing; callers
 * should treat such a comparison as unusable (checkBill skips it) rather than show "0% more".
 * Throws RangeError when an amount is not valid cents: that is a caller bug, not user data.
 */
export function comparePrice(chargeCents: Cents, comparableCents: Cents): PriceComparison {
  if (!isCents(chargeCents) || !isCents(comparableCents)) throw new RangeError('comparePrice expects integer cents');
  const overCents = Math.max(0, chargeCents - comparableCents);
  const overPercent = comparableCents > 0 ? Math.round((overCents * 100) / comparableCents) : 0;
  const targetCents = Math.min(chargeCents, comparableCents);
  return { chargeCents, comparableCents, overCents, overPercent, targetCents };
}
