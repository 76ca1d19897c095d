/**
 * Reading an Explanation of Benefits from its printed rows (issue 24 item 3): what was billed, what the plan
 * allowed, what it paid, what the patient may owe, and the claim's status, in the wordings insurers use.
 * Two layouts: label and amount on one row ('You may owe   $850.00'), and a table whose header names the
 * columns and whose 'Total' row (or only row) holds the figures. Pure.
 */
import type { Read, ReadEob, TextRow } from './billRead';
import { columnOf, type HeaderColumn } from './billColumns';
import { rowText, rowTokens, weakest, type Token } from './printedTokens';

type EobField = 'billed' | 'discount' | 'allowed' | 'planPaid' | 'mayOwe';

/** Labels for each figure, lower case; the longer wordings first so 'amount billed' wins over 'billed'. */
const LABELS: { field: EobField; re: RegExp }[] = [
  { field: 'mayOwe', re: /\b(you may owe|your responsibility|patient responsibility|amount you owe|what you owe|you owe|your share|patient owes|member responsibility|your cost)\b/ },
  { field: 'planPaid', re: /\b(paid by (your )?plan|plan paid|plan pays|what your plan paid|amount (your plan )?paid|insurance paid|plan payment|paid by insurance|we paid)\b/ },
  { field: 'discount', re: /\b(plan discount|network discount|discount|savings|not covered by contract)\b/ },
  { field: 'allowed', re: /\b(allowed amount|amount allowed|plan allowed|allowed|approved amount|covered amount)\b/ },
  { field: 'billed', re: /\b(amount billed|billed amount|provider charges?|amount charged|total charges|charges|billed)\b/ },
];

const TITLE = /\b(explanation of benefits|this is not a bill|eob)\b/;

/** Printed claim statuses, as a person would read them on the card. */
const STATUS = /\b(processed|paid|partially paid|denied|pending|in process|approved|adjusted|rejected|under review)\b/;

export interface EobTextReading {
  eob: ReadEob;
  /** How many of the four amounts were found. */
  amountsFound: number;
  /** Whether the document calls itself an Explanation of Benefits ('This is not a bill'). */
  titled: boolean;
}

function lower(row: TextRow): string {
  return rowText(row).toLowerCase();
}

function moneyTokens(tokens: Token[]): Extract<Token, { kind: 'money' }>[] {
  return tokens.filter((t): t is Extract<Token, { kind: 'money' }> => t.kind === 'money');
}

/** The header columns of an EOB table: a row naming at least two figures and holding no amount. */
function eobHeader(row: TextRow): { field: EobField; x: number; right: number }[] | undefined {
  if (moneyTokens(rowTokens(row)).length > 0) return undefined;
  const found: { field: EobField; x: number; right: number }[] = [];
  for (const cell of row.cells) {
    const text = cell.text.toLowerCase();
    const hit = LABELS.find((l) => l.re.test(text));
    if (hit) found.push({ field: hit.field, x: cell.x, right: cell.right });
  }
  return new Set(found.map((f) => f.field)).size >= 2 ? found : undefined;
}

/** Reads an EOB's figures from its rows. */
export function readEobText(rows: TextRow[]): EobTextReading {
  const found: Partial<Record<EobField, Read<number>>> = {};
  const fromTable: Partial<Record<EobField, { cents: number; confidence: number; total: boolean; count: number }>> = {};
  let status: Read<string> | undefined;
  let titled = false;
  let table: { field: EobField; x: number; right: number }[] | undefined;

  for (const row of rows) {
    const text = lower(row);
    if (TITLE.test(text)) titled = true;
    if (!status) {
      const m = /\b(?:claim )?status\b[:\s]*([a-z][a-z ]*)/.exec(text) ?? /\bclaim (?:was|has been|is)\s+([a-z][a-z ]*)/.exec(text);
      const word = m ? STATUS.exec(m[1] ?? '') : null;
      if (word && m && (m[1] ?? '').indexOf(word[0]) <= 1) {
        const printed = word[0];
        status = { value: printed.charAt(0).toUpperCase() + printed.slice(1), confidence: weakest(...row.cells.map((c) => c.confidence)) };
      }
    }
    const header = eobHeader(row);
    if (header) {
      table = header;
      continue;
    }
    const tokens = rowTokens(row);
    const amounts = moneyTokens(tokens);
    if (amounts.length === 0) continue;
    if (table) {
      const columns: HeaderColumn[] = table.map((h) => ({ column: 'other', x: h.x, right: h.right }));
      const isTotal = /^\s*(claim )?totals?\b/.test(text) || /\btotals?\b/.test(text);
      for (const amount of amounts) {
        const nearest = columnOf(amount, columns);
        if (nearest === undefined) continue;
        const index = columns.findIndex((c) => {
          const mid = (amount.x + amount.right) / 2;
          const d = mid < c.x ? c.x - mid : mid > c.right ? mid - c.right : 0;
          return d === Math.min(...columns.map((o) => (mid < o.x ? o.x - mid : mid > o.right ? mid - o.right : 0)));
        });
        const heading = table[index];
        if (!heading) continue;
        const before = fromTable[heading.field];
        if (isTotal) fromTable[heading.field] = { cents: amount.cents, confidence: amount.confidence, total: true, count: 1 };
        else if (!before) fromTable[heading.field] = { cents: amount.cents, confidence: amount.confidence, total: false, count: 1 };
        else if (!before.total) fromTable[heading.field] = { ...before, cents: before.cents + amount.cents, count: before.count + 1, confidence: Math.min(before.confidence, amount.confidence) };
      }
      continue;
    }
    // Label and amount on one row: each label takes the first amount after it.
    const rowString = row.cells.map((c) => c.text).join(' ');
    for (const label of LABELS) {
      if (found[label.field]) continue;
      const m = label.re.exec(text);
      if (!m) continue;
      const labelEnd = labelRight(row, m.index + m[0].length, rowString.length);
      const amount = amounts.find((a) => a.x >= labelEnd - 0.5);
      if (amount) found[label.field] = { value: amount.cents, confidence: weakest(amount.confidence, 1) };
    }
  }
  for (const [field, t] of Object.entries(fromTable) as [EobField, { cents: number; confidence: number; total: boolean; count: number }][]) {
    if (found[field]) continue;
    found[field] = { value: t.cents, confidence: weakest(t.confidence, t.total || t.count === 1 ? 0.95 : 0.8) };
  }
  const eob: ReadEob = {};
  if (found.billed) eob.billedCents = found.billed;
  if (found.allowed) eob.allowedCents = found.allowed;
  else if (found.billed && found.discount && found.discount.value <= found.billed.value) {
    eob.allowedCents = { value: found.billed.value - found.discount.value, confidence: weakest(found.billed.confidence, found.discount.confidence, 0.85) };
  }
  if (found.planPaid) eob.planPaidCents = found.planPaid;
  if (found.mayOwe) eob.patientMayOweCents = found.mayOwe;
  if (status) eob.claimStatus = status;
  const amountsFound = [eob.billedCents, eob.allowedCents, eob.planPaidCents, eob.patientMayOweCents].filter((r) => r !== undefined).length;
  return { eob, amountsFound, titled };
}

/** Where on the row a character offset of the joined text falls, as an x position. */
function labelRight(row: TextRow, offset: number, length: number): number {
  let start = 0;
  for (const cell of row.cells) {
    const end = start + cell.text.length;
    if (offset <= end) {
      const perChar = cell.text.length > 0 ? (cell.right - cell.x) / cell.text.length : 0;
      return cell.x + (offset - start) * perChar;
    }
    start = end + 1;
  }
  void length;
  return row.cells[row.cells.length - 1]?.right ?? 0;
}
