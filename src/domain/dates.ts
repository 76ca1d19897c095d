/** Calendar dates as 'YYYY-MM-DD' strings: no time zone surprises in stored cases. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** "March 4, 2026" — for messages and cards. One formatter per locale (building one is the slow part). */
export function formatIsoDate(value: IsoDate, locale = 'en-US'): string {
  const m = ISO_DATE.exec(value);
  if (!m) return value;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
    dateFormats.set(locale, format);
  }
  return format.format(date);
}

const weekdayFormats = new Map<string, Intl.DateTimeFormat>();

/** "Tuesday, December 1, 2026" — for saying back a date the user gave in words ("yesterday", "dec 20"). */
export function formatIsoDateWithWeekday(value: IsoDate, locale = 'en-US'): string {
  const m = ISO_DATE.exec(value);
  if (!m) return value;
  let format = weekdayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
    weekdayFormats.set(locale, format);
  }
  return format.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
}
