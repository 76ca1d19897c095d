import { nextWeekday } from './calendar';
import type { Case } from './case';
import { addDays, daysBetween } from './dateMath';
import type { IsoDate } from './dates';
import type { FollowUp } from './gatherModel';
import type { CallLogEntry, CallOutcome } from './followUpModel';

/**
 * Step 5 (follow up): the calls the user logs and when to follow up on each. Pure: callers pass the
 * dates ("today" is the user's, see `userToday`); the words come from content.
 */

// The call log's shape lives with the case model (followUpModel), so the model needs nothing from the rules here.
export { CALL_OUTCOMES, callLogEntrySchema, followUpFields, type CallLogEntry, type CallOutcome } from './followUpModel';

export type ProposedKind = 'itemizedBill' | 'review' | 'assistance' | 'other';

export interface ProposedFollowUp {
  /** A weekday, never before `today`. */
  due: IsoDate;
  /** Calendar days from `today` to `due` (0: follow up today), for "in N days". */
  days: number;
  kind: ProposedKind;
}

/**
 * Patient-advocate practice (shared/facts "What patients struggle with"; not a rule):
 * - an itemized bill or a review of the bill: call back after about a week;
 * - a financial-assistance application: follow up after about 3 weeks, then every 1–2 weeks
 *   (10 days here) until there is a decision;
 * - an agreement or a payment plan: after about a week, check that the written confirmation came
 *   ("keep everything in writing");
 * - no progress: call again in 2 business days, then escalate (see escalation.ts).
 */
export const FOLLOW_UP_DAYS = {
  itemizedOrReview: 7,
  firstAssistance: 21,
  laterAssistance: 10,
  confirmation: 7,
  noProgressBusinessDays: 2,
} as const;

const OUTCOME_KIND: Readonly<Record<CallOutcome, ProposedKind>> = {
  waitingItemized: 'itemizedBill',
  waitingReview: 'review',
  assistanceApplied: 'assistance',
  agreementReached: 'other',
  planSetUp: 'other',
  confirmedInWriting: 'other',
  noProgress: 'other',
  other: 'other',
};

/** `date` moved forward by `count` business days (Monday–Friday; public holidays are not known here). */
export function addBusinessDays(date: IsoDate, count: number): IsoDate {
  let day = date;
  for (let left = count; left > 0; left--) day = nextWeekday(addDays(day, 1));
  return day;
}

/**
 * The next follow-up after a call with this outcome (see FOLLOW_UP_DAYS), always on a weekday and never
 * before `today` (a call logged late gets a follow-up on the next weekday from today).
 * `previousAssistanceFollowUps` > 0: the application was already followed up, so 10 days instead of 21.
 */
export function proposeFollowUp(
  outcome: CallOutcome,
  callDate: IsoDate,
  today: IsoDate,
  previousAssistanceFollowUps = 0,
): ProposedFollowUp {
  const kind = OUTCOME_KIND[outcome];
  const due = nextWeekday(maxDate(dueAfterCall(outcome, callDate, previousAssistanceFollowUps), today));
  return { due, days: daysBetween(today, due), kind };
}

function dueAfterCall(outcome: CallOutcome, callDate: IsoDate, previousAssistanceFollowUps: number): IsoDate {
  switch (outcome) {
    case 'assistanceApplied':
      return addDays(callDate, previousAssistanceFollowUps > 0 ? FOLLOW_UP_DAYS.laterAssistance : FOLLOW_UP_DAYS.firstAssistance);
    case 'noProgress':
      return addBusinessDays(callDate, FOLLOW_UP_DAYS.noProgressBusinessDays);
    case 'agreementReached':
    case 'planSetUp':
      return addDays(callDate, FOLLOW_UP_DAYS.confirmation);
    case 'waitingItemized':
    case 'waitingReview':
    case 'confirmedInWriting':
    case 'other':
      return addDays(callDate, FOLLOW_UP_DAYS.itemizedOrReview);
  }
}

function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return daysBetween(a, b) > 0 ? b : a;
}

/** The latest date a user may choose for a follow-up: the same day next year (Feb 29 → Feb 28). */
export function oneYearAfter(date: IsoDate): IsoDate {
  const sameDay = `${Number(date.slice(0, 4)) + 1}${date.slice(4)}`;
  return date.slice(5) === '02-29' ? sameDay.replace(/-29$/, '-28') : sameDay;
}

/** A user-chosen follow-up date: a problem when it is before today or more than a year ahead. */
export function followUpDateProblem(date: IsoDate, today: IsoDate): 'past' | 'tooFar' | undefined {
  if (daysBetween(today, date) < 0) return 'past';
  if (daysBetween(oneYearAfter(today), date) > 0) return 'tooFar';
  return undefined;
}

/** The open follow-up due first (an overdue one before a later one); ties go to the one created first. */
export function nextOpenFollowUp(c: Pick<Case, 'followUps'>): FollowUp | undefined {
  const open = c.followUps.filter((f) => f.status === 'open');
  return [...open].sort((a, b) => compare(a.due, b.due) || instant(a.createdAt) - instant(b.createdAt))[0];
}

/** Logged calls, newest first (by call date, then by when they were logged). */
export function callsNewestFirst(calls: readonly CallLogEntry[]): CallLogEntry[] {
  return [...calls].sort((a, b) => compare(b.date, a.date) || instant(b.createdAt) - instant(a.createdAt));
}

export interface CaseTimeline {
  calls: CallLogEntry[];
  next?: FollowUp;
}

/** The timeline of a case for "my case": its calls (newest first) and the next open follow-up. */
export function caseTimeline(c: Pick<Case, 'followUps'> & { calls?: readonly CallLogEntry[] }): CaseTimeline {
  const next = nextOpenFollowUp(c);
  return { calls: callsNewestFirst(c.calls ?? []), ...(next ? { next } : {}) };
}

/** A stored ISO datetime as milliseconds: string order is wrong when only one has fractional seconds. */
function instant(datetime: string): number {
  const ms = Date.parse(datetime);
  return Number.isNaN(ms) ? 0 : ms;
}

function compare(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

/** When to follow up on a request for the itemized bill made today: about a week later, on a weekday. */
export function itemizedBillFollowUp(today: IsoDate): IsoDate {
  return nextWeekday(addDays(today, FOLLOW_UP_DAYS.itemizedOrReview));
}
