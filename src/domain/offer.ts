import type { AssistanceTier } from './charityCare';
import { isCents, type Cents } from './money';
import type { OfferPercents, OfferStrategy } from './offerStrategy';

/**
 * The lump-sum offer range for a hardship negotiation, and which way to pay (lump sum, plan, both,
 * neither). Pure rules over integer cents; the words live in content, keyed by the reason codes.
 */

export interface LumpSumInput {
  balanceCents: Cents;
  cashAvailableCents: Cents;
  /** from fair-price comparisons: amount the charges are above comparable prices */
  overComparableCents?: Cents;
  /** from the bill check: amount above what the EOB says is owed */
  overEobCents?: Cents;
  assistanceTier?: AssistanceTier;
  /**
   * Set when balanceCents is already the figure she owes, not the bill's (owedAmount): the EOB's figure or the
   * Good Faith Estimate, with correctionCents the part of the bill to be corrected first. Only names the reason.
   */
  owed?: { basis: 'eob' | 'goodFaithEstimate'; correctionCents: Cents };
}

export type OfferReason = 'basedOnBalance' | 'adjustedForComparablePrices' | 'adjustedForEob' | 'adjustedForEstimate' | 'assistanceLikely' | 'cappedByCash' | 'cashBelowOpening';

export interface LumpSumOffer { referenceCents: Cents; openingCents: Cents; targetCents: Cents; ceilingCents: Cents; reasons: OfferReason[] }

/** Screen results that mean the user should apply for financial assistance before offering anything. */
export function assistanceLikely(tier: AssistanceTier | undefined): boolean {
  return tier === 'likelyFree' || tier === 'likelyDiscount';
}

/**
 * Rounds an amount DOWN so it sounds natural on the phone: to a multiple of `stepCents` ($10 by default
 * in the data file); an amount under one step falls back to whole dollars, and under a dollar to cents,
 * so a positive amount never becomes $0. Monotone and idempotent, so rounding keeps the offers in order.
 */
export function roundOfferDown(cents: Cents, stepCents: number): Cents {
  if (cents >= stepCents) return Math.floor(cents / stepCents) * stepCents;
  if (cents >= 100) return Math.floor(cents / 100) * 100;
  return cents;
}

function checkCents(name: string, value: number | undefined): void {
  if (value !== undefined && !isCents(value)) throw new RangeError(`${name} must be whole cents from 0 to the maximum, got ${value}`);
}

/** A share of the reference, rounded down to a whole cent, but at least 1 cent of a positive reference. */
function share(referenceCents: Cents, percent: number): Cents {
  if (referenceCents === 0) return 0;
  return Math.max(1, Math.floor((referenceCents * percent) / 100));
}

/**
 * Opening, target and ceiling offers. Reference = balance − overEob − overComparable (never below 0):
 * the bill should be corrected first, and charges above comparable prices are not a fair starting point.
 * Each offer is a percent of the reference, then capped by the cash available and the balance, then
 * rounded down (the cash cap is rounded too: $1,003.47 of cash makes a $1,000 ceiling).
 * Always 0 ≤ opening ≤ target ≤ ceiling ≤ min(balance, cash), all whole cents.
 * Throws RangeError when an amount is not valid cents: that is a caller bug, not user data.
 */
export function planLumpSum(input: LumpSumInput, strategy: OfferStrategy): LumpSumOffer {
  const { balanceCents, cashAvailableCents, overEobCents = 0, overComparableCents = 0 } = input;
  checkCents('balanceCents', balanceCents);
  checkCents('cashAvailableCents', cashAvailableCents);
  checkCents('overEobCents', overEobCents);
  checkCents('overComparableCents', overComparableCents);

  const reasons: OfferReason[] = [];
  if (overEobCents > 0 || input.owed?.basis === 'eob') reasons.push('adjustedForEob');
  if (input.owed?.basis === 'goodFaithEstimate') reasons.push('adjustedForEstimate');
  if (overComparableCents > 0) reasons.push('adjustedForComparablePrices');
  if (reasons.length === 0) reasons.push('basedOnBalance');
  const likely = assistanceLikely(input.assistanceTier);
  if (likely) reasons.push('assistanceLikely');

  const referenceCents = Math.max(0, balanceCents - overEobCents - overComparableCents);
  const percents: OfferPercents = likely ? strategy.withAssistanceLikely : strategy;
  const step = strategy.roundToCents;
  const cap = Math.min(balanceCents, cashAvailableCents);
  const offer = (percent: number): { uncapped: Cents; capped: Cents } => {
    const raw = share(referenceCents, percent);
    return { uncapped: roundOfferDown(Math.min(raw, balanceCents), step), capped: roundOfferDown(Math.min(raw, cap), step) };
  };
  const opening = offer(percents.openingPercent);
  const target = offer(percents.targetPercent);
  const ceiling = offer(percents.ceilingPercent);

  if (opening.capped < opening.uncapped) reasons.push('cashBelowOpening');
  else if (ceiling.capped < ceiling.uncapped) reasons.push('cappedByCash');

  return { referenceCents, openingCents: opening.capped, targetCents: target.capped, ceilingCents: ceiling.capped, reasons };
}

export type Recommendation = 'lumpSum' | 'plan' | 'lumpSumThenPlan' | 'neither';

export const RECOMMEND_REASONS = [
  'nothingLeftToPay', 'cashCoversOpening', 'cashBelowOpening', 'noCash', 'monthlyBudget', 'noMonthlyBudget', 'planStretched', 'assistanceLikely',
] as const;
/** Codes for the words: why this way to pay was suggested. */
export type RecommendReason = (typeof RECOMMEND_REASONS)[number];

export interface RecommendInput extends LumpSumInput { monthlyBudgetCents: Cents }

export interface RecommendResult { recommendation: Recommendation; applyForAssistanceFirst: boolean; reasons: RecommendReason[] }

/**
 * Which way to pay:
 * - cash covers the opening offer, no monthly budget → 'lumpSum';
 * - cash below the opening offer, a monthly budget → 'plan';
 * - cash covers the opening offer and a monthly budget → 'lumpSumThenPlan' (offer the lump sum, a plan as fallback);
 * - some cash below the opening offer and no monthly budget → 'lumpSum' of what there is ('cashBelowOpening');
 * - no cash and no monthly budget, or nothing left once the bill is corrected → 'neither' (ask for a hold
 *   and financial assistance / a corrected bill).
 * 'planStretched' when the budget would need more than the strategy's maxMonths to pay the balance.
 */
export function recommend(input: RecommendInput, strategy: OfferStrategy): RecommendResult {
  checkCents('monthlyBudgetCents', input.monthlyBudgetCents);
  const offer = planLumpSum(input, strategy);
  const applyForAssistanceFirst = assistanceLikely(input.assistanceTier);
  const reasons: RecommendReason[] = [];
  const finish = (recommendation: Recommendation): RecommendResult => {
    if (applyForAssistanceFirst) reasons.push('assistanceLikely');
    return { recommendation, applyForAssistanceFirst, reasons };
  };
  if (offer.referenceCents === 0) {
    reasons.push('nothingLeftToPay');
    return finish('neither');
  }

  const cash = input.cashAvailableCents;
  const budget = input.monthlyBudgetCents;
  const coversOpening = cash > 0 && !offer.reasons.includes('cashBelowOpening');
  reasons.push(coversOpening ? 'cashCoversOpening' : cash > 0 ? 'cashBelowOpening' : 'noCash');
  reasons.push(budget > 0 ? 'monthlyBudget' : 'noMonthlyBudget');
  if (budget > 0 && budget * strategy.maxMonths < input.balanceCents) reasons.push('planStretched');

  if (coversOpening) return finish(budget > 0 ? 'lumpSumThenPlan' : 'lumpSum');
  if (budget > 0) return finish('plan');
  return finish(cash > 0 ? 'lumpSum' : 'neither');
}
