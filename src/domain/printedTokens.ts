/**
 * The pieces a printed row of a bill is made of: dates, amounts, codes, small numbers and words, each with
 * where it stands on the row. Pure; shared by the bill reader (billText.ts) and the EOB reader (eobText.ts).
 */
import type { CodeKind, TextCell, TextRow } from './billRead';
import { isIsoDate } from './dates';

export type Token =
  | { kind: 'date'; value: string; certainty: number; x: number; right: number; confidence: number; text: string }
  | { kind: 'money'; cents: number; negative: boolean; dollarSign: boolean; x: number; right: number; confidence: number; text: string }
  | { kind: 'code'; code: string; codeKind: CodeKind; modifiers: string[]; x: number; right: number; confidence: number; text: string }
  | { kind: 'int'; value: number; x: number; right: number; confidence: number; text: string }
  | { kind: 'word'; x: number; right: number; confidence: number; text: string };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const PATTERNS: { kind: 'monthDate' | 'isoDate' | 'usDate' | 'money' | 'code' | 'int' | 'word'; re: RegExp }[] = [
  { kind: 'monthDate', re: /(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})(?![\d])/iy },
  { kind: 'isoDate', re: /(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])/y },
  { kind: 'usDate', re: /(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})(?![\d/])/y },
  // $1,250.00  1250.00  $95  (500.00)  -$20.00 ; a bare number needs cents or thousands commas to be money.
  { kind: 'money', re: /(\(?)(-?)(\$)\s?(\d{1,3}(?:,\d{3})+|\d+)(\.\d{2})?(\)?)(?![\d])/y },
  { kind: 'money', re: /(\(?)(-?)()(\d{1,3}(?:,\d{3})+|\d+)(\.\d{2})(\)?)(?![\d])/y },
  { kind: 'money', re: /(\(?)(-?)()(\d{1,3}(?:,\d{3})+)()(\)?)(?![\d.])/y },
  // CPT (5 digits, or 4 + F/T), HCPCS (letter + 4 digits), revenue (0 + 3 digits); modifiers joined by - or :
  { kind: 'code', re: /(\d{4}[0-9FT]|[A-V]\d{4}|0\d{3})((?:[-:][0-9A-Z]{2})*)(?![\w])/y },
  { kind: 'int', re: /(\d{1,3})(?![\w.,/-])/y },
  { kind: 'word', re: /[^\s]+/y },
];

function dateToken(y: number, m: number, d: number): string | undefined {
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

function twoDigitYear(yy: number): number {
  return yy <= 69 ? 2000 + yy : 1900 + yy;
}

function codeKindOf(code: string): CodeKind {
  if (/^[A-Z]/.test(code)) return 'hcpcs';
  if (code.length === 4) return 'revenue';
  return 'cpt';
}

/** The cents of a printed amount's digits ('1,250' and '.50'), or undefined past a sane size. */
function centsOf(whole: string, fraction: string): number | undefined {
  const dollars = Number(whole.replace(/,/g, ''));
  if (!Number.isSafeInteger(dollars) || dollars > 10_000_000) return undefined;
  return dollars * 100 + (fraction ? Number(fraction.slice(1)) : 0);
}

/** The tokens of one cell, left to right, their edges interpolated over the cell's width by character. */
export function cellTokens(cell: TextCell): Token[] {
  const text = cell.text;
  const perChar = text.length > 0 ? (cell.right - cell.x) / text.length : 0;
  const at = (i: number) => cell.x + i * perChar;
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i] ?? '')) {
      i += 1;
      continue;
    }
    // A token starts only at a word boundary: never in the middle of '12345' or 'abc'.
    let matched = false;
    for (const { kind, re } of PATTERNS) {
      re.lastIndex = i;
      const m = re.exec(text);
      if (!m) continue;
      const end = i + m[0].length;
      const next = text[end];
      if (kind !== 'word' && next !== undefined && !/[\s,;]/.test(next) && !(kind === 'money' && /[)]/.test(next))) continue;
      const base = { x: at(i), right: at(end), confidence: cell.confidence, text: m[0] };
      if (kind === 'monthDate') {
        const month = MONTHS.indexOf((m[1] ?? '').slice(0, 3).toLowerCase()) + 1;
        const value = dateToken(Number(m[3]), month, Number(m[2]));
        if (!value) continue;
        out.push({ kind: 'date', value, certainty: 1, ...base });
      } else if (kind === 'isoDate') {
        const value = dateToken(Number(m[1]), Number(m[2]), Number(m[3]));
        if (!value) continue;
        out.push({ kind: 'date', value, certainty: 1, ...base });
      } else if (kind === 'usDate') {
        const yearText = m[3] ?? '';
        const year = yearText.length === 2 ? twoDigitYear(Number(yearText)) : Number(yearText);
        const value = dateToken(year, Number(m[1]), Number(m[2]));
        if (!value) continue;
        out.push({ kind: 'date', value, certainty: yearText.length === 2 ? 0.9 : 1, ...base });
      } else if (kind === 'money') {
        const cents = centsOf(m[4] ?? '', m[5] ?? '');
        if (cents === undefined) continue;
        const negative = m[2] === '-' || (m[1] === '(' && m[6] === ')');
        out.push({ kind: 'money', cents, negative, dollarSign: m[3] === '$', ...base });
      } else if (kind === 'code') {
        const code = m[1] ?? '';
        const modifiers = (m[2] ?? '').split(/[-:]/).filter((s) => s.length > 0);
        out.push({ kind: 'code', code, codeKind: codeKindOf(code), modifiers, ...base });
      } else if (kind === 'int') {
        out.push({ kind: 'int', value: Number(m[1]), ...base });
      } else {
        out.push({ kind: 'word', ...base });
      }
      i = end;
      matched = true;
      break;
    }
    if (!matched) i += 1;
  }
  return out;
}

export function rowTokens(row: TextRow): Token[] {
  return row.cells.flatMap(cellTokens);
}

export function rowText(row: TextRow): string {
  return row.cells.map((c) => c.text).join(' ').replace(/\s+/g, ' ').trim();
}

/** A row's words in lower case with punctuation dropped, for matching labels. */
export function rowWords(row: TextRow): string {
  return rowText(row).toLowerCase().replace(/[^a-z0-9$.,/ -]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The least sure of the confidences, as a reading is only as sure as its weakest piece. */
export function weakest(...values: number[]): number {
  return Math.round(Math.min(1, ...values) * 100) / 100;
}
