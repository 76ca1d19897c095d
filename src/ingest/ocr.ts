/**
 * The OCR: one long-lived tesseract.js worker (its own thread), created on first use and reused. The English
 * model comes from the @tesseract.js-data/eng package on disk: nothing is fetched, and nothing is cached to disk.
 */
import path from 'node:path';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import type { OcrLine } from './rows';

/** The LSTM model (integer "best"): the one tesseract.js uses by default, here from the installed package. */
function langPath(): string {
  return path.join(path.dirname(require.resolve('@tesseract.js-data/eng')), '4.0.0_best_int');
}

export class Ocr {
  private worker: Promise<Worker> | undefined;
  /** Milliseconds the last worker took to start (for the closing note and the logs). */
  startMs: number | undefined;

  private get(): Promise<Worker> {
    if (!this.worker) {
      const started = performance.now();
      const worker = createWorker('eng', OEM.LSTM_ONLY, {
        langPath: langPath(),
        gzip: true,
        cacheMethod: 'none',
        logger: () => undefined,
        errorHandler: () => undefined,
      }).then(async (w) => {
        // debug_file: tesseract's own notes ("Estimating resolution…") go nowhere instead of the server's stdout.
        await w.setParameters({ tessedit_pageseg_mode: PSM.AUTO, preserve_interword_spaces: '1', debug_file: '/dev/null' });
        this.startMs = Math.round(performance.now() - started);
        return w;
      });
      this.worker = worker;
      // A worker that failed to start is dropped, so the next read tries again.
      worker.catch(() => {
        if (this.worker === worker) this.worker = undefined;
      });
    }
    return this.worker;
  }

  /** Warms the worker up (it starts in about a third of a second). */
  async start(): Promise<void> {
    await this.get();
  }

  /** The lines of an encoded image (PNG, JPEG, WebP, PGM), its skew straightened. */
  async lines(image: Uint8Array): Promise<OcrLine[]> {
    const worker = await this.get();
    const { data } = await worker.recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength), { rotateAuto: true }, { blocks: true, text: false });
    return (data.blocks ?? []).flatMap((b) =>
      b.paragraphs.flatMap((p) =>
        p.lines.map((l) => ({
          words: l.words.map((w) => ({ text: w.text, confidence: w.confidence, x0: w.bbox.x0, y0: w.bbox.y0, x1: w.bbox.x1, y1: w.bbox.y1 })),
        })),
      ),
    );
  }

  /** Ends the worker (a read that ran too long, or the server stopping); the next read starts a new one. */
  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (!worker) return;
    try {
      await (await worker).terminate();
    } catch {
      // it had not started, or is gone already
    }
  }
}
