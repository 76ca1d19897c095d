import * as Recognizers from '@microsoft/recognizers-text-date-time';
import fc from 'fast-check';
import { dayWordDate, explicitDate } from '../../src/domain/explicitDate';
import { realContent } from '../helpers/content';

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const recognized = (text: string, reference = new Date(2026, 10, 27, 12)): string[] =>
  (Recognizers.recognizeDateTime(text, 'en-us', Recognizers.DateTimeOptions.None, reference)[0]?.resolution?.values as { type: string; value?: string }[] | undefined ?? [])
    .filter((v) => v.type === 'date').map((v) => v.value ?? '');

describe('dates written out in full with their year are read without the recognizer', () => {
  it.each([
    ['2026-03-03', '2026-03-03'], ['3/3/2026', '2026-03-03'], ['12/15/2026', '2026-12-15'], ['March 3, 2026', '2026-03-03'],
    ['  march 3 2026 ', '2026-03-03'], ['Mar 3, 2026', '2026-03-03'], ['Sept 9, 2025', '2025-09-09'], ['Sep. 9, 2025', '2025-09-09'],
    ['December 1st, 2026', '2026-12-01'], ['February 29, 2028', '2028-02-29'],
  ])('%s → %s', (text, iso) => {
    expect(explicitDate(text)).toBe(iso);
  });

  it.each(['March 3', 'next Friday', 'today', '2/30/2026', 'February 29, 2026', '13/1/2026', 'Marching 3, 2026', '3/3/26', 'March 3, 2026 or so', '1e9', ''])(
    'leaves "%s" to the recognizer (no year, relative, impossible or more than a date)',
    (text) => {
      expect(explicitDate(text)).toBeUndefined();
    },
  );

  it('agrees with the SDK recognizer on every date it reads', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1950, 0, 1)), max: new Date(Date.UTC(2090, 11, 31)), noInvalidDate: true }), fc.integer({ min: 0, max: 2 }), (date, style) => {
        const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
        const text = [`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, `${m}/${d}/${y}`, `${MONTH_NAMES[m - 1]} ${d}, ${y}`][style] ?? '';
        const fast = explicitDate(text);
        expect(fast).toBeDefined();
        expect(recognized(text)).toEqual([fast]);
      }),
      { numRuns: 60 },
    );
  });
});

describe('"today", "yesterday" and "tomorrow" are counted from the user\'s day without the recognizer', () => {
  it.each([
    ['today', '2026-03-01'], ['Yesterday', '2026-02-28'], ['TOMORROW!', '2026-03-02'], [' today. ', '2026-03-01'],
  ])('%s on 2026-03-01 → %s', (text, iso) => {
    expect(dayWordDate(text, '2026-03-01')).toBe(iso);
  });

  it.each(['today or tomorrow', 'the day before yesterday', 'todays', 'constructor', '__proto__', 'toString', ''])('leaves "%s" to the recognizer', (text) => {
    expect(dayWordDate(text, '2026-03-01')).toBeUndefined();
  });

  it('agrees with the SDK recognizer across month, year and leap-day edges', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2080, 11, 31)), noInvalidDate: true }),
        fc.constantFrom('today', 'yesterday', 'tomorrow', 'Today.', 'YESTERDAY', 'tomorrow!'),
        (date, word) => {
          const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()];
          const today = `${y}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          expect(recognized(word, new Date(y, m, d, 12))).toEqual([dayWordDate(word, today)]);
        },
      ),
      { numRuns: 60, examples: [[new Date(Date.UTC(2028, 1, 29)), 'tomorrow'], [new Date(Date.UTC(2027, 0, 1)), 'yesterday'], [new Date(Date.UTC(2026, 11, 31)), 'tomorrow']] },
    );
  });
});

describe('a "not sure" answer to a date question skips the recognizer', () => {
  it('because the recognizer finds no date in any of the content\'s "not sure" phrases', () => {
    const phrases = realContent().list('cases.notSure');
    expect(phrases.length).toBeGreaterThan(5);
    for (const phrase of phrases) expect(recognized(phrase)).toEqual([]);
  });
});
