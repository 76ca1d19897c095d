import fc from 'fast-check';
import { DateCandidate, nextWeekday, pickDate, userToday } from '../../src/domain/calendar';
import { addDays, daysBetween } from '../../src/domain/dateMath';

/** What the date recognizer returns for a day without a year: last year's and next year's. */
const dates = (...values: string[]): DateCandidate[] => values.map((value) => ({ type: 'date', value }));
const iso = (d: Date) => d.toISOString().slice(0, 10);
const isoDates = (min: string, max: string) =>
  fc.date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true }).map(iso);

describe("the user's today", () => {
  const serverNow = new Date('2026-11-28T07:30:00Z');

  it.each([
    ['late evening in California, already tomorrow in UTC', '2026-11-27T23:30:00-08:00', '2026-11-27'],
    ['New Year’s Eve in Hawaii, New Year’s Day in UTC', '2026-12-31T22:00:00-10:00', '2026-12-31'],
    ['just after midnight in Tokyo, still yesterday in UTC', '2026-11-29T00:15:00+09:00', '2026-11-29'],
    ['the channel sends UTC', '2026-11-28T07:30:00.000Z', '2026-11-28'],
    ['a leap day in New York', '2028-02-29T20:00:00-05:00', '2028-02-29'],
  ])('is the date on the user’s clock when %s (%s)', (_when, localTimestamp, today) => {
    expect(userToday(localTimestamp, serverNow)).toBe(today);
  });

  it.each([
    ['no local timestamp', undefined],
    ['an unreadable timestamp', 'yesterday evening'],
    ['an empty timestamp', ''],
    ['a timestamp with an impossible date', '2026-02-30T10:00:00-05:00'],
    ['a Date object, which has lost the user’s offset', new Date('2026-11-27T10:00:00Z')],
  ])('falls back to the server’s UTC date with %s', (_what, localTimestamp) => {
    expect(userToday(localTimestamp, serverNow)).toBe('2026-11-28');
  });

  it('reads the calendar date of any local timestamp, whatever its offset', () => {
    const offsets = fc.constantFrom('-10:00', '-08:00', '-05:00', 'Z', '+00:00', '+05:30', '+09:00', '+14:00');
    fc.assert(
      fc.property(isoDates('2000-01-01', '2099-12-31'), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), offsets, (date, h, m, offset) => {
        const stamp = `${date}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00${offset}`;
        expect(userToday(stamp, serverNow)).toBe(date);
      }),
    );
  });
});

describe('the date a user meant', () => {
  describe('for a date in the past (date of service, date of the bill)', () => {
    it.each([
      ['"March 3", late in the year', '2026-11-27', dates('2026-03-03', '2027-03-03'), '2026-03-03'],
      ['"December 30", two days into the new year', '2026-01-02', dates('2025-12-30', '2026-12-30'), '2025-12-30'],
      ['"January 1", on January 1', '2026-01-01', dates('2026-01-01', '2027-01-01'), '2026-01-01'],
      ['"today"', '2026-11-27', dates('2026-11-27'), '2026-11-27'],
      ['"December 31", on New Year’s Eve', '2026-12-31', dates('2026-12-31', '2027-12-31'), '2026-12-31'],
      ['"February 28", on March 1', '2026-03-01', dates('2026-02-28', '2027-02-28'), '2026-02-28'],
      ['"February 29", in a year without one', '2026-11-27', dates('2024-02-29', '2028-02-29'), '2024-02-29'],
      ['"May 31", on April 30', '2026-04-30', dates('2025-05-31', '2026-05-31'), '2025-05-31'],
      ['"the 31st", in a 30-day month', '2026-04-30', dates('2026-03-31', '2026-05-31'), '2026-03-31'],
      ['"last Friday"', '2026-11-27', dates('2026-11-20'), '2026-11-20'],
      ['"March 3, 2026 at 10am"', '2026-11-27', [{ type: 'datetime', value: '2026-03-03 10:00:00' }], '2026-03-03'],
      ['"March 3" with candidates out of order', '2026-11-27', dates('2027-03-03', '2026-03-03'), '2026-03-03'],
      ['a date nine and a half years ago', '2026-11-27', dates('2017-05-27'), '2017-05-27'],
    ])('understands %s (today %s)', (_said, today, candidates, date) => {
      expect(pickDate(candidates, today, 'past')).toEqual({ date });
    });

    it.each([
      ['"in 2 weeks", a range with no single day', [{ type: 'daterange', start: '2026-12-11', end: '2026-12-12' }], 'vague'],
      ['"last month"', [{ type: 'daterange', start: '2026-10-01', end: '2026-11-01' }], 'vague'],
      ['"3pm", a time of day', [{ type: 'time', value: '15:00:00' }], 'vague'],
      ['a day the recognizer left without a year', [{ type: 'date', value: 'XXXX-03-03' }], 'vague'],
      ['nothing the recognizer could read', [], 'unclear'],
      ['"next Tuesday", only in the future', dates('2026-12-01'), 'future'],
      ['"tomorrow"', dates('2026-11-28'), 'future'],
      ['"March 3, 2015", eleven years ago', dates('2015-03-03'), 'tooOld'],
      ['"1999"', dates('1999-11-27'), 'tooOld'],
    ])('asks again about %s', (_said, candidates, problem) => {
      expect(pickDate(candidates, '2026-11-27', 'past')).toEqual({ problem });
    });

    it('never picks a day after today, and picks the latest past candidate within ten years', () => {
      fc.assert(
        fc.property(isoDates('2010-01-01', '2040-12-31'), fc.array(isoDates('2000-01-01', '2050-12-31'), { minLength: 1, maxLength: 4 }), (today, values) => {
          const picked = pickDate(dates(...values), today, 'past');
          const recent = values.filter((v) => v <= today && daysBetween(v, today) <= 3650).sort();
          if (recent.length > 0) expect(picked).toEqual({ date: recent.at(-1) });
          if ('date' in picked) {
            expect(values).toContain(picked.date);
            expect(picked.date <= today).toBe(true);
          } else if (values.every((v) => v > today)) {
            expect(picked).toEqual({ problem: 'future' });
          }
        }),
      );
    });
  });

  describe('for a date that may be ahead (a due date)', () => {
    it.each([
      ['"March 3", late in the year: next March', '2026-11-27', dates('2026-03-03', '2027-03-03'), '2027-03-03'],
      ['"December 30", two days into the new year: three days ago', '2026-01-02', dates('2025-12-30', '2026-12-30'), '2025-12-30'],
      ['"January 5", just before New Year: in a week', '2026-12-28', dates('2026-01-05', '2027-01-05'), '2027-01-05'],
      ['"November 20", a week after it: overdue', '2026-11-27', dates('2026-11-20', '2027-11-20'), '2026-11-20'],
      ['"December 15", a few weeks ahead', '2026-11-27', dates('2025-12-15', '2026-12-15'), '2026-12-15'],
      ['"in 30 days"', '2026-11-27', dates('2026-12-27'), '2026-12-27'],
      ['"today"', '2026-11-27', dates('2026-11-27'), '2026-11-27'],
    ])('understands %s (today %s)', (_said, today, candidates, date) => {
      expect(pickDate(candidates, today, 'any')).toEqual({ date });
    });

    it.each([
      ['"in 2 weeks"', [{ type: 'daterange', start: '2026-12-11', end: '2026-12-12' }], 'vague'],
      ['nothing readable', [], 'unclear'],
      ['"June 1, 2012"', dates('2012-06-01'), 'tooOld'],
    ])('asks again about %s', (_said, candidates, problem) => {
      expect(pickDate(candidates, '2026-11-27', 'any')).toEqual({ problem });
    });

    it('picks the candidate nearest today', () => {
      fc.assert(
        fc.property(isoDates('2010-01-01', '2040-12-31'), fc.array(isoDates('2005-01-01', '2045-12-31'), { minLength: 1, maxLength: 4 }), (today, values) => {
          const picked = pickDate(dates(...values), today, 'any');
          const distance = (d: string) => Math.abs(daysBetween(today, d));
          const nearest = Math.min(...values.map(distance));
          if ('date' in picked) expect(distance(picked.date)).toBe(nearest);
          else expect(picked).toEqual({ problem: 'tooOld' });
        }),
      );
    });
  });
});

describe('follow-up days', () => {
  it.each([
    ['a Saturday', '2026-11-28', '2026-11-30'],
    ['a Sunday', '2026-11-29', '2026-11-30'],
    ['the Saturday after Christmas', '2026-12-26', '2026-12-28'],
    ['the first Saturday of a new year', '2027-01-02', '2027-01-04'],
    ['a Saturday at the end of January', '2026-01-31', '2026-02-02'],
    ['the last Sunday of February', '2027-02-28', '2027-03-01'],
    ['a Saturday before a leap day', '2028-02-26', '2028-02-28'],
  ])('move from %s (%s) to the Monday after', (_day, date, monday) => {
    expect(nextWeekday(date)).toBe(monday);
  });

  it.each([
    ['a Friday', '2026-11-27'],
    ['a Thursday', '2026-12-31'],
    ['a Monday', '2026-11-30'],
  ])('stay on %s (%s)', (_day, date) => {
    expect(nextWeekday(date)).toBe(date);
  });

  it('always land on a weekday, at most two days later', () => {
    fc.assert(
      fc.property(isoDates('2000-01-01', '2099-12-31'), (date) => {
        const due = nextWeekday(date);
        const weekday = new Date(`${due}T00:00:00Z`).getUTCDay();
        expect(weekday).toBeGreaterThanOrEqual(1);
        expect(weekday).toBeLessThanOrEqual(5);
        expect(daysBetween(date, due)).toBeGreaterThanOrEqual(0);
        expect(daysBetween(date, due)).toBeLessThanOrEqual(2);
        if (due !== date) expect([0, 6]).toContain(new Date(`${date}T00:00:00Z`).getUTCDay());
        if (due !== date) expect(addDays(due, -1) < date || [0, 6].includes(new Date(`${addDays(due, -1)}T00:00:00Z`).getUTCDay())).toBe(true);
      }),
    );
  });
});
