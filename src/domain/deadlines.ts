import { checkBill } from './billCheck';
import { mayBeNonprofitHospital } from './callPlan';
import type { Case } from './case';
import { addDays, daysBetween } from './dateMath';
import { isIsoDate, type IsoDate } from './dates';
import { ECA_WAIT_DAYS, FAP_APPLICATION_DAYS } from './nonprofitRules';

/**
 * The dates that matter for a case, all counted from the first bill the user gives. Codes and figures
 * only: the words (and each rule's source and year) live in content. Past deadlines are kept, with a
 * negative `daysLeft`: the caller decides how to word "this date has passed".
 */

/**
 * 'rule': a date a law or regulation sets, for this kind of bill.
 * 'policy': a date an industry policy sets (the credit bureaus' one-year wait), from the right event.
 * 'approximate': the rule is real but we count from the wrong event (we only know the first bill date).
 * 'uncertain': the rule applies only if a fact the user is unsure of is true (e.g. a nonprofit hospital).
 */
export type Certainty = 'rule' | 'policy' | 'approximate' | 'uncertain';

export type DeadlineCode = 'fapWindow' | 'ecaWait' | 'gfeDispute' | 'creditReport' | 'creditReportEstimate';

export interface Deadline {
  code: DeadlineCode;
  date: IsoDate;
  /** Calendar days from today: 0 on the day, negative once it has passed. */
  daysLeft: number;
  certainty: Certainty;
}

/**
 * Credit reporting (CDIA announcement; CFPB): since 2022-07-01 the three nationwide credit bureaus wait
 * one year before an unpaid medical collection appears on a report (paid ones are removed), and since
 * 2023-04-11 medical collections with an original balance under $500 are not reported at all. These are
 * the bureaus' own policies: the CFPB rule removing medical debt from credit reports (2025-01-07) was
 * vacated by a federal court on 2025-07-11 and must not be presented as in force.
 */
export const CREDIT_REPORT_WAIT_DAYS = 365;
/** $500, in cents: a medical collection below this is not reported (original balance; we only know the current one). */
export const CREDIT_REPORT_MIN_CENTS = 50_000;

/**
 * The case's dated deadlines, sorted by date (ties keep the order ecaWait, gfeDispute, fapWindow, credit report):
 * - fapWindow: first bill + 240 days, the last day a nonprofit hospital must accept a financial-assistance
 *   application, even in collections (IRS 501(r), 26 CFR 1.501(r)-6). Only for a hospital that may be
 *   nonprofit: 'rule' when the user said it is, 'uncertain' when unsure or not asked.
 * - ecaWait: first bill + 120 days, before which a nonprofit hospital (and its collectors) may take no
 *   extraordinary collection action: credit reporting, selling the debt, lawsuits, garnishment, liens;
 *   nor until 30 days after a written notice naming them (a date we do not know: content says so).
 *   Same condition and certainty as fapWindow.
 * - gfeDispute: 120 calendar days from the date on the original bill, the last day to start the No Surprises Act patient-provider
 *   dispute ($25 fee) when a self-pay bill is at least $400 above the Good Faith Estimate ('rule').
 * - creditReport: the earliest an unpaid medical collection of $500 or more may appear on a credit report:
 *   one year after it went to collections, when the user gave that date ('policy').
 * - creditReportEstimate: the same, counted from the first bill when the collections date is not known (it
 *   cannot be earlier), so 'approximate' and worded as an estimate. Both only when the bill is in
 *   collections and its balance is known to be $500 or more.
 * No (valid) first bill date: no dated deadlines.
 */
export function caseDeadlines(c: Case, today: IsoDate): Deadline[] {
  const first = c.firstBillDate;
  if (first === undefined || !isIsoDate(first)) return [];
  const out: Deadline[] = [];
  const add = (code: DeadlineCode, date: IsoDate, certainty: Certainty) =>
    out.push({ code, date, daysLeft: daysBetween(today, date), certainty });

  const nonprofitCertainty: Certainty = c.provider.nonprofit === 'yes' ? 'rule' : 'uncertain';
  if (mayBeNonprofitHospital(c)) add('ecaWait', addDays(first, ECA_WAIT_DAYS), nonprofitCertainty);

  const gfe = checkBill(c, today).findings.find((f) => f.code === 'goodFaithEstimateExceeded');
  if (gfe?.deadline !== undefined) add('gfeDispute', gfe.deadline, 'rule');

  if (mayBeNonprofitHospital(c)) add('fapWindow', addDays(first, FAP_APPLICATION_DAYS), nonprofitCertainty);

  if (c.inCollections === 'yes' && c.balanceCents !== undefined && c.balanceCents >= CREDIT_REPORT_MIN_CENTS) {
    if (c.collectionsDate !== undefined && isIsoDate(c.collectionsDate)) add('creditReport', addDays(c.collectionsDate, CREDIT_REPORT_WAIT_DAYS), 'policy');
    else add('creditReportEstimate', addDays(first, CREDIT_REPORT_WAIT_DAYS), 'approximate');
  }
  // Array.prototype.sort is stable: same-day deadlines keep the order above.
  return out.sort((a, b) => daysBetween(b.date, a.date));
}
