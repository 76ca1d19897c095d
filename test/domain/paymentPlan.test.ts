import { offerStrategySchema } from '../../src/domain/offerStrategy';
import { compareCosts, GENERAL_CARD_MAX_MONTHS, planPayments } from '../../src/domain/paymentPlan';

/** The defaults of content/data/offer-strategy.yaml, fixed here so an operator's edit never changes these examples. */
const STRATEGY = offerStrategySchema.parse({
  openingPercent: 40, targetPercent: 60, ceilingPercent: 80, withAssistanceLikely: { openingPercent: 25, targetPercent: 40, ceilingPercent: 60 }, roundToCents: 1000,
  maxMonths: 36, promoMonths: 12, medicalCardAprPercent: 27, generalCardAprPercent: 16,
  sources: { medicalCardAprPercent: { source: 'CFPB', year: 2023 }, generalCardAprPercent: { source: 'CFPB', year: 2023 } },
});

describe('a payment plan within the monthly budget', () => {
  it('$2,400 at $100 a month: 24 payments of $100', () => {
    const plan = planPayments({ balanceCents: 240_000, monthlyBudgetCents: 10_000, maxMonths: 36 });
    expect(plan).toMatchObject({ months: 24, monthlyCents: 10_000, lastPaymentCents: 10_000, totalCents: 240_000, overBudget: false, stretched: false });
    expect(plan.installments).toEqual(Array(24).fill(10_000));
  });

  it('$1,000 at $300 a month: 3 payments of $300 and a last one of $100', () => {
    expect(planPayments({ balanceCents: 100_000, monthlyBudgetCents: 30_000, maxMonths: 36 })).toEqual({
      months: 4, monthlyCents: 30_000, lastPaymentCents: 10_000, installments: [30_000, 30_000, 30_000, 10_000], totalCents: 100_000, overBudget: false, stretched: false,
    });
  });

  it('$250 with $300 a month to spare: one payment of $250', () => {
    expect(planPayments({ balanceCents: 25_000, monthlyBudgetCents: 30_000, maxMonths: 36 })).toMatchObject({ months: 1, monthlyCents: 25_000, installments: [25_000] });
  });

  it('$10,000 at $100 a month would take 100 months: stretched to 36, 35 payments of $277.78 and a last one of $277.70', () => {
    const plan = planPayments({ balanceCents: 1_000_000, monthlyBudgetCents: 10_000, maxMonths: 36 });
    expect(plan).toMatchObject({ months: 36, monthlyCents: 27_778, lastPaymentCents: 27_770, totalCents: 1_000_000, overBudget: true, stretched: true });
    expect(plan.installments.slice(0, 35)).toEqual(Array(35).fill(27_778));
    expect(plan.installments.reduce((a, b) => a + b, 0)).toBe(1_000_000);
  });

  it('$1.00 at 1¢ a month with 36 months at most: 34 payments of 3¢ and a last one of 1¢ (never a $0 payment)', () => {
    expect(planPayments({ balanceCents: 100, monthlyBudgetCents: 1, maxMonths: 36 })).toMatchObject({ months: 34, monthlyCents: 3, lastPaymentCents: 1, stretched: true });
  });

  it('refuses a $0 budget, a $0 balance and a maxMonths outside 1–120 (the dialog never passes them)', () => {
    expect(() => planPayments({ balanceCents: 100_000, monthlyBudgetCents: 0, maxMonths: 36 })).toThrow(RangeError);
    expect(() => planPayments({ balanceCents: 0, monthlyBudgetCents: 10_000, maxMonths: 36 })).toThrow(RangeError);
    expect(() => planPayments({ balanceCents: 100_000, monthlyBudgetCents: 10_000, maxMonths: 0 })).toThrow(RangeError);
    expect(() => planPayments({ balanceCents: 100_000, monthlyBudgetCents: 10_000, maxMonths: 1.5 })).toThrow(RangeError);
  });
});

describe('what the same balance costs on credit cards', () => {
  it('$1,000 at $400 a month: $1,000 interest-free; $1,270 on a medical card whose promotion lapses; $1,024.46 over 3 months on a 16% card', () => {
    // Medical card: 100,000¢ × 27% × 12/12 = 27,000¢ of deferred interest.
    // General card at 16%/12 a month: 1,333.33 → 1,333¢ (owes 61,333¢ after paying), 818¢ (owes 22,151¢), 295.35 → 295¢, last payment 22,446¢.
    expect(compareCosts(100_000, 40_000, STRATEGY)).toEqual({
      interestFreeCents: 100_000,
      medicalCardIfPromoLapsesCents: 127_000,
      deferredInterestCents: 27_000,
      paidBeforePromoEnds: true,
      generalCardCents: 102_446,
      generalCardMonths: 3,
      generalCardPaidOff: true,
    });
  });

  it('$2,400 at $100 a month outlasts a 12-month promotion: $648 of deferred interest would be charged', () => {
    expect(compareCosts(240_000, 10_000, STRATEGY)).toMatchObject({ deferredInterestCents: 64_800, medicalCardIfPromoLapsesCents: 304_800, paidBeforePromoEnds: false });
  });

  it('$10,000 at $100 a month does not cover the $133.33 monthly interest on a 16% card: never paid off, flagged', () => {
    expect(compareCosts(1_000_000, 10_000, STRATEGY)).toMatchObject({ generalCardPaidOff: false, generalCardMonths: GENERAL_CARD_MAX_MONTHS, generalCardCents: 7_000_000 });
  });

  it('a 0% general card costs the balance', () => {
    const zero = { ...STRATEGY, generalCardAprPercent: 0 };
    expect(compareCosts(100_000, 30_000, zero)).toMatchObject({ generalCardCents: 100_000, generalCardMonths: 4, generalCardPaidOff: true });
  });

  it('refuses a $0 payment', () => {
    expect(() => compareCosts(100_000, 0, STRATEGY)).toThrow(RangeError);
  });
});
