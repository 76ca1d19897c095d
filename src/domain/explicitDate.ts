import { isIsoDate, type IsoDate } from './dates';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const pad = (n: number) => String(n).padStart(2, '0');

function monthOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  // "Mar", "March", "Sept" and "Sep." count; "Marching" does not.
  const index = MONTHS.findIndex((full) => w.length >= 3 && full.startsWith(w));
  return index < 0 ? undefined : index + 1;
}

/**
 * A date written out in full, with its year: "2026-03-03", "3/3/2026", "March 3, 2026", "Mar 3 2026".
 * These have one reading, so they need no recognizer (the SDK's date model is slow to run);
 * anything else (no year, "next Friday", "in 2 weeks") returns undefined and goes to the recognizer.
 */
export function explicitDate(text: string): IsoDate | undefined {
  const t = text.trim();
  let y: number; let m: number | undefined; let d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t))) [m, d, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^([A-Za-z]{3,9}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(t))) {
    [m, d, y] = [monthOf(match[1] ?? ''), Number(match[2]), Number(match[3])];
  } else return undefined;
  if (m === undefined || y < 1900 || y > 2100) return undefined;
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  return isIsoDate(iso) ? iso : undefined;
}

const DAY_WORDS = new Map<string, number>([['yesterday', -1], ['today', 0], ['tomorrow', 1]]);

/**
 * "today", "yesterday" or "tomorrow" on its own (any case, a full stop or ! after it), as a date counted
 * from the user's `today`: what the recognizer answers for these words, without its ~6 ms model.
 */
export function dayWordDate(text: string, today: IsoDate): IsoDate | undefined {
  const offset = DAY_WORDS.get(text.trim().toLowerCase().replace(/[.!]$/, ''));
  if (offset === undefined) return undefined;
  const [y, m, d] = today.split('-').map(Number);
  const day = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + offset));
  return `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}` as IsoDate;
}
