import NodeCache from 'node-cache';
import type { StoreItem, StoreItems } from 'botbuilder';
import type { BotStore } from './types';
import {
  canWrite, closedError, decodeItem, encodeItem, eTagConflict, newETag, reportPurge, requireChanges,
  requireKeys, retentionMs, setOwn, startPurgeTimer, type StoreOptions,
} from './storeCommon';

interface Entry {
  /** The item's JSON (without eTag): callers can never reach or mutate stored state. */
  readonly data: string;
  readonly eTag: string;
  /** Last write, by the injected clock; purgeIdle compares against it. */
  readonly updatedAt: number;
}

/** node-cache keeps its entries in a plain object: prefixing keeps "__proto__" & co. harmless. */
const KEY_PREFIX = 'k:';
const toCacheKey = (key: string): string => KEY_PREFIX + key;
const MAX_CHECK_PERIOD_SECONDS = 600;

/**
 * In-process storage with botbuilder MemoryStorage semantics plus idle expiry: every write resets
 * a record's time to live (the retention period). node-cache also expires records on its own
 * (by wall-clock time); purgeIdle forces a check against the injected clock.
 */
export class TtlMemoryStorage implements BotStore {
  readonly kind = 'memory' as const;
  private readonly cache: NodeCache;
  private readonly retentionMs: number;
  private readonly now: () => number;
  private readonly timer: NodeJS.Timeout | undefined;
  /** Records node-cache expired by itself since the last purge report. */
  private expiredByCache = 0;
  private closed = false;

  constructor(private readonly options: StoreOptions) {
    this.retentionMs = retentionMs(options.retentionDays);
    this.now = options.now ?? Date.now;
    const stdTTL = Math.ceil(this.retentionMs / 1000);
    this.cache = new NodeCache({
      stdTTL,
      checkperiod: Math.min(MAX_CHECK_PERIOD_SECONDS, stdTTL),
      useClones: false,
      deleteOnExpire: true,
    });
    this.cache.on('expired', () => {
      this.expiredByCache += 1;
    });
    this.timer = options.purgeIntervalMs === undefined
      ? undefined
      : startPurgeTimer(options.purgeIntervalMs, () => this.purge(this.now()), options.onPurgeError);
  }

  async read(keys: string[]): Promise<StoreItems> {
    requireKeys(keys);
    this.assertOpen();
    const result: StoreItems = {};
    for (const key of keys) {
      const entry = this.cache.get<Entry>(toCacheKey(key));
      if (entry !== undefined) setOwn(result, key, decodeItem(entry.data, entry.eTag));
    }
    return result;
  }

  /** All or nothing: every eTag is checked before anything is written. */
  async write(changes: StoreItems): Promise<void> {
    requireChanges(changes);
    this.assertOpen();
    const pending: Array<[string, string]> = [];
    for (const key of Object.keys(changes)) {
      const item: unknown = changes[key];
      const data = encodeItem(item);
      const stored = this.cache.get<Entry>(toCacheKey(key));
      if (!canWrite((item as { eTag?: unknown }).eTag, stored?.eTag)) throw eTagConflict(key);
      pending.push([key, data]);
    }
    const updatedAt = this.now();
    for (const [key, data] of pending) {
      const entry: Entry = { data, eTag: newETag(), updatedAt };
      this.cache.set(toCacheKey(key), entry);
    }
  }

  async delete(keys: string[]): Promise<void> {
    requireKeys(keys);
    this.assertOpen();
    this.cache.del(keys.map(toCacheKey));
  }

  async writeNew(key: string, item: StoreItem): Promise<boolean> {
    this.assertOpen();
    const data = encodeItem(item);
    if (this.cache.has(toCacheKey(key))) return false;
    this.cache.set(toCacheKey(key), { data, eTag: newETag(), updatedAt: this.now() } satisfies Entry);
    return true;
  }

  async healthy(): Promise<boolean> {
    return !this.closed;
  }

  async purgeIdle(now?: Date): Promise<number> {
    this.assertOpen();
    return this.purge(now === undefined ? this.now() : now.getTime());
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer !== undefined) clearInterval(this.timer);
    this.cache.close();
  }

  private purge(nowMs: number): number {
    if (this.closed) return 0;
    const cutoff = nowMs - this.retentionMs;
    let removed = 0;
    for (const cacheKey of this.cache.keys()) {
      // get() drops entries whose wall-clock TTL passed; the 'expired' listener counts those.
      const entry = this.cache.get<Entry>(cacheKey);
      if (entry !== undefined && entry.updatedAt < cutoff) {
        removed += this.cache.del(cacheKey);
      }
    }
    removed += this.expiredByCache;
    this.expiredByCache = 0;
    reportPurge(this.options, removed);
    return removed;
  }

  private assertOpen(): void {
    if (this.closed) throw closedError();
  }
}
