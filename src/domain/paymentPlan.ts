import { isCents, type Cents } from './money';
import { MAX_STRATEGY_MONTHS, type OfferStrategy } from './offerStrategy';

/**
 * A payment plan the user can propose, and what the same balance would cost on credit cards instead.
 * Pure rules over integer cents; floating point appears only inside a single interest-rounding step.
 */

export interface PlanInput { balanceCents: Cents; monthlyBudgetCents: Cents; maxMonths: number }

export interface PaymentPlan {
  months: number;
  monthlyCents: Cents;
  lastPaymentCents: Cents;
  installments: Cents[];
  totalCents: Cents;
  overBudget: boolean;
  /** the budget would need more months than maxMonths, so the monthly amount was raised */
  stretched: boolean;
}

function checkPositiveCents(name: string, value: number): void {
  if (!isCents(value) || value === 0) throw new RangeError(`${name} must be whole cents above 0, got ${value}`);
}

/**
 * Equal monthly payments within the budget; the LAST payment takes the remainder, so the installments
 * sum exactly to the balance and the last one is never more than the others (and never 0).
 * When the budget would need more than maxMonths, the monthly amount is raised to ceil(balance / maxMonths)
 * (`stretched`, and then `overBudget`); the months are recounted from that amount, so a small balance may
 * need fewer than maxMonths (e.g. $1.00 over 36 months: 34 payments of 3¢ and a last one of 1¢).
 * A budget above the balance gives a single payment of the balance.
 * Throws RangeError for a 0 balance or budget, or maxMonths outside 1–120 (the dialog never passes them).
 */
export function planPayments(input: PlanInput): PaymentPlan {
  const { balanceCents, monthlyBudgetCents, maxMonths } = input;
  checkPositiveCents('balanceCents', balanceCents);
  checkPositiveCents('monthlyBudgetCents', monthlyBudgetCents);
  if (!Number.isInteger(maxMonths) || maxMonths < 1 || maxMonths > MAX_STRATEGY_MONTHS) {
    throw new RangeError(`maxMonths must be a whole number from 1 to ${MAX_STRATEGY_MONTHS}, got ${maxMonths}`);
  }
  const stretched = Math.ceil(balanceCents / monthlyBudgetCents) > maxMonths;
  const monthlyCents = stretched ? Math.ceil(balanceCents / maxMonths) : Math.min(monthlyBudgetCents, balanceCents);
  const months = Math.ceil(balanceCents / monthlyCents);
  const lastPaymentCents = balanceCents - (months - 1) * monthlyCents;
  const installments: Cents[] = Array.from({ length: months }, (_, i) => (i === months - 1 ? lastPaymentCents : monthlyCents));
  return { months, monthlyCents, lastPaymentCents, installments, totalCents: balanceCents, overBudget: monthlyCents > monthlyBudgetCents, stretched };
}

/** How long the general-card illustration runs before it gives up: 50 years. */
export const GENERAL_CARD_MAX_MONTHS = 600;

export interface CostComparison {
  /** An in-house hospital plan, often interest-free: the balance itself. */
  interestFreeCents: Cents;
  /** A medical credit card whose deferred-interest promotion lapses: balance + deferredInterestCents. */
  medicalCardIfPromoLapsesCents: Cents;
  /** The deferred interest charged if the promotion lapses: what accrued during it, month by month, on the balance still owed. */
  deferredInterestCents: Cents;
  /** Whether paying monthlyCents a month clears the balance within the promotion (then no deferred interest is due). */
  paidBeforePromoEnds: boolean;
  /** A general credit card paid monthlyCents a month: balance + all interest charged (what is paid in total when paid off). */
  generalCardCents: Cents;
  /** Months until the general card is paid off; GENERAL_CARD_MAX_MONTHS when it is not paid off by then. */
  generalCardMonths: number;
  /** false when the general card is not paid off within GENERAL_CARD_MAX_MONTHS: the words must not present generalCardCents as a total. */
  generalCardPaidOff: boolean;
}

/** One month's interest on a balance at a yearly rate in percent, monthly rate = APR / 12, rounded half up to cents. */
function monthlyInterest(balanceCents: Cents, aprPercent: number): Cents {
  return Math.round((balanceCents * aprPercent) / 1200);
}

/**
 * What the balance costs three ways, paying `monthlyCents` a month. Assumptions (an illustration, not a quote):
 * - interest-free: an in-house plan with no interest or fees, so it costs the balance.
 * - medical card: the promotion LAPSES because the balance is not paid in full by its end (the case the CFPB
 *   describes): the interest that accrued during the promotion is charged. It accrues each month at the
 *   medical-card APR / 12 on the balance still owed that month (the balance before that month's payment),
 *   rounded to cents each month (deferredInterest). Interest after the promotion ends, late fees and the real
 *   card's daily-balance method are left out, so the real cost can be higher. `paidBeforePromoEnds` says
 *   whether this payment clears the balance in time (then it is charged only if a payment is missed).
 * - general card: interest at the general-card APR / 12 on the balance each month, rounded to cents each month
 *   and added before that month's payment; the last payment is whatever is left. No fees, no new charges.
 *   If the payment never exceeds the first month's interest, the balance never goes down: the card is not paid
 *   off, and generalCardCents is then only a floor (600 payments plus the balance still owed).
 * Throws RangeError for a 0 balance or payment.
 */
export function compareCosts(balanceCents: Cents, monthlyCents: Cents, strategy: OfferStrategy): CostComparison {
  checkPositiveCents('balanceCents', balanceCents);
  checkPositiveCents('monthlyCents', monthlyCents);
  const { medicalCardAprPercent, generalCardAprPercent, promoMonths } = strategy;
  const deferredInterestCents = deferredInterest(balanceCents, monthlyCents, medicalCardAprPercent, promoMonths);
  const general = generalCard(balanceCents, monthlyCents, generalCardAprPercent);
  return {
    interestFreeCents: balanceCents,
    medicalCardIfPromoLapsesCents: balanceCents + deferredInterestCents,
    deferredInterestCents,
    paidBeforePromoEnds: monthlyCents * promoMonths >= balanceCents,
    generalCardCents: general.totalCents,
    generalCardMonths: general.months,
    generalCardPaidOff: general.paidOff,
  };
}

/**
 * The interest a deferred-interest promotion accrues on this payment schedule, and charges if it lapses (the
 * balance not cleared in time, or a payment missed): month by month during the promotion, at APR / 12 on the
 * balance still owed that month (before that month's payment), rounded to cents each month.
 */
export function deferredInterest(balanceCents: Cents, monthlyCents: Cents, aprPercent: number, promoMonths: number): Cents {
  let owed = balanceCents;
  let interest = 0;
  for (let month = 0; month < promoMonths && owed > 0; month += 1) {
    interest += monthlyInterest(owed, aprPercent);
    owed -= monthlyCents;
  }
  return interest;
}

function generalCard(balanceCents: Cents, monthlyCents: Cents, aprPercent: number): { totalCents: Cents; months: number; paidOff: boolean } {
  if (monthlyCents <= monthlyInterest(balanceCents, aprPercent)) {
    // The debt never shrinks (and simulating its growth for 50 years could leave safe integers).
    return { totalCents: GENERAL_CARD_MAX_MONTHS * monthlyCents + balanceCents, months: GENERAL_CARD_MAX_MONTHS, paidOff: false };
  }
  // Once the first payment exceeds the interest, the balance only goes down, so every later one does too.
  let owed = balanceCents;
  let interestCents = 0;
  let months = 0;
  while (owed > 0 && months < GENERAL_CARD_MAX_MONTHS) {
    const interest = monthlyInterest(owed, aprPercent);
    interestCents += interest;
    owed = owed + interest - Math.min(monthlyCents, owed + interest);
    months += 1;
  }
  return { totalCents: balanceCents + interestCents, months, paidOff: owed === 0 };
}
