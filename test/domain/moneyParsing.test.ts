import fc from 'fast-check';
import { MAX_CENTS, centsFromRecognized, formatCents } from '../../src/domain/money';
import { readAmount } from '../../src/domain/numberReading';

const several = (typed: string): boolean => {
  const reading = readAmount(typed);
  return 'problem' in reading && reading.problem === 'several';
};

describe('when the coach asks for one amount', () => {
  it.each([
    ['$1,250.50'],
    ['$1,250'],
    ['1250'],
    ['1250.00'],
    ['$45'],
    ['$0.99'],
    ['$10,000,000'],
    ['$1,250.50.'],
    ['I owe $1,250'],
    ['about $1,250 after insurance'],
    ['$1,250.50 (after insurance)'],
    ['two hundred dollars'],
  ])('"%s" is one amount', (typed) => {
    expect(readAmount(typed)).toHaveProperty('cents');
  });

  it.each([
    ['1.2.3'],
    ['400 or 500'],
    ['$400-$500'],
    ['between 1,000 and 2,000'],
    ['$1,250 on 3/4'],
    ['1 250'],
    ['1,25'],
    ['$1,2345'],
    ['$1,250 and I paid $250'],
  ])('"%s" is more than one number, so the coach asks again', (typed) => {
    expect(several(typed)).toBe(true);
  });

  it('takes any amount as the coach writes it as one amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_CENTS }), (cents) => {
        expect(readAmount(formatCents(cents))).toEqual({ cents, period: undefined, others: [] });
        expect(readAmount(`about ${formatCents(cents)} in total`)).toEqual({ cents, period: undefined, others: [] });
      }),
    );
  });

  it('notices two amounts however they are written', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_CENTS }), fc.integer({ min: 0, max: MAX_CENTS }), fc.constantFrom(' or ', ' and ', ' - ', ', maybe '), (a, b, between) => {
        expect(several(`${formatCents(a)}${between}${formatCents(b)}`)).toBe(true);
      }),
    );
  });
});

describe('an amount the number recognizer found', () => {
  it.each([
    [1250.5, 125050],
    [1250, 125000],
    [0.99, 99],
    [0.1 + 0.2, 30],
    [1.005, 101],
    [0, 0],
    [10_000_000, MAX_CENTS],
  ])('%p dollars is %p cents', (recognized, cents) => {
    expect(centsFromRecognized(recognized)).toBe(cents);
  });

  it.each([
    ['a negative amount', -1],
    ['more than $10 million', 10_000_000.01],
    ['not a number', Number.NaN],
    ['infinity', Number.POSITIVE_INFINITY],
    ['text', '1250'],
    ['nothing', undefined],
    ['null', null],
    ['an object', { value: 1250 }],
  ])('is not usable when it is %s', (_what, recognized) => {
    expect(centsFromRecognized(recognized)).toBeUndefined();
  });

  it('turns any dollars-and-cents figure into the same cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_CENTS }), (cents) => {
        expect(centsFromRecognized(cents / 100)).toBe(cents);
        expect(centsFromRecognized(Number((cents / 100).toFixed(2)))).toBe(cents);
      }),
    );
  });

  it('answers only with whole cents the coach accepts, or nothing', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.anything()), (recognized) => {
        const cents = centsFromRecognized(recognized);
        if (cents !== undefined) {
          expect(Number.isSafeInteger(cents)).toBe(true);
          expect(cents).toBeGreaterThanOrEqual(0);
          expect(cents).toBeLessThanOrEqual(MAX_CENTS);
        }
      }),
    );
  });
});
