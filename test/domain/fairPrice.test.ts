import fc from 'fast-check';
import { comparePrice } from '../../src/domain/fairPrice';
import { MAX_CENTS } from '../../src/domain/money';

describe('comparing a charge with a comparable price', () => {
  it('an MRI billed at $1,800 where the cash price is $450: $1,350 over (300%), ask for $450', () => {
    expect(comparePrice(180_000, 45_000)).toEqual({ chargeCents: 180_000, comparableCents: 45_000, overCents: 135_000, overPercent: 300, targetCents: 45_000 });
  });

  it('rounds the percent to a whole number ($100 vs $30: 233%)', () => {
    expect(comparePrice(10_000, 3_000).overPercent).toBe(233);
    expect(comparePrice(10_050, 10_000).overPercent).toBe(1); // 0.5% rounds up
  });

  it('a charge at or below the comparable price is not over, and the target never rises above the charge', () => {
    expect(comparePrice(20_000, 25_000)).toEqual({ chargeCents: 20_000, comparableCents: 25_000, overCents: 0, overPercent: 0, targetCents: 20_000 });
    expect(comparePrice(25_000, 25_000)).toMatchObject({ overCents: 0, overPercent: 0, targetCents: 25_000 });
  });

  it('a $0 comparable price gives no percent (0): a percent of nothing means nothing', () => {
    expect(comparePrice(5_000, 0)).toEqual({ chargeCents: 5_000, comparableCents: 0, overCents: 5_000, overPercent: 0, targetCents: 0 });
  });

  it('refuses amounts that are not cents (a caller bug, not user data)', () => {
    expect(() => comparePrice(10.5, 100)).toThrow(RangeError);
    expect(() => comparePrice(100, -1)).toThrow(RangeError);
  });
});

describe('comparePrice properties', () => {
  const amount = fc.integer({ min: 0, max: MAX_CENTS });

  it('the target is never above the charge, and never above the comparable price', () => {
    fc.assert(fc.property(amount, amount, (charge, comparable) => {
      const r = comparePrice(charge, comparable);
      return r.targetCents <= charge && r.targetCents <= comparable;
    }));
  });

  it('over + target == charge whenever the charge is at least the comparable price', () => {
    fc.assert(fc.property(amount, amount, (a, b) => {
      const [charge, comparable] = a >= b ? [a, b] : [b, a];
      const r = comparePrice(charge, comparable);
      return r.overCents + r.targetCents === charge;
    }));
  });

  it('over and percent are never negative, and every result is an integer', () => {
    fc.assert(fc.property(amount, amount, (charge, comparable) => {
      const r = comparePrice(charge, comparable);
      return r.overCents >= 0 && r.overPercent >= 0 && Object.values(r).every((v) => Number.isSafeInteger(v));
    }));
  });

  it('the percent is the over amount as a share of the comparable price, within rounding', () => {
    fc.assert(fc.property(amount, fc.integer({ min: 1, max: MAX_CENTS }), (charge, comparable) => {
      const r = comparePrice(charge, comparable);
      return Math.abs(r.overPercent - (r.overCents / comparable) * 100) <= 0.5;
    }));
  });
});
