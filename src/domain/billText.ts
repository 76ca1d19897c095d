/**
 * Reading an itemized bill from its printed rows (issue 24 item 3): the lines (date of service, code,
 * description as printed, units, charge) and the printed total, each field with how sure the reader is.
 * Tolerant of columns in any order (a header row, when there is one, says which column is which), amounts
 * with or without $, dates in several forms, and a line whose description or charge runs onto the next row.
 * Pure: rows in, figures out.
 */
import type { ReadBillLine, Read, TextRow } from './billRead';
import { columnOf, headerColumns, type Column, type HeaderColumn } from './billColumns';
import { rowTokens, rowWords, weakest, type Token } from './printedTokens';

/** Labels of a printed total, the best first: the total of the charges is what the lines should add up to. */
const TOTAL_LABELS: RegExp[] = [
  /\btotal (hospital |gross )?charges?\b/,
  /\btotal (billed|amount billed)\b/,
  /\b(sub ?total)\b/,
  /^total\b/,
  /\b(total|balance|amount) due\b|\bbalance\b|\btotal\b/,
];

/** Words of a row that is a payment, adjustment or credit, not a charge. */
const CREDIT_WORDS = /\b(payment|payments|paid|adjustment|adj|credit|discount|write ?off|refund)\b/;

export interface BillTextReading {
  lines: ReadBillLine[];
  printedTotalCents?: Read<number>;
  linesTotalCents: number;
  totalsAgree?: boolean;
  /** Whether a header row named the columns. */
  header: boolean;
}

interface RowParts {
  date?: Read<string>;
  code?: { code: string; codeKind: ReadBillLine['codeKind']; modifiers: string[]; confidence: number };
  description: Token[];
  units?: Read<number>;
  charge?: Read<number>;
  chargeIsCredit: boolean;
}

function partsOf(tokens: Token[], columns: HeaderColumn[] | undefined): RowParts {
  const parts: RowParts = { description: [], chargeIsCredit: false };
  const column = (t: Token) => (columns ? columnOf(t, columns) : undefined);
  const sure = columns ? 1 : 0.85;
  const money = tokens.filter((t): t is Extract<Token, { kind: 'money' }> => t.kind === 'money');
  // The charge: the amount under 'Charge', else the only amount, else the first (less sure).
  const underCharge = columns ? money.filter((t) => column(t) === 'charge') : [];
  const charge = underCharge[0] ?? (columns && money.some((t) => column(t) === 'other') ? undefined : money[0]);
  if (charge) {
    const certainty = underCharge.length > 0 ? 1 : money.length === 1 ? sure : 0.6;
    parts.charge = { value: charge.cents, confidence: weakest(charge.confidence, certainty) };
    parts.chargeIsCredit = charge.negative;
  }
  let modifierTokens: string[] = [];
  let previous: { token: Token; col: Column | undefined } | undefined;
  for (const t of tokens) {
    if (t === charge || t.kind === 'money') continue;
    // A description runs on word by word (one space apart) even past the middle between its heading and the next.
    const runsOn = previous?.col === 'description' && parts.description[parts.description.length - 1] === previous.token && t.x - previous.token.right <= 1.5 * charWidth(previous.token);
    const col = runsOn ? 'description' : column(t);
    previous = { token: t, col };
    if (col === 'other') continue;
    if (t.kind === 'date' && !parts.date && (col === undefined || col === 'date')) {
      parts.date = { value: t.value, confidence: weakest(t.confidence, t.certainty) };
    } else if (t.kind === 'code' && !parts.code && col !== 'description' && col !== 'units') {
      parts.code = { code: t.code, codeKind: t.codeKind, modifiers: t.modifiers, confidence: weakest(t.confidence, col === 'code' || !columns ? 1 : 0.8) };
    } else if (t.kind === 'code' && parts.code && parts.code.codeKind === 'revenue' && t.codeKind !== 'revenue' && col !== 'description') {
      // A hospital line with a revenue code and a CPT/HCPCS: the CPT/HCPCS says what was done.
      parts.code = { code: t.code, codeKind: t.codeKind, modifiers: t.modifiers, confidence: weakest(t.confidence, 0.9) };
    } else if (col === 'modifier' && /^[0-9A-Z]{2}$/.test(t.text)) {
      modifierTokens = [...modifierTokens, t.text];
    } else if (t.kind === 'int' && col === 'units') {
      parts.units = { value: t.value, confidence: weakest(t.confidence, 1) };
    } else if (col === 'date' || col === 'code' || col === 'units' || col === 'charge') {
      // a stray piece in a figures column: not part of the description
    } else {
      parts.description.push(t);
    }
  }
  if (parts.code && modifierTokens.length > 0) parts.code = { ...parts.code, modifiers: [...parts.code.modifiers, ...modifierTokens] };
  if (!columns && !parts.units && charge) {
    // No header: a small number printed just before the charge is the units.
    const before = parts.description[parts.description.length - 1];
    if (before && before.kind === 'int' && before.value > 0 && before.value < 1000 && parts.description.length > 1) {
      parts.units = { value: before.value, confidence: weakest(before.confidence, 0.7) };
      parts.description = parts.description.slice(0, -1);
    }
  }
  return parts;
}

const charWidth = (t: Token): number => (t.text.length > 0 ? (t.right - t.x) / t.text.length : 0);

function descriptionRead(tokens: Token[], certainty: number): Read<string> | undefined {
  const words = tokens.map((t) => t.text).join(' ').replace(/\s+/g, ' ').trim();
  if (!/[A-Za-z]{2}/.test(words)) return undefined;
  return { value: words, confidence: weakest(certainty, ...tokens.map((t) => t.confidence)) };
}

function totalLabelRank(words: string): number | undefined {
  const rank = TOTAL_LABELS.findIndex((re) => re.test(words));
  return rank < 0 ? undefined : rank;
}

/** Reads an itemized bill's lines and printed total from its rows. */
export function readBillText(rows: TextRow[]): BillTextReading {
  const lines: ReadBillLine[] = [];
  let columns: HeaderColumn[] | undefined;
  let printed: { read: Read<number>; rank: number } | undefined;
  /** A line begun on one row (date, code, description) whose charge is on the next. */
  let pending: RowParts | undefined;
  /** The line the next description-only row may continue, and where its description starts. */
  let continuable: { line: ReadBillLine; x: number } | undefined;

  for (const row of rows) {
    const header = headerColumns(row);
    if (header) {
      columns = header;
      pending = undefined;
      continuable = undefined;
      continue;
    }
    const words = rowWords(row);
    const tokens = rowTokens(row);
    if (tokens.length === 0) continue;
    const parts = partsOf(tokens, columns);
    const hasCodeOrDate = parts.code !== undefined || parts.date !== undefined;
    const rank = parts.charge && !hasCodeOrDate ? totalLabelRank(words) : undefined;
    if (rank !== undefined && parts.charge) {
      const amounts = tokens.filter((t): t is Extract<Token, { kind: 'money' }> => t.kind === 'money');
      const last = amounts[amounts.length - 1];
      if (last && (!printed || rank < printed.rank)) printed = { read: { value: last.cents, confidence: weakest(last.confidence, rank <= 3 ? 1 : 0.8) }, rank };
      pending = undefined;
      continuable = undefined;
      continue;
    }
    if (parts.charge && (parts.chargeIsCredit || (!parts.code && CREDIT_WORDS.test(words)))) {
      pending = undefined;
      continuable = undefined;
      continue;
    }
    if (!parts.charge) {
      if (hasCodeOrDate && parts.description.length > 0) {
        pending = parts;
        continuable = undefined;
        continue;
      }
      const first = parts.description[0];
      if (!hasCodeOrDate && first && pending) {
        // the description of a begun line goes on
        pending = { ...pending, description: [...pending.description, ...parts.description] };
        continue;
      }
      if (!hasCodeOrDate && first && continuable && Math.abs(first.x - continuable.x) <= 12 && descriptionRead(parts.description, 1)) {
        const line = continuable.line;
        const more = descriptionRead(parts.description, 0.9);
        if (line.description && more) {
          line.description = { value: `${line.description.value} ${more.value}`, confidence: weakest(line.description.confidence, more.confidence) };
        }
        continue;
      }
      pending = undefined;
      continuable = undefined;
      continue;
    }
    let merged = parts;
    let certainty = 1;
    if (!hasCodeOrDate && pending) {
      merged = { ...pending, description: [...pending.description, ...parts.description], charge: parts.charge, units: parts.units ?? pending.units };
      certainty = 0.9;
    } else if (!hasCodeOrDate && !columns) {
      // an amount with words only, outside a table: not a bill line
      pending = undefined;
      continuable = undefined;
      continue;
    }
    pending = undefined;
    const charge = merged.charge;
    if (!charge) continue;
    const description = descriptionRead(merged.description, certainty);
    if (!merged.code && !merged.date && !description) continue;
    const line: ReadBillLine = { chargeCents: { value: charge.value, confidence: weakest(charge.confidence, certainty) } };
    if (merged.date) line.dateOfService = merged.date;
    if (merged.code) {
      line.code = { value: merged.code.code, confidence: merged.code.confidence };
      line.codeKind = merged.code.codeKind;
      if (merged.code.modifiers.length > 0) line.modifiers = merged.code.modifiers;
    }
    if (description) line.description = description;
    if (merged.units) line.units = merged.units;
    lines.push(line);
    const descStart = merged.description[0]?.x;
    continuable = descStart === undefined || certainty < 1 ? undefined : { line, x: descStart };
  }
  const linesTotalCents = lines.reduce((sum, l) => sum + l.chargeCents.value, 0);
  const reading: BillTextReading = { lines, linesTotalCents, header: columns !== undefined };
  if (printed) {
    reading.printedTotalCents = printed.read;
    reading.totalsAgree = printed.read.value === linesTotalCents;
  }
  return reading;
}
