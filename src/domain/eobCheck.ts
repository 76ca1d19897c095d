import type { EobFigures } from './gatherModel';
import { LINES_TOLERANCE_CENTS } from './billCheck';

export interface OwedGap {
  owedCents: number;
  /** Allowed − plan paid: what is usually left for the patient. */
  expectedCents: number;
  allowedCents: number;
  paidCents: number;
}

/**
 * The EOB's "you may owe" set against allowed − plan paid. They usually agree; a gap of more than a
 * dollar can mean another payer, a payment already made, or an error on the EOB, so it is worth asking.
 */
export function eobOwedGap(eob: EobFigures): OwedGap | undefined {
  const { patientOwesCents: owed, allowedCents: allowed, planPaidCents: paid } = eob;
  if (owed === undefined || allowed === undefined || paid === undefined || paid > allowed) return undefined;
  const expected = allowed - paid;
  return Math.abs(owed - expected) > LINES_TOLERANCE_CENTS ? { owedCents: owed, expectedCents: expected, allowedCents: allowed, paidCents: paid } : undefined;
}
