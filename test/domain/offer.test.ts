import { planLumpSum, recommend, roundOfferDown, type LumpSumInput } from '../../src/domain/offer';
import { offerStrategySchema } from '../../src/domain/offerStrategy';

/** The defaults of content/data/offer-strategy.yaml, fixed here so an operator's edit never changes these examples. */
const STRATEGY = offerStrategySchema.parse({
  openingPercent: 40, targetPercent: 60, ceilingPercent: 80, withAssistanceLikely: { openingPercent: 25, targetPercent: 40, ceilingPercent: 60 }, roundToCents: 1000,
  maxMonths: 36, promoMonths: 12, medicalCardAprPercent: 27, generalCardAprPercent: 16,
  sources: { medicalCardAprPercent: { source: 'CFPB', year: 2023 }, generalCardAprPercent: { source: 'CFPB', year: 2023 } },
});

const offer = (input: LumpSumInput) => planLumpSum(input, STRATEGY);
const figures = (input: LumpSumInput) => {
  const o = offer(input);
  return [o.openingCents, o.targetCents, o.ceilingCents];
};

describe('the lump-sum offer range', () => {
  it('a $2,400 balance with $3,000 cash: opens at $960 (40%), aims for $1,440 (60%), stops at $1,920 (80%)', () => {
    expect(offer({ balanceCents: 240_000, cashAvailableCents: 300_000 })).toEqual({
      referenceCents: 240_000, openingCents: 96_000, targetCents: 144_000, ceilingCents: 192_000, reasons: ['basedOnBalance'],
    });
  });

  it('a $2,400 balance with $1,000 cash: opens at $960; the $1,440 target and $1,920 ceiling are capped at the $1,000 there is', () => {
    expect(offer({ balanceCents: 240_000, cashAvailableCents: 100_000 })).toMatchObject({
      openingCents: 96_000, targetCents: 100_000, ceilingCents: 100_000, reasons: ['basedOnBalance', 'cappedByCash'],
    });
  });

  it('$1,003.47 of cash caps at $1,000, a figure that sounds natural on the phone', () => {
    expect(figures({ balanceCents: 240_000, cashAvailableCents: 100_347 })).toEqual([96_000, 100_000, 100_000]);
  });

  it('a $2,400 balance with $500 cash, below the $960 opening: every figure is the $500 there is', () => {
    expect(offer({ balanceCents: 240_000, cashAvailableCents: 50_000 })).toMatchObject({
      openingCents: 50_000, targetCents: 50_000, ceilingCents: 50_000, reasons: ['basedOnBalance', 'cashBelowOpening'],
    });
  });

  it('no cash at all: every figure is $0, and the reason says the cash is below the opening', () => {
    expect(offer({ balanceCents: 240_000, cashAvailableCents: 0 })).toMatchObject({ openingCents: 0, targetCents: 0, ceilingCents: 0, reasons: ['basedOnBalance', 'cashBelowOpening'] });
  });

  it('free care or a discount likely: the lower variant, $2,400 → $600 (25%), $960 (40%), $1,440 (60%)', () => {
    for (const assistanceTier of ['likelyFree', 'likelyDiscount'] as const) {
      expect(offer({ balanceCents: 240_000, cashAvailableCents: 300_000, assistanceTier })).toMatchObject({
        openingCents: 60_000, targetCents: 96_000, ceilingCents: 144_000, reasons: ['basedOnBalance', 'assistanceLikely'],
      });
    }
  });

  it('"you may still qualify" keeps the usual percents', () => {
    expect(figures({ balanceCents: 240_000, cashAvailableCents: 300_000, assistanceTier: 'mayQualify' })).toEqual([96_000, 144_000, 192_000]);
  });

  it('a $5,000 bill, $500 above the EOB and $1,800 above comparable prices: the reference is $2,700 → $1,080, $1,620, $2,160', () => {
    expect(offer({ balanceCents: 500_000, cashAvailableCents: 500_000, overEobCents: 50_000, overComparableCents: 180_000 })).toEqual({
      referenceCents: 270_000, openingCents: 108_000, targetCents: 162_000, ceilingCents: 216_000, reasons: ['adjustedForEob', 'adjustedForComparablePrices'],
    });
  });

  it('corrections larger than the balance leave a $0 reference, never a negative one', () => {
    expect(offer({ balanceCents: 100_000, cashAvailableCents: 100_000, overEobCents: 80_000, overComparableCents: 60_000 })).toMatchObject({
      referenceCents: 0, openingCents: 0, targetCents: 0, ceilingCents: 0,
    });
  });

  it('rounds down to $10: $1,234.56 → $490, $740, $980', () => {
    expect(figures({ balanceCents: 123_456, cashAvailableCents: 1_000_000 })).toEqual([49_000, 74_000, 98_000]);
  });

  it('a tiny $7.50 balance falls back to whole dollars: $3, $4, $6 (not $0)', () => {
    expect(figures({ balanceCents: 750, cashAvailableCents: 10_000 })).toEqual([300, 400, 600]);
  });

  it('under a dollar it keeps the cents: $1.50 → 60¢, 90¢, $1; and 1¢ stays 1¢', () => {
    expect(figures({ balanceCents: 150, cashAvailableCents: 10_000 })).toEqual([60, 90, 100]);
    expect(figures({ balanceCents: 1, cashAvailableCents: 10_000 })).toEqual([1, 1, 1]);
  });

  it('refuses amounts that are not cents (a caller bug, not user data)', () => {
    expect(() => offer({ balanceCents: 100.5, cashAvailableCents: 0 })).toThrow(RangeError);
    expect(() => offer({ balanceCents: 100, cashAvailableCents: -1 })).toThrow(RangeError);
    expect(() => offer({ balanceCents: 100, cashAvailableCents: 0, overEobCents: Number.NaN })).toThrow(RangeError);
  });
});

describe('rounding an offer so it sounds natural', () => {
  it('down to the step, then whole dollars, then cents', () => {
    expect([roundOfferDown(123_456, 1000), roundOfferDown(999, 1000), roundOfferDown(99, 1000), roundOfferDown(0, 1000)]).toEqual([123_000, 900, 99, 0]);
    expect(roundOfferDown(12_345, 100)).toBe(12_300);
  });
});

describe('which way to pay', () => {
  const balance = { balanceCents: 240_000 };

  it('$1,000 cash covers the $960 opening and there is no monthly budget: a lump sum', () => {
    expect(recommend({ ...balance, cashAvailableCents: 100_000, monthlyBudgetCents: 0 }, STRATEGY)).toEqual({
      recommendation: 'lumpSum', applyForAssistanceFirst: false, reasons: ['cashCoversOpening', 'noMonthlyBudget'],
    });
  });

  it('$500 cash is below the $960 opening but $100 a month is possible: a plan', () => {
    expect(recommend({ ...balance, cashAvailableCents: 50_000, monthlyBudgetCents: 10_000 }, STRATEGY)).toEqual({
      recommendation: 'plan', applyForAssistanceFirst: false, reasons: ['cashBelowOpening', 'monthlyBudget'],
    });
  });

  it('$1,000 cash and $100 a month: the lump sum first, a plan as the fallback', () => {
    expect(recommend({ ...balance, cashAvailableCents: 100_000, monthlyBudgetCents: 10_000 }, STRATEGY).recommendation).toBe('lumpSumThenPlan');
  });

  it('no cash and no monthly budget: neither (ask for a hold and financial assistance)', () => {
    expect(recommend({ ...balance, cashAvailableCents: 0, monthlyBudgetCents: 0 }, STRATEGY)).toEqual({
      recommendation: 'neither', applyForAssistanceFirst: false, reasons: ['noCash', 'noMonthlyBudget'],
    });
  });

  it('$300 cash, below the opening, and no monthly budget: offer the $300 as a lump sum', () => {
    expect(recommend({ ...balance, cashAvailableCents: 30_000, monthlyBudgetCents: 0 }, STRATEGY)).toEqual({
      recommendation: 'lumpSum', applyForAssistanceFirst: false, reasons: ['cashBelowOpening', 'noMonthlyBudget'],
    });
  });

  it('$50 a month would take more than 36 months for $2,400: the plan is flagged as stretched', () => {
    expect(recommend({ ...balance, cashAvailableCents: 0, monthlyBudgetCents: 5_000 }, STRATEGY).reasons).toEqual(['noCash', 'monthlyBudget', 'planStretched']);
  });

  it('free care likely: apply for assistance first, and $600 of cash already covers the lower $600 opening', () => {
    expect(recommend({ ...balance, cashAvailableCents: 60_000, monthlyBudgetCents: 0, assistanceTier: 'likelyFree' }, STRATEGY)).toEqual({
      recommendation: 'lumpSum', applyForAssistanceFirst: true, reasons: ['cashCoversOpening', 'noMonthlyBudget', 'assistanceLikely'],
    });
    expect(recommend({ ...balance, cashAvailableCents: 0, monthlyBudgetCents: 0, assistanceTier: 'likelyDiscount' }, STRATEGY).applyForAssistanceFirst).toBe(true);
    expect(recommend({ ...balance, cashAvailableCents: 0, monthlyBudgetCents: 0, assistanceTier: 'mayQualify' }, STRATEGY).applyForAssistanceFirst).toBe(false);
  });

  it('a bill that is all above the EOB: neither, nothing is left to pay once it is corrected', () => {
    expect(recommend({ ...balance, overEobCents: 240_000, cashAvailableCents: 100_000, monthlyBudgetCents: 10_000 }, STRATEGY)).toEqual({
      recommendation: 'neither', applyForAssistanceFirst: false, reasons: ['nothingLeftToPay'],
    });
  });

  it('refuses a monthly budget that is not cents', () => {
    expect(() => recommend({ ...balance, cashAvailableCents: 0, monthlyBudgetCents: 12.5 }, STRATEGY)).toThrow(RangeError);
  });
});
