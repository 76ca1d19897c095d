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

/** The EOB figure a user gives, and the rule it must keep with the figures already there. */
export type EobFigureKey = 'patientOwesCents' | 'billedCents' | 'allowedCents' | 'planPaidCents' | 'deductibleCents' | 'copayCents' | 'coinsuranceCents';
export type EobFigureProblem = 'owedAboveBilled' | 'allowedAboveBilled' | 'paidAboveAllowed' | 'shareAboveBilled';

const SHARE_KEYS = ['deductibleCents', 'copayCents', 'coinsuranceCents'] as const;

/**
 * Why `cents` for `key` cannot be right beside the EOB's other figures, or undefined when it can: what she
 * may owe and the allowed amount are at most the amount billed; the plan pays at most the allowed amount
 * (or the billed amount when that is all there is); deductible + copay + coinsurance stay within the billed amount.
 */
export function eobFigureProblem(eob: EobFigures, key: EobFigureKey, cents: number): EobFigureProblem | undefined {
  const billed = eob.billedCents;
  switch (key) {
    case 'patientOwesCents':
      return billed !== undefined && cents > billed ? 'owedAboveBilled' : undefined;
    case 'allowedCents':
      return billed !== undefined && cents > billed ? 'allowedAboveBilled' : undefined;
    case 'planPaidCents': {
      const cap = eob.allowedCents ?? billed;
      return cap !== undefined && cents > cap ? 'paidAboveAllowed' : undefined;
    }
    case 'deductibleCents':
    case 'copayCents':
    case 'coinsuranceCents': {
      const share = SHARE_KEYS.reduce((sum, k) => sum + (k === key ? cents : (eob[k] ?? 0)), 0);
      return billed !== undefined && share > billed ? 'shareAboveBilled' : undefined;
    }
    case 'billedCents':
      return undefined;
  }
}
