import { isIsoDate, type IsoDate } from './dates';

/** Calendar arithmetic on 'YYYY-MM-DD' dates, done in UTC so the server's time zone never shifts a day. */

const DAY_MS = 86_400_000;

function toUtcMs(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`expected a date as YYYY-MM-DD, got "${date}"`);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function fromUtcMs(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `date` moved by `days` calendar days (negative moves back). Throws RangeError on a malformed date or day count. */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isSafeInteger(days)) throw new RangeError('addDays expects a whole number of days');
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** Calendar days from `from` to `to`: positive when `to` is later, negative when it is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}
