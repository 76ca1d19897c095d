import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { StoreItem, StoreItems } from 'botbuilder';
import type { BotStore } from './types';
import { startCheckpointer, type Checkpointer, type CheckpointerOptions } from './sqliteCheckpointer';
import { DB_FILE_NAME, prepareDatabase, SQL } from './sqliteSchema';
import {
  canWrite, closedError, decodeItem, encodeItem, eTagConflict, newETag, reportPurge, requireChanges,
  requireKeys, retentionMs, setOwn, startPurgeTimer, writesUnconditionally, type StoreOptions,
} from './storeCommon';

/** How often the worker copies the write-ahead log into the database file (sqliteCheckpointer.ts). */
export const DEFAULT_CHECKPOINT_INTERVAL_MS = 500;
/** SQLite's own default: a commit that takes the log past this many pages checkpoints it. */
const SQLITE_AUTOCHECKPOINT_PAGES = 1000;

export interface SqliteStorageOptions extends StoreOptions {
  /** Directory holding billcoach.sqlite (and its -wal/-shm files); created if missing. */
  dataDir: string;
  /** Checkpoint from a worker thread this often; 0 leaves it to SQLite, inside commits on this thread. */
  checkpointIntervalMs?: number;
  /** Told when the checkpoint worker failed (this connection has then taken checkpointing back). */
  onCheckpointError?: (err: unknown) => void;
  /** Starts the checkpoint worker (tests replace it). */
  startCheckpointer?: (options: CheckpointerOptions) => Checkpointer;
}

interface PendingWrite {
  readonly key: string;
  readonly incomingETag: unknown;
  readonly data: string;
}

interface Statements {
  readonly selectOne: Database.Statement<[string], { etag: string; data: string }>;
  readonly selectETag: Database.Statement<[string], { etag: string }>;
  readonly upsert: Database.Statement<[string, string, string, number]>;
  readonly insertNew: Database.Statement<[string, string, string, number]>;
  readonly deleteOne: Database.Statement<[string]>;
  readonly purgeBefore: Database.Statement<[number]>;
  readonly ping: Database.Statement<[], { ok: number }>;
}

/**
 * Durable storage in one SQLite file (WAL; see sqliteSchema.ts for the durability trade-off),
 * with botbuilder MemoryStorage eTag semantics. A write is one transaction: if any key conflicts,
 * nothing is written. Records idle for longer than the retention period are purged at open, on
 * the optional timer and by purgeIdle().
 */
export class SqliteStorage implements BotStore {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly statements: Statements;
  private readonly retentionMs: number;
  private readonly now: () => number;
  private readonly writeAll: (rows: readonly PendingWrite[], updatedAt: number) => void;
  private readonly deleteAll: (keys: readonly string[]) => void;
  private timer: NodeJS.Timeout | undefined;
  private checkpointer: Checkpointer | undefined;

  constructor(private readonly options: SqliteStorageOptions) {
    this.retentionMs = retentionMs(options.retentionDays);
    this.now = options.now ?? Date.now;
    mkdirSync(options.dataDir, { recursive: true });
    const file = join(options.dataDir, DB_FILE_NAME);
    this.db = new Database(file);
    try {
      prepareDatabase(this.db);
      this.statements = {
        selectOne: this.db.prepare(SQL.selectOne),
        selectETag: this.db.prepare(SQL.selectETag),
        upsert: this.db.prepare(SQL.upsert),
        insertNew: this.db.prepare(SQL.insertNew),
        deleteOne: this.db.prepare(SQL.deleteOne),
        purgeBefore: this.db.prepare(SQL.purgeBefore),
        ping: this.db.prepare(SQL.ping),
      };
      this.writeAll = this.db.transaction((rows: readonly PendingWrite[], updatedAt: number) => {
        for (const row of rows) {
          // Throwing inside the transaction rolls back the rows already written. An unconditional
          // write (BotState's '*') skips the lookup.
          const stored = writesUnconditionally(row.incomingETag) ? undefined : this.statements.selectETag.get(row.key);
          if (!canWrite(row.incomingETag, stored?.etag)) throw eTagConflict(row.key);
          this.statements.upsert.run(row.key, newETag(), row.data, updatedAt);
        }
      });
      this.deleteAll = this.db.transaction((keys: readonly string[]) => {
        for (const key of keys) this.statements.deleteOne.run(key);
      });
      this.purge(this.now());
      this.checkpointer = this.startCheckpointing(file);
    } catch (err) {
      this.db.close();
      throw err;
    }
    if (options.purgeIntervalMs !== undefined) {
      this.timer = startPurgeTimer(options.purgeIntervalMs, () => this.purge(this.now()), options.onPurgeError);
    }
  }

  async read(keys: string[]): Promise<StoreItems> {
    requireKeys(keys);
    this.assertOpen();
    const result: StoreItems = {};
    for (const key of keys) {
      const row = this.statements.selectOne.get(key);
      if (row !== undefined) setOwn(result, key, decodeItem(row.data, row.etag));
    }
    return result;
  }

  async write(changes: StoreItems): Promise<void> {
    requireChanges(changes);
    this.assertOpen();
    const rows = Object.keys(changes).map((key): PendingWrite => {
      const item: unknown = changes[key];
      const data = encodeItem(item);
      return { key, incomingETag: (item as { eTag?: unknown }).eTag, data };
    });
    if (rows.length > 0) this.writeAll(rows, this.now());
  }

  async delete(keys: string[]): Promise<void> {
    requireKeys(keys);
    this.assertOpen();
    if (keys.length > 0) this.deleteAll(keys);
  }

  async writeNew(key: string, item: StoreItem): Promise<boolean> {
    this.assertOpen();
    return this.statements.insertNew.run(key, newETag(), encodeItem(item), this.now()).changes === 1;
  }

  /** Never throws: false when the database is closed or a trivial query fails. */
  async healthy(): Promise<boolean> {
    try {
      return this.db.open && this.statements.ping.get()?.ok === 1;
    } catch {
      return false;
    }
  }

  async purgeIdle(now?: Date): Promise<number> {
    this.assertOpen();
    return this.purge(now === undefined ? this.now() : now.getTime());
  }

  async close(): Promise<void> {
    if (this.timer !== undefined) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
    const checkpointer = this.checkpointer;
    this.checkpointer = undefined;
    await checkpointer?.close();
    // The last connection to close checkpoints the whole log and removes it.
    if (this.db.open) this.db.close();
  }

  private startCheckpointing(file: string): Checkpointer | undefined {
    const intervalMs = this.options.checkpointIntervalMs ?? DEFAULT_CHECKPOINT_INTERVAL_MS;
    if (intervalMs === 0) return undefined;
    if (!Number.isFinite(intervalMs) || intervalMs < 0) throw new RangeError('Storage: checkpointIntervalMs must be 0 or a positive number.');
    this.db.pragma('wal_autocheckpoint = 0');
    const start = this.options.startCheckpointer ?? startCheckpointer;
    return start({
      file,
      intervalMs,
      onFailure: (err) => {
        if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
        this.options.onCheckpointError?.(err);
      },
    });
  }

  private purge(nowMs: number): number {
    if (!this.db.open) return 0;
    const removed = this.statements.purgeBefore.run(nowMs - this.retentionMs).changes;
    reportPurge(this.options, removed);
    return removed;
  }

  private assertOpen(): void {
    if (!this.db.open) throw closedError();
  }
}
