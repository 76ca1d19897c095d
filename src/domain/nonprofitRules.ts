import { addDays, daysBetween } from './dateMath';
import type { IsoDate } from './dates';

/**
 * Deadlines that IRS section 501(r) sets for nonprofit (tax-exempt) hospitals. Both periods are counted
 * from the date the hospital provides the FIRST post-discharge billing statement; the caller passes the
 * date the user gives for that first bill, and today's date (no clock is read here).
 */

/**
 * A nonprofit hospital must accept Financial Assistance Policy applications for at least
 * 240 days after the first post-discharge billing statement, even if the bill is in collections.
 * Source: 26 CFR 1.501(r)-6; irs.gov section 501(r)(6) pages.
 */
export const FAP_APPLICATION_DAYS = 240;

/**
 * No extraordinary collection actions (selling the debt, credit reporting, lawsuits, wage garnishment,
 * liens, demanding payment of an old bill before new necessary care) for 120 days after the first
 * post-discharge billing statement, and not before reasonable efforts to determine eligibility, which
 * include a written notice naming the actions at least 30 days before the first of them: the earliest
 * date is the later of the two, and we know only the first (content words the date that way). An
 * application (even incomplete) made within the 240 days suspends them while it is decided. The
 * hospital answers for its collection agencies and debt buyers. Source: 26 CFR 1.501(r)-6(c); irs.gov
 * section 501(r)(6) pages.
 */
export const ECA_WAIT_DAYS = 120;

export interface NonprofitDates {
  /** First bill + 240 days: the last day the hospital must accept a financial-assistance application. */
  applicationDeadline: IsoDate;
  /** Days from today to that deadline: 0 on the last day, negative once it has passed. */
  daysToApply: number;
  /** First bill + 120 days: before this (and until 30 days after the written notice), no extraordinary collection actions. */
  ecaProtectedUntil: IsoDate;
  /** Days from today to that date: negative once it has passed. */
  daysOfEcaProtection: number;
}

/** The 501(r) application deadline and collection-action wait for a first bill dated `firstBillDate`. */
export function nonprofitDates(firstBillDate: IsoDate, today: IsoDate): NonprofitDates {
  const applicationDeadline = addDays(firstBillDate, FAP_APPLICATION_DAYS);
  const ecaProtectedUntil = addDays(firstBillDate, ECA_WAIT_DAYS);
  return {
    applicationDeadline,
    daysToApply: daysBetween(today, applicationDeadline),
    ecaProtectedUntil,
    daysOfEcaProtection: daysBetween(today, ecaProtectedUntil),
  };
}
