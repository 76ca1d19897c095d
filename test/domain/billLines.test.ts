import fc from 'fast-check';
import { ParsedLine, linesTotalCents, parseBillLine, parseLineNumbers } from '../../src/domain/billLines';
import { MAX_CENTS, formatCents } from '../../src/domain/money';

const TODAY = '2026-11-27';
const PROBLEMS = ['noCharge', 'badCharge', 'futureDate', 'badDate', 'tooLong'];

/** "$1,234,567" from 1234567 dollars, the way people group digits. */
const grouped = (dollars: number) => String(dollars).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

describe('a bill line the user types', () => {
  const line = (fields: Partial<ParsedLine> & { chargeCents: number }): ParsedLine => ({ units: 1, ...fields });

  it.each<[string, ParsedLine]>([
    // The example the coach shows, and the same line typed other ways.
    ['3/4/2026, 99284, ER visit, 1, $1,250.00', line({ date: '2026-03-04', code: '99284', description: 'ER visit', chargeCents: 125000 })],
    ['3/4/2026,99284,ER visit,1,$1,250.00', line({ date: '2026-03-04', code: '99284', description: 'ER visit', chargeCents: 125000 })],
    ['03/04/2026, 99284, ER visit, $1,250', line({ date: '2026-03-04', code: '99284', description: 'ER visit', chargeCents: 125000 })],
    ['3/4/26, 99284, ER visit, 1250.00', line({ date: '2026-03-04', code: '99284', description: 'ER visit', chargeCents: 125000 })],
    ['2026-03-04, 99284, ER visit, 1,250', line({ date: '2026-03-04', code: '99284', description: 'ER visit', chargeCents: 125000 })],
    ['March 4, 2026, 99284, ER visit, $1,250', line({ date: '2026-03-04', code: '99284', description: 'ER visit', chargeCents: 125000 })],
    ['Mar 4 2026, Room and board, $2,000', line({ date: '2026-03-04', description: 'Room and board', chargeCents: 200000 })],
    ['Sept. 14, 2026, ER, $45', line({ date: '2026-09-14', description: 'ER', chargeCents: 4500 })],
    // Descriptions with commas of their own.
    ['3/4/2026, 99284, ER visit, level 4, 1, $1,250.00', line({ date: '2026-03-04', code: '99284', description: 'ER visit, level 4', chargeCents: 125000 })],
    ['ER visit, level 4, $1,250', line({ description: 'ER visit, level 4', chargeCents: 125000 })],
    ['Room and board, semi-private, 2 days, $3,000.00', line({ description: 'Room and board, semi-private, 2 days', chargeCents: 300000 })],
    // Units, however they are written.
    ['Lab, 85025, CBC, x2, $90', line({ code: '85025', description: 'Lab, CBC', units: 2, chargeCents: 9000 })],
    ['85025, CBC w/ diff, 2x, $90.00', line({ code: '85025', description: 'CBC w/ diff', units: 2, chargeCents: 9000 })],
    ['J1100, dexamethasone 1 mg, 4 units, 12.00', line({ code: 'J1100', description: 'dexamethasone 1 mg', units: 4, chargeCents: 1200 })],
    ['Tylenol 500 mg, 2, $12', line({ description: 'Tylenol 500 mg', units: 2, chargeCents: 1200 })],
    ['ER, 1 unit, $45', line({ description: 'ER', chargeCents: 4500 })],
    ['Saline flush, x 3, $27.75', line({ description: 'Saline flush', units: 3, chargeCents: 2775 })],
    // Codes of every shape: CPT, HCPCS, revenue codes, CPT category II.
    ['X-ray chest, 71046, 1, $350.00', line({ code: '71046', description: 'X-ray chest', chargeCents: 35000 })],
    ['j1885, ketorolac injection, $38.50', line({ code: 'J1885', description: 'ketorolac injection', chargeCents: 3850 })],
    ['0450, emergency room, 1250.00', line({ code: '0450', description: 'emergency room', chargeCents: 125000 })],
    ['0250, pharmacy, $312.40', line({ code: '0250', description: 'pharmacy', chargeCents: 31240 })],
    ['3/4/26, 0450, ER, $1,250   ', line({ date: '2026-03-04', code: '0450', description: 'ER', chargeCents: 125000 })],
    ['3074F, $0.01', line({ code: '3074F', chargeCents: 1 })],
    // Other separators people paste from spreadsheets and portals.
    ['ER visit; 99284; $1,250.00', line({ code: '99284', description: 'ER visit', chargeCents: 125000 })],
    ['3/4/2026\t99284\tER visit\t1\t$1,250.00', line({ date: '2026-03-04', code: '99284', description: 'ER visit', chargeCents: 125000 })],
    ['ER | 99284 | $1,250.00', line({ code: '99284', description: 'ER', chargeCents: 125000 })],
    // Only the charge, and amounts written every way.
    ['$1,250', line({ chargeCents: 125000 })],
    ['1250', line({ chargeCents: 125000 })],
    ['  $45.5  ', line({ chargeCents: 4550 })],
    ['ER, $ 45', line({ description: 'ER', chargeCents: 4500 })],
    ['ER, $1,250.50,', line({ description: 'ER', chargeCents: 125050 })],
    ['Surgery, $1,234,567.89', line({ description: 'Surgery', chargeCents: 123456789 })],
    ['Today’s visit, 11/27/2026, $5', line({ date: '2026-11-27', description: 'Today’s visit', chargeCents: 500 })],
    ['Anesthesia, 00790, 12/31/2025, $2,400', line({ date: '2025-12-31', code: '00790', description: 'Anesthesia', chargeCents: 240000 })],
  ])('reads "%s"', (typed, expected) => {
    expect(parseBillLine(typed, TODAY)).toEqual({ line: expected });
  });

  it.each([
    ['only a description', 'ER visit', 'noCharge'],
    ['the charge first', '$150, office visit', 'noCharge'],
    ['nothing at all', '', 'noCharge'],
    ['only commas', ' , , ', 'noCharge'],
    ['a charge of $0', 'Lab, 85025, $0', 'badCharge'],
    ['a charge of $0.00', 'Lab, 85025, $0.00', 'badCharge'],
    ['a credit', 'Adjustment, -$50', 'badCharge'],
    ['fractions of a cent', 'ER, $1,250.005', 'badCharge'],
    ['dollars spelled out', 'ER, 45 dollars', 'badCharge'],
    ['more than the coach takes for one bill', 'ER, $10,000,001', 'badCharge'],
    ['a date of service later than today', '11/28/2026, ER, $5', 'futureDate'],
    ['a date next year', '1/2/2027, 99284, ER visit, $1,250', 'futureDate'],
    ['a date next month, in words', 'December 1, 2026, ER, $5', 'futureDate'],
    ['February 30', '2/30/2026, ER, $10', 'badDate'],
    ['April 31', '4/31/2026, ER, $10', 'badDate'],
    ['month 13', '13/4/2026, ER, $10', 'badDate'],
    ['February 30 in words', 'February 30, 2026, ER, $10', 'badDate'],
    ['301 characters', `3/4/2026, 99284, ${'ER visit level 4 '.repeat(20).slice(0, 270)}, 1, $1,250.00`, 'tooLong'],
  ])('asks again for %s', (what, typed, problem) => {
    if (what === '301 characters') expect(typed).toHaveLength(301);
    expect(parseBillLine(typed, TODAY)).toEqual({ problem });
  });

  it('takes a line of exactly 300 characters and refuses 301', () => {
    const at = (length: number) => `${'Supplies '.repeat(40).slice(0, length - 8)}, $45.00`;
    expect(at(300)).toHaveLength(300);
    expect(parseBillLine(at(300), TODAY)).toMatchObject({ line: { chargeCents: 4500 } });
    expect(parseBillLine(at(301), TODAY)).toEqual({ problem: 'tooLong' });
  });

  it('keeps a long description to 120 characters', () => {
    const parsed = parseBillLine(`${'Comprehensive metabolic panel '.repeat(7)}, $45`, TODAY);
    expect('line' in parsed && parsed.line.description?.length).toBe(120);
  });

  it('never throws on whatever is typed, and answers with a line or a known problem', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 320 }), (typed) => {
        const parsed = parseBillLine(typed, TODAY);
        if ('problem' in parsed) expect(PROBLEMS).toContain(parsed.problem);
        else {
          expect(Number.isSafeInteger(parsed.line.chargeCents)).toBe(true);
          expect(parsed.line.chargeCents).toBeGreaterThan(0);
          expect(parsed.line.chargeCents).toBeLessThanOrEqual(MAX_CENTS);
          expect(parsed.line.units).toBeGreaterThanOrEqual(1);
          expect(parsed.line.units).toBeLessThanOrEqual(999);
          expect((parsed.line.description ?? '').length).toBeLessThanOrEqual(120);
          if (parsed.line.date) expect(parsed.line.date <= TODAY).toBe(true);
        }
      }),
    );
  });

  it('never throws on lines shaped like bill lines', () => {
    const field = fc.oneof(
      fc.constantFrom('3/4/2026', '99284', 'J1100', '0450', 'x2', '2 units', 'ER visit', 'level 4', '$1,250.00', '1,250', '2/30/2026', ''),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(field, { maxLength: 8 }), fc.constantFrom(', ', ',', '; ', '\t', ' | '), (fields, separator) => {
        const parsed = parseBillLine(fields.join(separator), TODAY);
        expect('line' in parsed || PROBLEMS.includes(parsed.problem)).toBe(true);
      }),
    );
  });

  it('reads any charge written as $ and grouped digits as the same cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_CENTS }), fc.boolean(), (cents, alwaysCents) => {
        const dollars = Math.floor(cents / 100);
        const rest = cents % 100;
        const typed = `$${grouped(dollars)}${rest > 0 || alwaysCents ? `.${String(rest).padStart(2, '0')}` : ''}`;
        expect(parseBillLine(typed, TODAY)).toEqual({ line: { chargeCents: cents, units: 1 } });
        expect(parseBillLine(`3/4/2026, 99284, ER visit, level 4, 1, ${typed}`, TODAY)).toEqual({
          line: { date: '2026-03-04', code: '99284', description: 'ER visit, level 4', units: 1, chargeCents: cents },
        });
      }),
    );
  });

  it('reads back every amount the coach itself shows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_CENTS }), (cents) => {
        expect(parseBillLine(`ER visit, ${formatCents(cents)}`, TODAY)).toMatchObject({ line: { chargeCents: cents } });
        expect(parseBillLine(`ER visit, ${(cents / 100).toFixed(2)}`, TODAY)).toMatchObject({ line: { chargeCents: cents } });
      }),
    );
  });
});

describe('which lines the user says were not received', () => {
  it.each([
    ['2, 3 and 5', 5, [2, 3, 5]],
    ['2,3', 5, [2, 3]],
    ['5 2', 5, [2, 5]],
    ['line 4', 5, [4]],
    ['#1 and #3', 3, [1, 3]],
    ['2, 2, 3', 5, [2, 3]],
    ['2-4', 5, [2, 3, 4]],
    ['2 – 4', 5, [2, 3, 4]],
    ['2 to 4', 5, [2, 3, 4]],
    ['1 through 3 and 5', 5, [1, 2, 3, 5]],
    ['1', 1, [1]],
  ])('reads "%s" out of %i lines as %p', (typed, count, numbers) => {
    expect(parseLineNumbers(typed, count)).toEqual(numbers);
  });

  it.each([
    ['a line that does not exist', '6', 5],
    ['line zero', '0', 5],
    ['one good and one bad number', '2 and 7', 5],
    ['a range past the last line', '3-6', 5],
    ['an absurd range', '1-999999999', 5],
    ['no numbers', 'the blood test', 5],
    ['any number when there are no lines', '1', 0],
  ])('asks again for %s ("%s" of %i)', (_what, typed, count) => {
    expect(parseLineNumbers(typed, count)).toBeUndefined();
  });

  it('answers only with distinct line numbers in order, within the bill', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.integer({ min: 0, max: 50 }), (typed, count) => {
        const numbers = parseLineNumbers(typed, count);
        if (numbers === undefined) return;
        expect(numbers.length).toBeGreaterThan(0);
        expect([...numbers].sort((a, b) => a - b)).toEqual(numbers);
        expect(new Set(numbers).size).toBe(numbers.length);
        for (const n of numbers) expect(n >= 1 && n <= count).toBe(true);
      }),
    );
  });

  it('reads back any list of line numbers written with commas and "and"', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 6 }), (picked) => {
        const typed = picked.length > 1 ? `${picked.slice(0, -1).join(', ')} and ${picked.at(-1)}` : String(picked[0]);
        expect(parseLineNumbers(typed, 40)).toEqual([...picked].sort((a, b) => a - b));
      }),
    );
  });
});

describe('the total of the lines', () => {
  it.each([
    [[], 0],
    [[{ chargeCents: 125000 }], 125000],
    [[{ chargeCents: 125000 }, { chargeCents: 4500 }, { chargeCents: 1 }], 129501],
  ])('of %p is %i cents', (lines, total) => {
    expect(linesTotalCents(lines)).toBe(total);
  });

  it('is the sum of the charges of the lines the user typed', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: MAX_CENTS }), { maxLength: 100 }), (charges) => {
        const lines = charges.map((cents) => parseBillLine(`ER visit, ${formatCents(cents)}`, TODAY)).map((p) => ('line' in p ? p.line : { chargeCents: NaN }));
        expect(linesTotalCents(lines)).toBe(charges.reduce((a, b) => a + b, 0));
      }),
    );
  });
});

describe('lines typed without commas, and short years', () => {
  const TODAY = '2026-11-27';
  it('reads "Office visit 99213 $150" as code, words and charge', () => {
    expect(parseBillLine('Office visit 99213 $150', TODAY)).toEqual({ line: { description: 'Office visit', code: '99213', units: 1, chargeCents: 15000 } });
  });
  it('does not take a level number at the end for the charge', () => {
    expect(parseBillLine('ER visit, level 4', TODAY)).toEqual({ problem: 'noCharge' });
  });
  it('reads a two-digit year ahead of this year as last century, not seventy years ahead', () => {
    expect(parseBillLine('3/4/99, 99284, ER, $40', TODAY)).toMatchObject({ line: { date: '1999-03-04' } });
    expect(parseBillLine('3/4/26, 99284, ER, $40', TODAY)).toMatchObject({ line: { date: '2026-03-04' } });
  });
});
