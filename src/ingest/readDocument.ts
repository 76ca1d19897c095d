import { sniffBillFileType } from '../fileUploads';
import type { TextRow } from '../domain/billRead';
import { classifyRows } from './classify';
import { Ocr } from './ocr';
import { readPdfPages } from './pdfWorker';
import { greyToPgm } from './pgm';
import { ocrRows, pdfRows } from './rows';
import type { ReadDocument, ReadFailure, ReadOptions } from './types';

export type { ReadDocument, ReadFailure, ReadOptions } from './types';

/** One reader per process: one OCR worker, one read at a time (a second one meanwhile is told 'busy'). */
const ocr = new Ocr();
let reading = false;

class Stopped extends Error {}

/**
 * The reader's entry point: sniffs the bytes (never trusting contentType alone) and reads a PDF or an image.
 * Text PDFs are read from their text layer in a worker thread; scanned pages and photos by the OCR worker.
 * The bytes stay in memory and are never logged; the caller clears its copy when this returns.
 */
export async function readDocument(bytes: Uint8Array, contentType: string, opts: ReadOptions): Promise<ReadDocument | ReadFailure> {
  void contentType;
  const type = sniffBillFileType(bytes);
  if (!type) return { kind: 'unsupportedType' };
  if (reading) return { kind: 'busy' };
  reading = true;
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(), Math.max(1, opts.timeoutMs));
  const onOuterAbort = () => stop.abort();
  opts.signal?.addEventListener('abort', onOuterAbort, { once: true });
  if (opts.signal?.aborted) stop.abort();
  const stopped = new Promise<never>((_, reject) => {
    if (stop.signal.aborted) reject(new Stopped());
    stop.signal.addEventListener('abort', () => reject(new Stopped()), { once: true });
  });
  stopped.catch(() => undefined);
  const used = { ocr: false };
  try {
    const work = type === 'application/pdf' ? readPdf(bytes, opts, stop.signal, used) : readImage(bytes, opts, used);
    return await Promise.race([work, stopped]);
  } catch (err) {
    if (err instanceof Stopped || stop.signal.aborted) {
      // The OCR may be mid-page: end its worker, so the next read starts a fresh one. (The PDF worker ends with the signal.)
      if (used.ocr) await ocr.stop();
      return { kind: 'timeout' };
    }
    throw err;
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onOuterAbort);
    reading = false;
  }
}

/** The caller's progress callback; one that throws does not end the read. */
function tell(opts: ReadOptions, page: number, pages: number): void {
  try {
    opts.onProgress?.({ page, pages });
  } catch {
    // the note is the caller's; the read goes on
  }
}

async function readImage(bytes: Uint8Array, opts: ReadOptions, used: { ocr: boolean }): Promise<ReadDocument | ReadFailure> {
  tell(opts, 1, 1);
  used.ocr = true;
  const rows = ocrRows(1, await ocr.lines(bytes));
  return fromRows(rows, 1, 'ocr');
}

async function readPdf(bytes: Uint8Array, opts: ReadOptions, signal: AbortSignal, used: { ocr: boolean }): Promise<ReadDocument | ReadFailure> {
  const result = await readPdfPages(bytes, signal);
  if (!result.ok) return { kind: result.problem };
  const rows: TextRow[] = [];
  let scanned = false;
  for (const page of result.read) {
    if (signal.aborted) throw new Stopped();
    tell(opts, page.page, result.pages);
    if ('text' in page) rows.push(...pdfRows(page.page, page.text));
    else if ('image' in page) {
      scanned = true;
      used.ocr = true;
      const { width, height, grey } = page.image;
      rows.push(...ocrRows(page.page, await ocr.lines(greyToPgm(width, height, grey))));
      grey.fill(0);
    }
  }
  return fromRows(rows, result.pages, scanned ? 'ocr' : 'pdfText');
}

/** Below this an OCR word is a guess at a speck or a shadow, not print. */
const PRINT_CONFIDENCE = 0.4;

/** Nothing printed: no letters or digits read with some confidence (a blank page, a photo of a wall). */
function isBlank(rows: TextRow[]): boolean {
  const printed = rows.flatMap((r) => r.cells.filter((c) => c.confidence >= PRINT_CONFIDENCE).map((c) => c.text)).join('');
  return (printed.match(/[\p{L}\p{N}]/gu) ?? []).length < 3;
}

function fromRows(rows: TextRow[], pages: number, method: ReadDocument['method']): ReadDocument | ReadFailure {
  if (isBlank(rows)) return { kind: 'blank' };
  return classifyRows(rows, pages, method) ?? { kind: 'notABill' };
}

/** Starts the OCR worker ahead of the first photo (optional: the first read starts it otherwise). */
export function warmUpReader(): Promise<void> {
  return ocr.start();
}

/** Ends the OCR worker: for the server's stop, and tests. A later read starts a new one. */
export function shutdownReader(): Promise<void> {
  return ocr.stop();
}

/** How long the OCR worker took to start, once it has (ms). */
export function ocrStartMs(): number | undefined {
  return ocr.startMs;
}
