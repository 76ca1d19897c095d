import { isIsoDate, IsoDate } from './dates';
import { BillLine } from './gatherModel';
import { dollarsToCents } from './money';

export type ParsedLine = Pick<BillLine, 'date' | 'code' | 'description' | 'units' | 'chargeCents'>;
export type LineProblem = 'noCharge' | 'badCharge' | 'futureDate' | 'badDate' | 'tooLong';

const DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$|^(\d{4})-(\d{2})-(\d{2})$/;
const CODE = /^(?:\d{5}|[A-Za-z]\d{4}|\d{4}[A-Za-z]|0\d{3}|\d{3,4})$/;
const MONEY = /^\$?\s*\d+(?:\.\d{1,2})?$/;
const UNITS = /^(?:x\s*)?(\d{1,3})(?:\s*(?:units?|x))?$/i;
// "March 4, 2026" carries its own comma: read it as one date before splitting, or "2026" becomes a code.
const WORD_DATE = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:,\s*|\s+)((?:19|20)\d{2})\b/g;
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function wordDatesToIso(text: string): string {
  return text.replace(WORD_DATE, (match, word: string, day: string, year: string) => {
    const month = MONTHS.findIndex((m) => m.startsWith(word.toLowerCase())) + 1;
    return month > 0 ? `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}` : match;
  });
}

function parseDate(token: string, today: IsoDate): IsoDate | undefined | 'bad' {
  const m = DATE.exec(token);
  if (!m) return undefined;
  let iso: string;
  if (m[4]) iso = `${m[4]}-${m[5]}-${m[6]}`;
  else {
    // Two-digit years: "3/4/26" is 2026, but "3/4/99" is 1999, not a date 70 years ahead.
    const short = (m[3] ?? '').length === 2;
    const year = short ? (2000 + Number(m[3]) > Number(today.slice(0, 4)) ? `19${m[3]}` : `20${m[3]}`) : (m[3] ?? '');
    iso = `${year}-${(m[1] ?? '').padStart(2, '0')}-${(m[2] ?? '').padStart(2, '0')}`;
  }
  return isIsoDate(iso) ? iso : 'bad';
}

/**
 * Reads one bill line as people type it: "3/4/2026, 99284, ER visit, 1, $1,250.00". Only the charge is
 * required; date, code, description and units are recognized by their shape, in any order.
 */
export function parseBillLine(text: string, today: IsoDate): { line: ParsedLine } | { problem: LineProblem } {
  if (text.length > 300) return { problem: 'tooLong' };
  // Thousands separators would look like field separators: "$1,250.00" → "$1250.00".
  const unGrouped = wordDatesToIso(text).replace(/(\d),(?=\d{3}(?:\D|$))/g, '$1');
  const parts = unGrouped.split(/[,;\t|]/).map((p) => p.trim()).filter(Boolean);
  // "Office visit 99213 $150" has no separators: the amount is the last word.
  const tail = /^(.*\S)\s+(\$\s*\d+(?:\.\d{1,2})?|\d+\.\d{2})$/.exec(parts.at(-1) ?? '');
  if (tail && !MONEY.test(parts.at(-1) ?? '')) parts.splice(-1, 1, ...(tail[1] ?? '').split(/\s+(?=\d)/), tail[2] ?? '');
  const last = parts.at(-1) ?? '';
  if (!MONEY.test(last)) return { problem: /\$|dollar|usd/i.test(last) ? 'badCharge' : 'noCharge' };
  const amount = dollarsToCents(Number(last.replace(/[$\s]/g, '')));
  if (!('cents' in amount) || amount.cents === 0) return { problem: 'badCharge' };

  const line: ParsedLine = { chargeCents: amount.cents, units: 1 };
  const words: string[] = [];
  for (const part of parts.slice(0, -1)) {
    const date = parseDate(part, today);
    if (date === 'bad') return { problem: 'badDate' };
    if (date && !line.date) {
      if (date > today) return { problem: 'futureDate' };
      line.date = date;
      continue;
    }
    if (!line.code && CODE.test(part)) {
      line.code = part.toUpperCase();
      continue;
    }
    const units = UNITS.exec(part);
    if (units && Number(units[1]) >= 1) {
      line.units = Number(units[1]);
      continue;
    }
    words.push(part);
  }
  const description = words.join(', ').replace(/\s+/g, ' ').trim().slice(0, 120);
  if (description) line.description = description;
  return { line };
}

export function linesTotalCents(lines: readonly Pick<BillLine, 'chargeCents'>[]): number {
  return lines.reduce((sum, l) => sum + l.chargeCents, 0);
}

/** "2, 3 and 5" → [2, 3, 5] (1-based line numbers within range); "none" → []. Undefined when unreadable. */
export function parseLineNumbers(text: string, count: number): number[] | undefined {
  // "2-4" / "2 to 4" means 2, 3 and 4, not just 2 and 4.
  const expanded = text.replace(/(\d+)\s*(?:-|–|—|to|through|thru)\s*(\d+)/gi, (match, a: string, b: string) => {
    const [from, to] = [Number(a), Number(b)];
    return from < to && to - from <= count ? Array.from({ length: to - from + 1 }, (_, i) => from + i).join(' ') : match;
  });
  const numbers = expanded.match(/\d+/g)?.map(Number) ?? [];
  if (numbers.length === 0) return undefined;
  if (numbers.some((n) => n < 1 || n > count)) return undefined;
  return [...new Set(numbers)].sort((a, b) => a - b);
}
