import { formatIsoDate, isIsoDate } from '../../src/domain/dates';

describe('calendar dates', () => {
  it.each([['2026-02-28', true], ['2028-02-29', true], ['2026-02-29', false], ['2026-13-01', false], ['26-1-1', false], ['2026-04-31', false]])(
    '%s is a real date: %p',
    (value, ok) => expect(isIsoDate(value)).toBe(ok),
  );

  it('read as words, whatever the server time zone', () => {
    expect(formatIsoDate('2026-03-04')).toBe('March 4, 2026');
    expect(formatIsoDate('2026-12-31')).toBe('December 31, 2026');
  });
});
