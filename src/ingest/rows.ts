/**
 * Printed rows from what a reader sees: a PDF's text items, or the words the OCR found. Both come out as
 * TextRows (cells left to right, rows in reading order) in about the same units (points of a 10-point font),
 * so the bill and EOB readers treat a text PDF and a photo alike.
 */
import type { TextCell, TextRow } from '../domain/billRead';
import type { PdfTextItem } from './pdfWorker';

/** One word the OCR read, its box in pixels and its confidence 0..100. */
export interface OcrWord {
  text: string;
  confidence: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** One line the OCR read. */
export interface OcrLine {
  words: OcrWord[];
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

/** A PDF page's text items as rows: items whose baselines are within a third of their height share a row. */
export function pdfRows(page: number, items: PdfTextItem[]): TextRow[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: { y: number; height: number; items: PdfTextItem[] }[] = [];
  for (const item of sorted) {
    const height = item.height > 0 ? item.height : 10;
    const row = rows.find((r) => Math.abs(r.y - item.y) <= Math.max(r.height, height) / 3);
    if (row) row.items.push(item);
    else rows.push({ y: item.y, height, items: [item] });
  }
  return rows
    .sort((a, b) => b.y - a.y)
    .map((r) => ({
      page,
      cells: r.items
        .sort((a, b) => a.x - b.x)
        .map((i): TextCell => ({ text: i.str.trim(), x: i.x, right: i.x + Math.max(i.width, 0), confidence: 1 })),
    }));
}

/**
 * OCR lines as rows. Words closer than a word space (about half the line's height) join one cell, so a
 * description stays one cell and columns stay apart; pixels are scaled so a line is about 10 units high.
 */
export function ocrRows(page: number, lines: OcrLine[]): TextRow[] {
  const heights = lines.flatMap((l) => l.words.map((w) => w.y1 - w.y0)).filter((h) => h > 0);
  const scale = heights.length > 0 ? 10 / median(heights) : 1;
  const rows: TextRow[] = [];
  for (const line of sameRows(lines)) {
    const words = line.words.filter((w) => w.text.trim() !== '').sort((a, b) => a.x0 - b.x0);
    if (words.length === 0) continue;
    const lineHeight = median(words.map((w) => w.y1 - w.y0));
    const cells: TextCell[] = [];
    let current: { words: OcrWord[] } | undefined;
    for (const word of words) {
      const last = current?.words[current.words.length - 1];
      if (current && last && word.x0 - last.x1 <= lineHeight * 0.6) current.words.push(word);
      else {
        current = { words: [word] };
        cells.push(cellOf(current.words, scale));
      }
      cells[cells.length - 1] = cellOf(current.words, scale);
    }
    rows.push({ page, cells });
  }
  return rows;
}

/**
 * The OCR's lines joined into printed rows: a page read in column blocks gives each column's piece of a row
 * as its own line; pieces whose middles are within half a line's height, side by side, are one row.
 */
export function sameRows(lines: OcrLine[]): OcrLine[] {
  const placed = lines
    .filter((l) => l.words.length > 0)
    .map((l) => {
      const top = median(l.words.map((w) => w.y0));
      const bottom = median(l.words.map((w) => w.y1));
      return { words: [...l.words], middle: (top + bottom) / 2, height: Math.max(1, bottom - top) };
    })
    .sort((a, b) => a.middle - b.middle);
  const rows: typeof placed = [];
  for (const line of placed) {
    const row = rows.find(
      (r) => Math.abs(r.middle - line.middle) <= Math.min(r.height, line.height) / 2 && !line.words.some((w) => r.words.some((o) => w.x0 < o.x1 && o.x0 < w.x1)),
    );
    if (row) row.words.push(...line.words);
    else rows.push(line);
  }
  return rows.sort((a, b) => a.middle - b.middle).map((r) => ({ words: r.words }));
}

/** OCR specks stuck to a figure ('2:', '1}', '80053"') are dropped; words without digits stay as read. */
function cleanWord(text: string): string {
  const t = text.trim();
  return /\d/.test(t) ? t.replace(/^[|:;'"`]+|[|:;'"`}\]]+$/g, '') : t;
}

function cellOf(words: OcrWord[], scale: number): TextCell {
  const first = words[0];
  const last = words[words.length - 1];
  return {
    text: words.map((w) => cleanWord(w.text)).join(' '),
    x: (first?.x0 ?? 0) * scale,
    right: (last?.x1 ?? 0) * scale,
    confidence: Math.round(Math.min(...words.map((w) => w.confidence)) * 100) / 10000,
  };
}
