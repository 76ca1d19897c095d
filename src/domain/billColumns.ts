/**
 * The columns of a printed itemized bill (issue 24 item 3): which heading names which column, and which column a
 * printed word stands under. Pure: a row in, columns out. The EOB reader uses the same columns.
 */
import type { TextRow } from './billRead';

export type Column = 'date' | 'code' | 'modifier' | 'description' | 'units' | 'charge' | 'other';

/** The words a bill's header row uses for each column (lower case, whole words). */
const HEADER_WORDS: { column: Column; re: RegExp }[] = [
  { column: 'date', re: /^(date|dates|dos|service date|date of service|svc date|from)$/ },
  { column: 'modifier', re: /^(mod|mods|modifier|modifiers)$/ },
  { column: 'code', re: /^(code|cpt|hcpcs|cpt\/hcpcs|rev|rev code|revenue code|procedure|proc|cpt code)$/ },
  { column: 'description', re: /^(description|service|services|item|service description|description of service)$/ },
  { column: 'units', re: /^(qty|quantity|units|unit|qty\.|units\/qty)$/ },
  { column: 'charge', re: /^(charge|charges|amount|total charge|charge amount|price|billed|amount billed)$/ },
  { column: 'other', re: /^(payments?|adjustments?|adj|balance|paid|insurance|ins paid|patient|pt balance|discount|credits?)$/ },
];

export interface HeaderColumn {
  column: Column;
  x: number;
  right: number;
}

/** The header's columns, when the row names at least three different ones. */
export function headerColumns(row: TextRow): HeaderColumn[] | undefined {
  const found: HeaderColumn[] = [];
  for (const cell of row.cells) {
    // A cell may hold several headings ('Date   Code'): split on runs of spaces.
    const parts = splitCell(cell.text);
    const perChar = cell.text.length > 0 ? (cell.right - cell.x) / cell.text.length : 0;
    for (const part of parts) {
      const words = part.text.toLowerCase().replace(/[^a-z/. ]/g, '').trim();
      const hit = HEADER_WORDS.find((h) => h.re.test(words));
      if (hit) found.push({ column: hit.column, x: cell.x + part.start * perChar, right: cell.x + (part.start + part.text.length) * perChar });
    }
  }
  const distinct = new Set(found.map((f) => f.column));
  return distinct.size >= 3 && distinct.has('charge') ? found : undefined;
}

function splitCell(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const re = /\S+(?: \S+)*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push({ text: m[0], start: m.index });
  return out;
}

/** The column a token stands under: the heading its middle is nearest to (left-aligned text, right-aligned figures). */
export function columnOf(token: { x: number; right: number }, columns: HeaderColumn[]): Column | undefined {
  const mid = (token.x + token.right) / 2;
  let best: HeaderColumn | undefined;
  let bestDistance = Infinity;
  for (const c of columns) {
    const distance = mid < c.x ? c.x - mid : mid > c.right ? mid - c.right : 0;
    if (distance < bestDistance) {
      best = c;
      bestDistance = distance;
    }
  }
  return best?.column;
}
