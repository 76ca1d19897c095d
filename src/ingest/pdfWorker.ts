/**
 * Reading a PDF off the event loop: pdf.js (through unpdf) runs in a worker thread, which also keeps its
 * ESM-only bundle out of the caller's module system (jest's CommonJS runtime, the esbuild bundle). The
 * worker's code is the self-contained function below, sent as source: it may use only what it requires
 * itself. Each read gets a fresh worker, ended when the read ends (or times out), so nothing of the file stays.
 */
import { Worker } from 'node:worker_threads';
import { READER_NICE } from './priority';

/** A run of text as pdf.js places it: x, y from the page's bottom-left, in points. */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A page: its text layer, or (scanned, no text) its largest image as 8-bit grey pixels. */
export type PdfPage =
  | { page: number; text: PdfTextItem[] }
  | { page: number; image: { width: number; height: number; grey: Uint8Array } }
  | { page: number; empty: true };

export type PdfResult =
  | { ok: true; pages: number; read: PdfPage[] }
  | { ok: false; problem: 'passwordProtected' | 'damaged' };

type WorkerMessage =
  | { type: 'page'; page: PdfPage; pages: number }
  | { type: 'done'; pages: number }
  | { type: 'failed'; problem: 'passwordProtected' | 'damaged' };

/** At most this many pages are read: a bill or an EOB is a few pages. */
export const MAX_PDF_PAGES = 20;

/* The worker's code. Runs in the worker thread only, with no access to this module's scope. */
function pdfWorkerMain(): void {
  const { parentPort, workerData } = require('node:worker_threads') as typeof import('node:worker_threads');
  const { unpdfPath, bytes, maxPages, minTextItems, nice } = workerData as { unpdfPath: string; bytes: Uint8Array; maxPages: number; minTextItems: number; nice: number };
  try {
    // This thread only (Linux: pid 0 is the calling thread): the other users' turns get the CPU first.
    (require('node:os') as typeof import('node:os')).setPriority(0, nice);
  } catch {
    // not permitted or not supported: still off the event loop, at normal priority
  }
  type Unpdf = {
    getDocumentProxy(data: Uint8Array): Promise<{
      numPages: number;
      getPage(n: number): Promise<{ getTextContent(): Promise<{ items: { str?: string; transform?: number[]; width?: number; height?: number }[] }> }>;
      destroy(): Promise<void>;
    }>;
    extractImages(pdf: unknown, page: number): Promise<{ data: Uint8ClampedArray; width: number; height: number; channels: number }[]>;
  };
  const post = (m: unknown, transfer?: ArrayBuffer[]) => parentPort?.postMessage(m, transfer);
  const run = async () => {
    const unpdf = require(unpdfPath) as Unpdf;
    let pdf: Awaited<ReturnType<Unpdf['getDocumentProxy']>>;
    try {
      pdf = await unpdf.getDocumentProxy(bytes);
    } catch (err) {
      if (bytes.byteLength > 0) bytes.fill(0);
      const name = (err as { name?: string } | null)?.name;
      post({ type: 'failed', problem: name === 'PasswordException' ? 'passwordProtected' : 'damaged' });
      return;
    }
    const pages = Math.min(pdf.numPages, maxPages);
    try {
      for (let n = 1; n <= pages; n += 1) {
        const page = await pdf.getPage(n);
        const content = await page.getTextContent();
        const text = content.items
          .filter((i) => typeof i.str === 'string' && i.str.trim() !== '' && Array.isArray(i.transform))
          .map((i) => ({ str: i.str ?? '', x: i.transform?.[4] ?? 0, y: i.transform?.[5] ?? 0, width: i.width ?? 0, height: i.height ?? 0 }));
        if (text.length >= minTextItems) {
          post({ type: 'page', pages, page: { page: n, text } });
          continue;
        }
        const images = await unpdf.extractImages(pdf, n);
        const largest = images.sort((a, b) => b.width * b.height - a.width * a.height)[0];
        if (!largest || largest.width < 50 || largest.height < 50) {
          post({ type: 'page', pages, page: { page: n, empty: true } });
          continue;
        }
        const { data, width, height, channels } = largest;
        const grey = new Uint8Array(width * height);
        for (let p = 0; p < width * height; p += 1) {
          const at = p * channels;
          grey[p] = channels >= 3 ? Math.round(0.299 * (data[at] ?? 0) + 0.587 * (data[at + 1] ?? 0) + 0.114 * (data[at + 2] ?? 0)) : (data[at] ?? 0);
        }
        post({ type: 'page', pages, page: { page: n, image: { width, height, grey } } }, [grey.buffer]);
      }
      post({ type: 'done', pages });
    } catch {
      post({ type: 'failed', problem: 'damaged' });
    } finally {
      // pdf.js may have taken the buffer over (detached, length 0): then there is nothing left to clear here.
      if (bytes.byteLength > 0) bytes.fill(0);
      await pdf.destroy().catch(() => undefined);
    }
  };
  void run();
}

let unpdfPath: string | undefined;

/**
 * Reads a PDF's pages in a worker thread: text items per page, or the image of a page with no text.
 * `onPage` hears of each page as it is read. An aborted signal ends the worker at once (the promise rejects).
 */
export function readPdfPages(bytes: Uint8Array, signal: AbortSignal, onPage?: (page: number, pages: number) => void): Promise<PdfResult> {
  unpdfPath ??= require.resolve('unpdf');
  // A copy goes to the worker (moved, not cloned): the caller's bytes stay the caller's to clear.
  const copy = new Uint8Array(bytes);
  return new Promise<PdfResult>((resolve, reject) => {
    if (signal.aborted) {
      copy.fill(0);
      reject(new Error('aborted'));
      return;
    }
    const worker = new Worker(`(${pdfWorkerMain.toString()})()`, {
      eval: true,
      workerData: { unpdfPath, bytes: copy, maxPages: MAX_PDF_PAGES, minTextItems: 3, nice: READER_NICE },
      transferList: [copy.buffer],
      stdout: true,
      stderr: true,
    });
    // pdf.js's own warnings go nowhere: read and dropped, never passed to the server's output.
    worker.stdout.resume();
    worker.stderr.resume();
    const read: PdfPage[] = [];
    let settled = false;
    const finish = (result: PdfResult | Error) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      void worker.terminate();
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const onAbort = () => finish(new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'page') {
        read.push(m.page);
        onPage?.(m.page.page, m.pages);
      } else if (m.type === 'done') finish({ ok: true, pages: m.pages, read });
      else finish({ ok: false, problem: m.problem });
    });
    // An error ends the worker: its messages come first, then 'exit'; a worker gone with no answer read nothing.
    worker.on('error', () => undefined);
    worker.on('exit', () => finish({ ok: false, problem: 'damaged' }));
  });
}
