import fc from 'fast-check';
import { US_STATES, parseUsState } from '../../src/domain/usStates';

const entries = Object.entries(US_STATES);

describe('which state the user is in', () => {
  it('knows the 50 states and DC', () => {
    expect(entries).toHaveLength(51);
    expect(US_STATES.DC).toBe('District of Columbia');
    expect(new Set(Object.values(US_STATES)).size).toBe(51);
  });

  it.each([
    ['CA', 'CA'],
    ['ca', 'CA'],
    ['Ca', 'CA'],
    [' tx ', 'TX'],
    ['N.Y.', 'NY'],
    ['n.c.', 'NC'],
    ['California', 'CA'],
    ['california', 'CA'],
    ['  new york ', 'NY'],
    ['NEW MEXICO', 'NM'],
    ['North  Carolina', 'NC'],
    ['north-carolina', 'NC'],
    ['Texas.', 'TX'],
    ['West Virginia', 'WV'],
    ['Virginia', 'VA'],
    ['Washington', 'WA'],
    ['Kansas', 'KS'],
    ['Arkansas', 'AR'],
    ['Hawaiʻi', 'HI'],
    ['Hawaii', 'HI'],
  ])('understands "%s" as %s', (typed, code) => {
    expect(parseUsState(typed)).toBe(code);
  });

  it.each([
    ['DC'],
    ['dc'],
    ['D.C.'],
    ['d.c.'],
    ['DC.'],
    ['Washington DC'],
    ['Washington, D.C.'],
    ['washington d.c.'],
    ['District of Columbia'],
    ['district of columbia'],
  ])('understands "%s" as the District of Columbia', (typed) => {
    expect(parseUsState(typed)).toBe('DC');
  });

  it.each([
    ['nothing', ''],
    ['only spaces', '   '],
    ['a code that is no state', 'XX'],
    ['Puerto Rico, a territory', 'Puerto Rico'],
    ['Guam, a territory', 'GU'],
    ['a Canadian province', 'Ontario'],
    ['another country', 'Canada'],
    ['a city', 'Chicago'],
    ['a three-letter word', 'USA'],
    ['a sentence', 'I am not sure'],
  ])('asks again for %s ("%s")', (_what, typed) => {
    expect(parseUsState(typed)).toBeUndefined();
  });

  it('accepts every postal code in any case, with spaces around it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...entries).chain(([code]) => fc.tuple(fc.constant(code), fc.mixedCase(fc.constant(code)))),
        fc.constantFrom('', ' ', '  ', '\t'),
        ([code, typed], pad) => {
          expect(parseUsState(`${pad}${typed}${pad}`)).toBe(code);
        },
      ),
    );
  });

  it('accepts every state name in any case, with spaces around it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...entries).chain(([code, name]) => fc.tuple(fc.constant(code), fc.mixedCase(fc.constant(name)))),
        fc.constantFrom('', ' ', '  '),
        ([code, typed], pad) => {
          expect(parseUsState(`${pad}${typed}${pad}`)).toBe(code);
        },
      ),
    );
  });

  it('never throws, and answers only with a known postal code', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (typed) => {
        const code = parseUsState(typed);
        if (code !== undefined) expect(Object.keys(US_STATES)).toContain(code);
      }),
    );
  });
});
