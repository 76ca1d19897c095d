import { offerStrategySchema } from '../../src/domain/offerStrategy';
import { compareCosts, GENERAL_CARD_MAX_MONTHS, planPayments } from '../../src/domain/paymentPlan';
import { realData } from '../helpers/content';

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
  it('$1,000 at $400 a month: $1,000 interest-free; $1,040.50 on a medical card whose promotion lapses; $1,024.46 over 3 months on a 16% card', () => {
    // Medical card at 27%/12 = 2.25% a month on what is still owed: 2,250¢ on 100,000¢, 1,350¢ on 60,000¢, 450¢ on 20,000¢ = 4,050¢.
    // General card at 16%/12 a month: 1,333.33 → 1,333¢ (owes 61,333¢ after paying), 818¢ (owes 22,151¢), 295.35 → 295¢, last payment 22,446¢.
    expect(compareCosts(100_000, 40_000, STRATEGY)).toEqual({
      interestFreeCents: 100_000,
      medicalCardIfPromoLapsesCents: 104_050,
      deferredInterestCents: 4_050,
      paidBeforePromoEnds: true,
      generalCardCents: 102_446,
      generalCardMonths: 3,
      generalCardPaidOff: true,
    });
  });

  it('$2,400 at $150 a month outlasts a 12-month promotion: the interest on what is still owed each month, $425.28, would be charged', () => {
    // Worked by hand at 27% / 12 = 2.25% a month, on the balance before each month's payment, rounded each month:
    // $2,400 → 5,400¢; $2,250 → 5,062.5 → 5,063¢; $2,100 → 4,725¢; $1,950 → 4,387.5 → 4,388¢; $1,800 → 4,050¢;
    // $1,650 → 3,712.5 → 3,713¢; $1,500 → 3,375¢; $1,350 → 3,037.5 → 3,038¢; $1,200 → 2,700¢; $1,050 → 2,362.5 → 2,363¢;
    // $900 → 2,025¢; $750 → 1,687.5 → 1,688¢. Sum: 42,528¢. (The whole $2,400 for all 12 months would be $648: half as much again.)
    expect(compareCosts(240_000, 15_000, STRATEGY)).toMatchObject({ deferredInterestCents: 42_528, medicalCardIfPromoLapsesCents: 282_528, paidBeforePromoEnds: false });
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

describe('deferred interest at the data file\'s medical-card rate', () => {
  it('$2,400 at $150 a month over a 12-month promotion: $425.28, as worked by hand above', () => {
    const strategy = realData().offerStrategy;
    expect(strategy).toMatchObject({ medicalCardAprPercent: 27, promoMonths: 12 });
    expect(compareCosts(240_000, 15_000, strategy).deferredInterestCents).toBe(42_528);
  });
});
