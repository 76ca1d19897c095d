import fc from 'fast-check';
import { annualIncomeCents, householdSizeProblem, incomeProblem, INCOME_PERIODS, screenAssistance } from '../../src/domain/charityCare';
import { TABLE_2026 } from '../helpers/povertyTable';

const TYPICAL = { freeUpTo: 200, discountUpTo: 400 };

describe('turning what someone earns into a yearly income', () => {
  it.each([
    ['$41,600 a year', 4_160_000, 'year', undefined, 4_160_000],
    ['$2,500 a month', 250_000, 'month', undefined, 3_000_000],
    ['$800 a week', 80_000, 'week', undefined, 4_160_000],
    ['$20 an hour, 40 hours a week', 2_000, 'hour', undefined, 4_160_000],
    ['$15 an hour, 30 hours a week', 1_500, 'hour', 30, 2_340_000],
    ['$18.50 an hour, 37.5 hours a week', 1_850, 'hour', 37.5, 3_607_500],
    ['$15.25 an hour, 10⅛ hours a week ($8,029.125: half a cent rounds up)', 1_525, 'hour', 10.125, 802_913],
    ['$3.33 an hour, 17.3 hours a week ($2,995.668)', 333, 'hour', 17.3, 299_567],
    ['nothing', 0, 'month', undefined, 0],
  ] as const)('%s → %i cents a year', (_label, amount, period, hours, expected) => {
    expect(annualIncomeCents(amount, period, hours)).toBe(expected);
  });

  it.each([
    ['a negative amount', -100, 'year', 40], ['a fraction of a cent', 10.5, 'month', 40],
    ['0 hours a week', 2_000, 'hour', 0], ['more hours than a week has', 2_000, 'hour', 169], ['NaN hours', 2_000, 'hour', NaN],
  ] as const)('refuses %s (a caller bug)', (_label, amount, period, hours) => {
    expect(() => annualIncomeCents(amount, period, hours)).toThrow(RangeError);
  });

  it('is a whole number of cents and never falls when the amount rises (any period, any hours)', () => {
    const amount = fc.integer({ min: 0, max: 100_000_000 });
    const hours = fc.double({ min: 0.25, max: 168, noNaN: true });
    fc.assert(fc.property(amount, amount, fc.constantFrom(...INCOME_PERIODS), hours, (a, b, period, h) => {
      const [low, high] = a <= b ? [a, b] : [b, a];
      const lowYear = annualIncomeCents(low, period, h);
      const highYear = annualIncomeCents(high, period, h);
      return Number.isSafeInteger(lowYear) && Number.isSafeInteger(highYear) && lowYear <= highYear;
    }));
  });

  it('a yearly amount stays exactly as given', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), (cents) => annualIncomeCents(cents, 'year') === cents));
  });
});

describe('screening for financial assistance (typical tiers 200% / 400%, 2026, one person: $15,960)', () => {
  it.each([
    ['no income', 0, 0, 'likelyFree'],
    ['$31,920 (exactly 200%)', 3_192_000, 200, 'likelyFree'],
    ['$32,079.59 (200.99%, shown as 200%)', 3_207_959, 200, 'likelyFree'],
    ['$32,079.60 (201%)', 3_207_960, 201, 'likelyDiscount'],
    ['$63,840 (exactly 400%)', 6_384_000, 400, 'likelyDiscount'],
    ['$63,999.59 (400.99%, shown as 400%)', 6_399_959, 400, 'likelyDiscount'],
    ['$63,999.60 (401%)', 6_399_960, 401, 'mayQualify'],
    ['$250,000', 25_000_000, 1566, 'mayQualify'],
  ] as const)('%s → %i%%: %s', (_label, income, percent, tier) => {
    expect(screenAssistance({ householdSize: 1, annualIncomeCents: income, state: 'OH' }, TABLE_2026, TYPICAL)).toEqual({
      percent, year: 2026, source: 'HHS/ASPE poverty guidelines, 91 FR 1797', guidelineCents: 1_596_000, tier,
    });
  });

  it('uses the Alaska and Hawaii figures there, and the 48-state figures without a state', () => {
    const income = { householdSize: 4, annualIncomeCents: 7_000_000 };
    expect(screenAssistance({ ...income, state: 'AK' }, TABLE_2026, TYPICAL)).toMatchObject({ guidelineCents: 4_125_000, percent: 169, tier: 'likelyFree' });
    expect(screenAssistance({ ...income, state: 'HI' }, TABLE_2026, TYPICAL)).toMatchObject({ guidelineCents: 3_795_000, percent: 184, tier: 'likelyFree' });
    expect(screenAssistance(income, TABLE_2026, TYPICAL)).toMatchObject({ guidelineCents: 3_300_000, percent: 212, tier: 'likelyDiscount' });
  });

  it('follows the thresholds an operator sets in the data file', () => {
    const input = { householdSize: 1, annualIncomeCents: 4_000_000 }; // 250%
    expect(screenAssistance(input, TABLE_2026, TYPICAL).tier).toBe('likelyDiscount');
    expect(screenAssistance(input, TABLE_2026, { freeUpTo: 250, discountUpTo: 300 }).tier).toBe('likelyFree');
    expect(screenAssistance(input, TABLE_2026, { freeUpTo: 150, discountUpTo: 249 }).tier).toBe('mayQualify');
  });
});

describe('answers the screen cannot use', () => {
  it.each([
    [0, 'tooSmall'], [-3, 'tooSmall'], [40, 'tooLarge'], [21, 'tooLarge'], [2.5, 'notWhole'], [NaN, 'notWhole'],
    [1, undefined], [4, undefined], [20, undefined],
  ] as const)('a household of %p people: %p', (size, problem) => {
    expect(householdSizeProblem(size)).toBe(problem);
  });

  it.each([
    ['-$1', -100, 'negative'], ['$0', 0, undefined], ['$10,000,000', 1_000_000_000, undefined],
    ['$10,000,000.01', 1_000_000_001, 'tooLarge'],
  ] as const)('a yearly income of %s: %p', (_label, cents, problem) => {
    expect(incomeProblem(cents)).toBe(problem);
  });

  it('an income that is not whole cents is a caller bug', () => {
    expect(() => incomeProblem(12.5)).toThrow(RangeError);
  });
});
