import fc from 'fast-check';
import { ASSISTANCE_TIERS } from '../../src/domain/charityCare';
import { planLumpSum, recommend } from '../../src/domain/offer';
import { offerStrategySchema, type OfferStrategy } from '../../src/domain/offerStrategy';
import { compareCosts, deferredInterest, planPayments } from '../../src/domain/paymentPlan';

/** Up to $1,000,000 of balance, cash and corrections: more than any realistic medical bill. */
const amount = fc.integer({ min: 0, max: 100_000_000 });
const positive = fc.integer({ min: 1, max: 100_000_000 });
/** Monthly budgets from 1¢ to $20,000. */
const budget = fc.integer({ min: 1, max: 2_000_000 });
const tier = fc.option(fc.constantFrom(...ASSISTANCE_TIERS), { nil: undefined });

/** Three ordered whole percents from 1 to 100. */
const percents = fc
  .tuple(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 }))
  .map((ps) => [...ps].sort((a, b) => a - b))
  .map(([openingPercent = 1, targetPercent = 1, ceilingPercent = 1]) => ({ openingPercent, targetPercent, ceilingPercent }));

/** Any strategy an operator could write that passes validation. */
const strategy: fc.Arbitrary<OfferStrategy> = fc
  .record({
    main: percents,
    withAssistanceLikely: percents,
    roundToCents: fc.constantFrom(1, 25, 100, 500, 1000, 10_000),
    maxMonths: fc.integer({ min: 1, max: 120 }),
    promoMonths: fc.integer({ min: 1, max: 120 }),
    medicalCardAprPercent: fc.integer({ min: 0, max: 600 }).map((n) => n / 10),
    generalCardAprPercent: fc.integer({ min: 0, max: 600 }).map((n) => n / 10),
  })
  .map(({ main, ...rest }) => offerStrategySchema.parse({
    ...main,
    ...rest,
    sources: { medicalCardAprPercent: { source: 'test', year: 2023 }, generalCardAprPercent: { source: 'test', year: 2023 } },
  }));

const lumpSumInput = fc.record({
  balanceCents: amount,
  cashAvailableCents: amount,
  overEobCents: fc.option(amount, { nil: undefined }),
  overComparableCents: fc.option(amount, { nil: undefined }),
  assistanceTier: tier,
});

describe('lump-sum offers, whatever the bill, the cash and the strategy', () => {
  it('are never above the balance or the cash, and stay in order: 0 ≤ opening ≤ target ≤ ceiling', () => {
    fc.assert(fc.property(lumpSumInput, strategy, (input, s) => {
      const o = planLumpSum(input, s);
      const cap = Math.min(input.balanceCents, input.cashAvailableCents);
      expect(0).toBeLessThanOrEqual(o.openingCents);
      expect(o.openingCents).toBeLessThanOrEqual(o.targetCents);
      expect(o.targetCents).toBeLessThanOrEqual(o.ceilingCents);
      expect(o.ceilingCents).toBeLessThanOrEqual(cap);
      expect(o.referenceCents).toBeLessThanOrEqual(input.balanceCents);
      expect([o.referenceCents, o.openingCents, o.targetCents, o.ceilingCents].every(Number.isSafeInteger)).toBe(true);
    }));
  });

  it('are never $0 when there is something to pay and some cash to pay it with', () => {
    fc.assert(fc.property(lumpSumInput, strategy, (input, s) => {
      const o = planLumpSum(input, s);
      if (o.referenceCents > 0 && input.cashAvailableCents > 0) expect(o.openingCents).toBeGreaterThan(0);
    }));
  });

  it('always recommend something, and assistance first exactly when free care or a discount is likely', () => {
    fc.assert(fc.property(lumpSumInput, fc.integer({ min: 0, max: 2_000_000 }), strategy, (input, monthlyBudgetCents, s) => {
      const r = recommend({ ...input, monthlyBudgetCents }, s);
      expect(['lumpSum', 'plan', 'lumpSumThenPlan', 'neither']).toContain(r.recommendation);
      expect(r.applyForAssistanceFirst).toBe(input.assistanceTier === 'likelyFree' || input.assistanceTier === 'likelyDiscount');
      if (input.cashAvailableCents === 0 && monthlyBudgetCents === 0) expect(r.recommendation).toBe('neither');
    }));
  });
});

describe('payment plans, whatever the balance and budget', () => {
  const planInput = fc.record({ balanceCents: positive, monthlyBudgetCents: budget, maxMonths: fc.integer({ min: 1, max: 120 }) });

  it('sum exactly to the balance, every installment above 0, the last one no more than the others', () => {
    fc.assert(fc.property(planInput, (input) => {
      const plan = planPayments(input);
      expect(plan.installments.reduce((a, b) => a + b, 0)).toBe(input.balanceCents);
      expect(plan.totalCents).toBe(input.balanceCents);
      expect(plan.installments).toHaveLength(plan.months);
      expect(plan.installments.every((c) => Number.isSafeInteger(c) && c > 0)).toBe(true);
      expect(plan.installments.slice(0, -1).every((c) => c === plan.monthlyCents)).toBe(true);
      expect(plan.lastPaymentCents).toBe(plan.installments[plan.months - 1]);
      expect(plan.lastPaymentCents).toBeLessThanOrEqual(plan.monthlyCents);
      expect(plan.months).toBeLessThanOrEqual(input.maxMonths);
    }));
  });

  it('stay within the budget unless flagged as over budget (which happens only when stretched)', () => {
    fc.assert(fc.property(planInput, (input) => {
      const plan = planPayments(input);
      expect(plan.overBudget).toBe(plan.monthlyCents > input.monthlyBudgetCents);
      if (!plan.stretched) expect(plan.monthlyCents).toBeLessThanOrEqual(input.monthlyBudgetCents);
    }));
  });
});

describe('credit-card costs, whatever the balance, payment and rates', () => {
  it('are never below the interest-free plan, and are whole cents', () => {
    fc.assert(fc.property(positive, budget, strategy, (balance, monthly, s) => {
      const c = compareCosts(balance, monthly, s);
      expect(c.interestFreeCents).toBe(balance);
      expect(c.interestFreeCents).toBeLessThanOrEqual(c.medicalCardIfPromoLapsesCents);
      expect(c.interestFreeCents).toBeLessThanOrEqual(c.generalCardCents);
      expect(c.medicalCardIfPromoLapsesCents).toBe(balance + c.deferredInterestCents);
      expect([c.medicalCardIfPromoLapsesCents, c.deferredInterestCents, c.generalCardCents, c.generalCardMonths].every(Number.isSafeInteger)).toBe(true);
      expect(c.generalCardMonths).toBeGreaterThan(0);
      expect(c.generalCardMonths).toBeLessThanOrEqual(600);
    }));
  });
});

describe('deferred interest, whatever the balance, payment, rate and promotion', () => {
  const apr = fc.integer({ min: 0, max: 60 });
  const promo = fc.integer({ min: 1, max: 120 });

  it('is the interest on what is still owed each month: never more than on the whole balance for the whole promotion, less the more is paid', () => {
    fc.assert(fc.property(positive, budget, budget, apr, promo, (balance, a, b, rate, months) => {
      const [low, high] = a <= b ? [a, b] : [b, a];
      const interest = deferredInterest(balance, low, rate, months);
      expect(Number.isSafeInteger(interest) && interest >= 0).toBe(true);
      // Each month rounds once (at most half a cent up), so the whole-balance figure plus that slack bounds it.
      expect(interest).toBeLessThanOrEqual(Math.round((balance * rate * months) / 1200) + months);
      expect(deferredInterest(balance, high, rate, months)).toBeLessThanOrEqual(interest);
    }));
  });

  it('month by month: one more month of promotion adds exactly that month\'s interest on what is still owed', () => {
    fc.assert(fc.property(positive, budget, apr, promo, (balance, monthly, rate, months) => {
      const owed = Math.max(0, balance - monthly * months);
      const added = deferredInterest(balance, monthly, rate, months + 1) - deferredInterest(balance, monthly, rate, months);
      expect(added).toBe(owed > 0 ? Math.round((owed * rate) / 1200) : 0);
    }));
  });
});
