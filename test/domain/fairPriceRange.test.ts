import fc from 'fast-check';
import { chargeAgainstMedicare, fairPriceMultiplesSchema, fairPriceRange, type FairPriceMultiples } from '../../src/domain/fairPriceRange';
import { MAX_CENTS } from '../../src/domain/money';
import { realData } from '../helpers/content';

const multiples: FairPriceMultiples = realData().fairPriceMultiples;

describe('a fair cash price from what Medicare pays', () => {
  it('ships 150%-200% of Medicare as the fair range, twice Medicare to ask for, and RAND\'s 254% for context, each with its source and year', () => {
    expect(multiples).toMatchObject({ range: { lowPercent: 150, highPercent: 200, year: 2026 }, askPercent: 200, employerPlans: { percent: 254, year: 2024 } });
    expect(multiples.employerPlans.source).toMatch(/RAND/);
    expect(multiples.range.source.length).toBeGreaterThan(20);
  });

  it('an ER visit Medicare pays $117.03 for in Ohio: a fair price is $175.55 to $234.06; ask for $234.06', () => {
    expect(fairPriceRange(11_703, multiples)).toEqual({ medicareCents: 11_703, lowCents: 17_555, highCents: 23_406, askCents: 23_406, askPercent: 200 });
  });

  it('billed $1,450 for it: $1,332.97 (1,139%) above Medicare, and worth asking to pay $234.06', () => {
    expect(chargeAgainstMedicare(145_000, 11_703, multiples)).toMatchObject({
      chargeCents: 145_000, medicareCents: 11_703, overMedicareCents: 133_297, overMedicarePercent: 1139, askCents: 23_406, aboveAsk: true,
    });
  });

  it('a charge already at or below twice Medicare is not worth arguing, and the ask never rises above the charge', () => {
    expect(chargeAgainstMedicare(20_000, 11_703, multiples)).toMatchObject({ overMedicarePercent: 71, askCents: 20_000, aboveAsk: false });
    expect(chargeAgainstMedicare(10_000, 11_703, multiples)).toMatchObject({ overMedicareCents: 0, overMedicarePercent: 0, aboveAsk: false });
  });

  it('has no range without a Medicare figure (a caller bug)', () => {
    expect(() => fairPriceRange(0, multiples)).toThrow(RangeError);
    expect(() => chargeAgainstMedicare(1.5, 100, multiples)).toThrow(RangeError);
  });

  it('always: low <= ask <= high, whole cents, and the ask within [0, charge]', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: MAX_CENTS }), (medicare, charge) => {
      const r = chargeAgainstMedicare(charge, medicare, multiples);
      return Number.isInteger(r.lowCents) && r.lowCents <= fairPriceRange(medicare, multiples).askCents && r.highCents >= r.lowCents
        && r.askCents <= charge && r.askCents >= 0 && r.overMedicareCents <= charge;
    }));
  });
});

describe('the multiples file', () => {
  const valid = { range: { lowPercent: 150, highPercent: 200, source: 'advocates', year: 2026 }, askPercent: 200, employerPlans: { percent: 254, source: 'RAND', year: 2024 } };
  const problems = (raw: unknown) => {
    const r = fairPriceMultiplesSchema.safeParse(raw);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('accepts the shipped shape', () => {
    expect(problems(valid)).toEqual([]);
  });

  it('names the key to fix: an ask outside the range, a range upside down, a fraction of Medicare, a misspelt key', () => {
    expect(problems({ ...valid, askPercent: 250 })).toEqual(['askPercent: must lie within the range (lowPercent to highPercent)']);
    expect(problems({ ...valid, range: { ...valid.range, lowPercent: 210 } })[0]).toMatch(/^range\.highPercent: must be at least lowPercent/);
    expect(problems({ ...valid, askPercent: 2 })[0]).toMatch(/^askPercent: expected a whole percent/);
    expect(problems({ ...valid, askPrecent: 200 }).join('\n')).toMatch(/askPrecent/);
  });
});
