import { ECA_WAIT_DAYS, FAP_APPLICATION_DAYS, nonprofitDates } from '../../src/domain/nonprofitRules';

describe('IRS 501(r) dates at a nonprofit hospital, counted from the first bill after discharge', () => {
  it('240 days to apply for financial assistance, 120 days without collection actions', () => {
    expect(FAP_APPLICATION_DAYS).toBe(240);
    expect(ECA_WAIT_DAYS).toBe(120);
  });

  it.each([
    ['a spring bill', '2026-03-02', '2026-10-28', '2026-06-30'],
    ['a bill before the year end', '2025-11-20', '2026-07-18', '2026-03-20'],
    ['a bill in a leap year (2028 has Feb 29)', '2028-01-15', '2028-09-11', '2028-05-14'],
    ['the same bill date a year earlier, no leap day', '2027-01-15', '2027-09-12', '2027-05-15'],
  ])('%s dated %s: apply by %s, no collection actions before %s', (_label, firstBill, applyBy, ecaUntil) => {
    const dates = nonprofitDates(firstBill, firstBill);
    expect(dates).toEqual({ applicationDeadline: applyBy, daysToApply: 240, ecaProtectedUntil: ecaUntil, daysOfEcaProtection: 120 });
  });

  it.each([
    ['the day the bill came', '2026-03-01', 240, 120],
    ['19 days before the collection wait ends', '2026-03-20', 221, 101],
    ['the last day of the collection wait', '2026-06-29', 120, 0],
    ['a month after the collection wait ended', '2026-07-29', 90, -30],
    ['the last day to apply', '2026-10-27', 0, -120],
    ['a year after the first bill', '2027-03-01', -125, -245],
  ])('first bill 2026-03-01, today is %s (%s): %i days to apply, %i days of protection', (_label, today, toApply, protection) => {
    const dates = nonprofitDates('2026-03-01', today);
    expect(dates.applicationDeadline).toBe('2026-10-27');
    expect(dates.ecaProtectedUntil).toBe('2026-06-29');
    expect(dates.daysToApply).toBe(toApply);
    expect(dates.daysOfEcaProtection).toBe(protection);
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => nonprofitDates('03/01/2026', '2026-03-01')).toThrow(RangeError);
    expect(() => nonprofitDates('2026-03-01', '2026-02-30')).toThrow(RangeError);
  });
});
