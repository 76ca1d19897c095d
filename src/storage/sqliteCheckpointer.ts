import { Worker } from 'node:worker_threads';

/**
 * Copies the SQLite write-ahead log back into the database file from a worker thread, so the bot's
 * event loop never waits for it.
 *
 * By default SQLite checkpoints inside the commit that crosses 1,000 WAL pages: that commit copies
 * megabytes and, with synchronous=NORMAL, fsyncs the WAL and the database file while every turn in
 * the process waits. Here the bot's connection turns that off (`wal_autocheckpoint = 0`) and a second
 * connection, on its own thread, runs a PASSIVE checkpoint every `intervalMs`: it never blocks the
 * bot's reads or writes, and copies only frames no reader still needs. Durability is unchanged: a commit
 * is in the WAL before it returns, and a checkpoint is only ever a copy. If the worker fails, the
 * bot's connection takes checkpointing back (`onFailure`).
 */
export interface CheckpointerOptions {
  /** The database file (already in WAL mode). */
  file: string;
  intervalMs: number;
  /** The worker could not start or stopped on an error: SQLite's own checkpointing should resume. */
  onFailure: (err: unknown) => void;
}

export interface Checkpointer {
  /** Stops the timer and closes the worker's connection. */
  close(): Promise<void>;
}

interface WorkerInput {
  modulePath: string;
  file: string;
  intervalMs: number;
}

/**
 * The worker's whole program. It is sent as source text (`eval`), so it works the same from the compiled
 * files, the bundle and the tests: it must use nothing from outside its own body.
 */
function checkpointLoop(): void {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { parentPort, workerData } = require('node:worker_threads') as typeof import('node:worker_threads');
  const input = workerData as WorkerInput;
  const Database = require(input.modulePath) as typeof import('better-sqlite3');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const db = new Database(input.file, { fileMustExist: true });
  // A checkpoint that finds the database busy skips this round rather than waiting.
  db.pragma('busy_timeout = 0');
  db.pragma('synchronous = NORMAL');
  const timer = setInterval(() => {
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_BUSY') return;
      clearInterval(timer);
      throw err;
    }
  }, input.intervalMs);
  parentPort?.on('message', (message: unknown) => {
    if (message !== 'close') return;
    clearInterval(timer);
    db.close();
    parentPort.close();
  });
}

export function startCheckpointer(options: CheckpointerOptions): Checkpointer {
  const input: WorkerInput = { modulePath: require.resolve('better-sqlite3'), file: options.file, intervalMs: options.intervalMs };
  const worker = new Worker(`(${checkpointLoop.toString()})()`, { eval: true, workerData: input });
  // Never keeps the process alive; close() ends it properly.
  worker.unref();
  let closing = false;
  let failed = false;
  const fail = (err: unknown) => {
    if (closing || failed) return;
    failed = true;
    options.onFailure(err);
  };
  worker.on('error', fail);
  const exited = new Promise<void>((resolve) => {
    worker.once('exit', (code) => {
      if (code !== 0) fail(new Error(`Storage: the checkpoint worker stopped (exit code ${code}).`));
      resolve();
    });
  });
  return {
    async close() {
      if (closing) return exited;
      closing = true;
      // Held open until the worker has closed its connection (the process may have nothing else to wait for).
      worker.ref();
      worker.postMessage('close');
      await exited;
    },
  };
}
