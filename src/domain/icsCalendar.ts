import { createEvents, type DateArray, type EventAttributes } from 'ics';
import { addDays } from './dateMath';
import { isIsoDate, type IsoDate } from './dates';

/**
 * Follow-ups as an iCalendar (.ics, RFC 5545) file the user can add to their own calendar, made with the
 * `ics` package. Titles and descriptions are passed in (the words come from content), nothing here is
 * user-facing text. Pure: the caller passes `now` (the DTSTAMP), so the same input gives the same file.
 */

export interface CalendarEvent {
  /** Stable id (e.g. the follow-up's id): the UID is `<id>@bill-coach`, so re-importing updates, not duplicates. */
  id: string;
  date: IsoDate;
  title: string;
  description: string;
}

export interface CalendarOptions {
  /** PRODID, e.g. "-//Bill Coach//Follow-ups//EN". */
  productId: string;
  /** When the file is made: each event's DTSTAMP. */
  now: Date;
}

export const UID_DOMAIN = 'bill-coach';

/**
 * The reminder time. An all-day event starts at midnight in the user's own time zone (DTSTART is a
 * floating date), so a trigger of +PT9H after the start is a reminder at 9:00 local time on the day itself.
 * (-PT15H, which some calendar apps write, would be 9:00 the day before.)
 */
export const REMINDER_HOURS_AFTER_START = 9;

/** `ics` 3.x escapes the event's SUMMARY and DESCRIPTION but only newlines in an alarm's DESCRIPTION. */
function escapeAlarmText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,');
}

function dateArray(date: IsoDate): DateArray {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function toEvent(event: CalendarEvent, now: Date): EventAttributes & { timestamp: number } {
  if (!isIsoDate(event.date)) throw new RangeError(`calendar event "${event.id}": expected a date as YYYY-MM-DD, got "${event.date}"`);
  return {
    uid: `${event.id}@${UID_DOMAIN}`,
    // `timestamp` (DTSTAMP) is read by `ics` but missing from its type declarations; without it `ics` reads the clock.
    timestamp: now.getTime(),
    start: dateArray(event.date),
    // DTEND of an all-day event is exclusive: the next day.
    end: dateArray(addDays(event.date, 1)),
    title: event.title,
    description: event.description,
    alarms: [{ action: 'display', description: escapeAlarmText(event.title), trigger: { hours: REMINDER_HOURS_AFTER_START, before: false } }],
  };
}

/**
 * One VCALENDAR with an all-day VEVENT per follow-up (DTSTART;VALUE=DATE, DTEND the next day), a stable UID,
 * and a display alarm at 9:00 that day. Lines end in CRLF and long lines are folded, as `ics` writes them.
 * Throws a RangeError for no events or a malformed date, and an Error naming what `ics` rejected.
 */
export function followUpCalendar(events: readonly CalendarEvent[], options: CalendarOptions): string {
  if (events.length === 0) throw new RangeError('followUpCalendar: a calendar needs at least one event');
  if (Number.isNaN(options.now.getTime())) throw new RangeError('followUpCalendar: `now` is not a valid date');
  const { error, value } = createEvents(events.map((e) => toEvent(e, options.now)), { productId: options.productId });
  if (error || value === null) {
    const detail = error ? describe(error) : 'no output';
    throw new Error(`followUpCalendar: the ics package could not make the calendar: ${detail}`, error ? { cause: error } : undefined);
  }
  return value;
}

/** yup's ValidationError lists every problem in `errors`; its message only counts them. */
function describe(error: Error): string {
  const errors = 'errors' in error ? error.errors : undefined;
  return Array.isArray(errors) && errors.length > 0 ? errors.map(String).join('; ') : error.message;
}
