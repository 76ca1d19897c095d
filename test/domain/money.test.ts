import fc from 'fast-check';
import { MAX_CENTS, dollarsToCents, formatCents } from '../../src/domain/money';

describe('money', () => {
  it.each([
    [1250.5, 125050],
    [0.1 + 0.2, 30],
    [19.99, 1999],
    [1.005, 101],
    [0, 0],
    [1200, 120000],
  ])('turns $%p into %p cents', (dollars, cents) => {
    expect(dollarsToCents(dollars)).toEqual({ cents });
  });

  it.each([
    [Number.NaN, 'not_a_number'],
    [Number.POSITIVE_INFINITY, 'not_a_number'],
    [-5, 'negative'],
    [1e9, 'too_large'],
  ])('refuses %p as a bill amount (%s)', (dollars, problem) => {
    expect(dollarsToCents(dollars)).toEqual({ problem });
  });

  it('formats the way people read amounts: cents only when there are some', () => {
    expect(formatCents(125050)).toBe('$1,250.50');
    expect(formatCents(120000)).toBe('$1,200');
    expect(formatCents(5)).toBe('$0.05');
    expect(() => formatCents(1.5)).toThrow(RangeError);
  });

  it('round-trips every amount in cents through dollars and back (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_CENTS }), (cents) => {
        expect(dollarsToCents(cents / 100)).toEqual({ cents });
      }),
    );
  });

  it('formats every amount as $ followed by grouped digits (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_CENTS }), (cents) => {
        const text = formatCents(cents);
        expect(text).toMatch(/^\$\d{1,3}(,\d{3})*(\.\d{2})?$/);
        expect(Math.round(Number(text.replace(/[$,]/g, '')) * 100)).toBe(cents);
      }),
    );
  });
});
