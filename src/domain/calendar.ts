import { addDays, daysBetween } from './dateMath';
import { IsoDate, isIsoDate } from './dates';

/**
 * The user's calendar, not the server's: "today" comes from the activity's local timestamp
 * (e.g. "2026-11-27T18:30:00-08:00") when the channel sends one.
 */
export function userToday(localTimestamp: string | Date | undefined, now: Date): IsoDate {
  if (typeof localTimestamp === 'string') {
    const datePart = localTimestamp.slice(0, 10);
    if (isIsoDate(datePart)) return datePart;
  }
  return now.toISOString().slice(0, 10);
}

/** A weekday on or after `date` (follow-ups never land on a Saturday or Sunday). */
export function nextWeekday(date: IsoDate): IsoDate {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (day === 6) return addDays(date, 2);
  if (day === 0) return addDays(date, 1);
  return date;
}

/** What a date recognizer found: a single date (`value`) or a range with no single day. */
export interface DateCandidate {
  type: string;
  value?: string;
}

export type DatePick = { date: IsoDate } | { problem: 'unclear' | 'vague' | 'future' | 'tooOld' };

/**
 * Chooses the date the user meant. "March 3" comes back as last March and next March: a date of service
 * or of a bill is in the past, so the latest past candidate wins; a due date may be either, so the one
 * nearest today wins.
 */
export function pickDate(candidates: readonly DateCandidate[], today: IsoDate, when: 'past' | 'any'): DatePick {
  const dates = candidates
    .filter((c) => (c.type === 'date' || c.type === 'datetime') && typeof c.value === 'string')
    .map((c) => (c.value ?? '').slice(0, 10))
    .filter(isIsoDate);
  if (dates.length === 0) return { problem: candidates.length > 0 ? 'vague' : 'unclear' };
  const oldest = addDays(today, -366 * 10);
  if (when === 'past') {
    const past = dates.filter((d) => d <= today).sort();
    const latest = past.at(-1);
    if (!latest) return { problem: 'future' };
    if (latest < oldest) return { problem: 'tooOld' };
    return { date: latest };
  }
  const nearest = [...dates].sort((a, b) => Math.abs(daysBetween(today, a)) - Math.abs(daysBetween(today, b)))[0];
  if (!nearest) return { problem: 'unclear' };
  if (nearest < oldest) return { problem: 'tooOld' };
  return { date: nearest };
}

/**
 * When a reminder for `date` is due: 9:00 in the user's own time zone, taken from the offset in the
 * channel's local timestamp ("…-08:00"); UTC when the channel sends none. Returns ISO UTC.
 */
export function reminderTime(date: IsoDate, localTimestamp: string | undefined, hour = 9): string {
  const offset = /([+-])(\d{2}):?(\d{2})$/.exec(localTimestamp ?? '');
  const minutes = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
  const utc = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), hour, 0) - minutes * 60_000;
  return new Date(utc).toISOString();
}
