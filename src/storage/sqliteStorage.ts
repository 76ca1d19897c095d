import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { StoreItem, StoreItems } from 'botbuilder';
import type { BotStore } from './types';
import { DB_FILE_NAME, prepareDatabase, SQL } from './sqliteSchema';
import {
  canWrite, closedError, decodeItem, encodeItem, eTagConflict, newETag, reportPurge, requireChanges,
  requireKeys, retentionMs, setOwn, startPurgeTimer, writesUnconditionally, type StoreOptions,
} from './storeCommon';

export interface SqliteStorageOptions extends StoreOptions {
  /** Directory holding billcoach.sqlite (and its -wal/-shm files); created if missing. */
  dataDir: string;
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

  constructor(private readonly options: SqliteStorageOptions) {
    this.retentionMs = retentionMs(options.retentionDays);
    this.now = options.now ?? Date.now;
    mkdirSync(options.dataDir, { recursive: true });
    this.db = new Database(join(options.dataDir, DB_FILE_NAME));
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
    if (this.db.open) this.db.close();
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
