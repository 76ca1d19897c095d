/**
 * The OCR: one long-lived tesseract.js worker, created on first use and reused. It lives inside a host thread of
 * our own that lowers its scheduling priority first, so the threads tesseract starts from it inherit the low
 * priority: while a photo is read, the other users' turns on the main thread get the CPU first. The English
 * model comes from the @tesseract.js-data/eng package on disk: nothing is fetched, and nothing is cached to disk.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { READER_NICE } from './priority';
import type { OcrLine } from './rows';


/** The LSTM model (integer "best"): the one tesseract.js uses by default, here from the installed package. */
function langPath(): string {
  return path.join(path.dirname(require.resolve('@tesseract.js-data/eng')), '4.0.0_best_int');
}

type HostMessage =
  | { kind: 'ready' }
  | { kind: 'failed'; message: string }
  | { kind: 'lines'; id: number; lines: OcrLine[] }
  | { kind: 'error'; id: number; message: string };

/* The host thread's code. Runs in the worker thread only, with no access to this module's scope (sent as source). */
function ocrHostMain(): void {
  const { parentPort, workerData } = require('node:worker_threads') as typeof import('node:worker_threads');
  const { tesseractPath, langPath: lang, nice } = workerData as { tesseractPath: string; langPath: string; nice: number };
  try {
    // On Linux this sets this thread's nice value (pid 0 is the calling thread); threads started from here inherit it.
    (require('node:os') as typeof import('node:os')).setPriority(0, nice);
  } catch {
    // not permitted or not supported: the OCR still runs off the event loop, at normal priority
  }
  const T = require(tesseractPath) as typeof import('tesseract.js');
  const ready = T.createWorker('eng', T.OEM.LSTM_ONLY, { langPath: lang, gzip: true, cacheMethod: 'none', logger: () => undefined, errorHandler: () => undefined })
    .then(async (w) => {
      // debug_file: tesseract's own notes ("Estimating resolution…") go nowhere instead of the server's stdout.
      await w.setParameters({ tessedit_pageseg_mode: T.PSM.AUTO, preserve_interword_spaces: '1', debug_file: '/dev/null' });
      return w;
    });
  ready.then(() => parentPort?.postMessage({ kind: 'ready' }), (err: unknown) => parentPort?.postMessage({ kind: 'failed', message: String(err) }));
  parentPort?.on('message', (m: { id: number; image: Uint8Array }) => {
    void (async () => {
      try {
        const w = await ready;
        const { data } = await w.recognize(Buffer.from(m.image.buffer, m.image.byteOffset, m.image.byteLength), { rotateAuto: true }, { blocks: true, text: false });
        m.image.fill(0);
        const lines = (data.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines.map((l) => ({
          words: l.words.map((x) => ({ text: x.text, confidence: x.confidence, x0: x.bbox.x0, y0: x.bbox.y0, x1: x.bbox.x1, y1: x.bbox.y1 })),
        }))));
        parentPort?.postMessage({ kind: 'lines', id: m.id, lines });
      } catch (err) {
        parentPort?.postMessage({ kind: 'error', id: m.id, message: err instanceof Error ? err.message : String(err) });
      }
    })();
  });
}

interface Host {
  worker: Worker;
  pending: Map<number, { resolve(lines: OcrLine[]): void; reject(err: Error): void }>;
}

export class Ocr {
  private host: Promise<Host> | undefined;
  private nextId = 0;
  /** Milliseconds the last worker took to start (for the closing note and the logs). */
  startMs: number | undefined;

  private get(): Promise<Host> {
    if (this.host) return this.host;
    const started = performance.now();
    const worker = new Worker(`(${ocrHostMain.toString()})()`, {
      eval: true,
      workerData: { tesseractPath: require.resolve('tesseract.js'), langPath: langPath(), nice: READER_NICE },
      stdout: true,
      stderr: true,
    });
    // tesseract's own output goes nowhere: read and dropped, never passed to the server's output.
    worker.stdout.resume();
    worker.stderr.resume();
    const host: Host = { worker, pending: new Map() };
    const starting = new Promise<Host>((resolve, reject) => {
      const gone = (why: string) => {
        reject(new Error(why));
        for (const p of host.pending.values()) p.reject(new Error(why));
        host.pending.clear();
        if (this.host === starting) this.host = undefined;
      };
      worker.on('message', (m: HostMessage) => {
        if (m.kind === 'ready') {
          this.startMs = Math.round(performance.now() - started);
          resolve(host);
        } else if (m.kind === 'failed') {
          gone(`ocr did not start: ${m.message}`);
          void worker.terminate();
        } else {
          const waiting = host.pending.get(m.id);
          host.pending.delete(m.id);
          if (m.kind === 'lines') waiting?.resolve(m.lines);
          else waiting?.reject(new Error(m.message));
        }
      });
      worker.on('error', () => undefined);
      // A host that failed or was ended is dropped, so the next read starts a new one.
      worker.on('exit', () => gone('ocr ended'));
    });
    this.host = starting;
    starting.catch(() => undefined);
    return starting;
  }

  /** Warms the worker up (it starts in about half a second). */
  async start(): Promise<void> {
    await this.get();
  }

  /** The lines of an encoded image (PNG, JPEG, WebP, PGM), its skew straightened. */
  async lines(image: Uint8Array): Promise<OcrLine[]> {
    const host = await this.get();
    const id = ++this.nextId;
    // A copy goes to the host (moved, not cloned): the caller's bytes stay the caller's to clear.
    const copy = new Uint8Array(image);
    return new Promise<OcrLine[]>((resolve, reject) => {
      host.pending.set(id, { resolve, reject });
      host.worker.postMessage({ id, image: copy }, [copy.buffer]);
    });
  }

  /** Ends the worker (a read that ran too long, or the server stopping); the next read starts a new one. */
  async stop(): Promise<void> {
    const host = this.host;
    this.host = undefined;
    if (!host) return;
    try {
      await (await host).worker.terminate();
    } catch {
      // it had not started, or is gone already
    }
  }
}
