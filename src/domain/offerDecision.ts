import { priceReductionCents, type Leverage } from './billCheck';
import { assistanceProgramLikely } from './callPlan';
import type { Case } from './case';
import type { Cents } from './money';
import { assistanceLikely, type LumpSumInput, type LumpSumOffer, planLumpSum, recommend, type RecommendResult } from './offer';
import type { OfferStrategy } from './offerStrategy';
import { owedAmount, type OwedAmount } from './owedAmount';
import { compareCosts, type CostComparison, type PaymentPlan, planPayments } from './paymentPlan';

/** The recommendation's words (offer.recommend.*): the no-program variants fit a clinic, a doctor or a lab. */
export type AdviceKey = RecommendResult['recommendation'] | 'neitherNoProgram' | 'planNoProgram' | 'budgetUnknown';

/** A plan or "can't pay anything" said to a provider with no likely assistance program names a hardship discount, not an application. */
export function adviceKeyFor(recommendation: RecommendResult['recommendation'], programLikely: boolean, budgetKnown = true): AdviceKey {
  // "Not sure" to both amounts is not "I can't pay anything": no numbers yet, and a hold while she works them out.
  if (recommendation === 'neither' && !budgetKnown) return 'budgetUnknown';
  if (programLikely) return recommendation;
  if (recommendation === 'neither') return 'neitherNoProgram';
  if (recommendation === 'plan') return 'planNoProgram';
  return recommendation;
}

/** Step 3's decision for a case: what she owes, the way to pay, and the lump sum and plan worked from that one figure. */
export interface OfferDecision {
  owed: OwedAmount & { owedCents: Cents; billCents: Cents };
  input: LumpSumInput;
  advice: RecommendResult;
  /** Which words say the advice: where no formal program is likely, "can't pay" and "a plan" do not point to one. */
  adviceKey: AdviceKey;
  /** Where no formal program is likely (a clinic, a doctor, a lab) but the screen says help is: ask for a hardship discount first. */
  hardshipDiscountFirst: boolean;
  monthlyBudgetCents: Cents;
  lumpSum?: LumpSumOffer;
  plan?: PaymentPlan;
  costs?: CostComparison;
}

/**
 * The offer and plan from owedAmount(c): when the EOB or the Good Faith Estimate says she owes less than the bill,
 * both start from that figure (the rest is for the provider to correct first), never from the bill.
 * Comparable prices still lower the lump-sum reference. Undefined while the balance is unknown.
 */
export function decideOffer(c: Case, leverage: Leverage, strategy: OfferStrategy): OfferDecision | undefined {
  const owed = owedAmount(c);
  if (owed.owedCents === undefined || owed.billCents === undefined) return undefined;
  const cash = c.offer.cashAvailableCents ?? 0;
  const monthly = c.offer.monthlyBudgetCents ?? 0;
  const correction = owed.basis === 'eob' || owed.basis === 'goodFaithEstimate' ? { basis: owed.basis, correctionCents: owed.correctionCents ?? 0 } : undefined;
  // Financial assistance comes first only where a program is likely (a hospital, a nonprofit, or unknown).
  const tier = c.assistance.screen?.tier;
  const program = assistanceProgramLikely(c);
  const input: LumpSumInput = {
    balanceCents: owed.owedCents, cashAvailableCents: cash, ...(program && tier ? { assistanceTier: tier } : {}),
    // Comparable prices she found, and fair prices from Medicare's when she pays the bill herself (issue 22).
    overComparableCents: priceReductionCents(c, leverage),
    ...(correction ? { owed: correction } : {}),
  };
  const advice = recommend({ ...input, monthlyBudgetCents: monthly }, strategy);
  const wantsLumpSum = advice.recommendation === 'lumpSum' || advice.recommendation === 'lumpSumThenPlan';
  const wantsPlan = (advice.recommendation === 'plan' || advice.recommendation === 'lumpSumThenPlan') && monthly > 0 && owed.owedCents > 0;
  const lumpSum = wantsLumpSum ? planLumpSum(input, strategy) : undefined;
  const plan = wantsPlan ? planPayments({ balanceCents: owed.owedCents, monthlyBudgetCents: monthly, maxMonths: strategy.maxMonths }) : undefined;
  const costs = plan ? compareCosts(owed.owedCents, plan.monthlyCents, strategy) : undefined;
  return {
    owed: { ...owed, owedCents: owed.owedCents, billCents: owed.billCents }, input, advice, adviceKey: adviceKeyFor(advice.recommendation, program, c.offer.cashAvailableCents !== undefined || c.offer.monthlyBudgetCents !== undefined), hardshipDiscountFirst: !program && assistanceLikely(tier), monthlyBudgetCents: monthly,
    ...(lumpSum ? { lumpSum } : {}), ...(plan ? { plan } : {}), ...(costs ? { costs } : {}),
  };
}
