import { randomUUID } from 'node:crypto';
import type { StoreItem, StoreItems } from 'botbuilder';

/**
 * What every backend shares: options, eTag rules (identical to botbuilder's MemoryStorage),
 * item encoding and the idle-purge timer.
 */
export interface StoreOptions {
  /** Records not written for longer than this are idle and get purged. */
  retentionDays: number;
  /** Clock in epoch milliseconds; injectable for tests. Defaults to Date.now. */
  now?: () => number;
  /** When set, purgeIdle runs on an unref()'d timer with this period until close(). */
  purgeIntervalMs?: number;
  /** Told how many records each purge removed (open, timer and explicit purgeIdle calls). */
  onPurge?: (removed: number) => void;
  /** Told when a purge run by the timer (or at open) failed. */
  onPurgeError?: (err: unknown) => void;
}

export const MS_PER_DAY = 24 * 60 * 60 * 1000;

export function retentionMs(retentionDays: number): number {
  if (!Number.isFinite(retentionDays) || retentionDays <= 0) {
    throw new RangeError('Storage: retentionDays must be a positive number.');
  }
  return retentionDays * MS_PER_DAY;
}

/** Random, so an eTag from before a restart can never match a later write. */
export function newETag(): string {
  return randomUUID();
}

/**
 * MemoryStorage rules: no eTag or '*' always writes; a missing record always writes; otherwise
 * the incoming eTag must equal the stored one.
 */
export function canWrite(incomingETag: unknown, storedETag: string | undefined): boolean {
  if (writesUnconditionally(incomingETag)) return true;
  return storedETag === undefined || incomingETag === storedETag;
}

/** No eTag or '*': the write does not depend on what is stored (BotState always writes this way). */
export function writesUnconditionally(incomingETag: unknown): boolean {
  return incomingETag === undefined || incomingETag === null || incomingETag === '' || incomingETag === '*';
}

/** Another writer changed (or created) the record first: the write was refused. Thrown by every store. */
export class ETagConflictError extends Error {
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'ETagConflictError';
  }
}

export function eTagConflict(key: string): ETagConflictError {
  return new ETagConflictError(key);
}

/** The stored form of an item: its JSON without the eTag (the eTag is kept beside it). */
export function encodeItem(item: unknown): string {
  if (typeof item !== 'object' || item === null) {
    throw new TypeError('Storage: each item written must be an object.');
  }
  const copy: Record<string, unknown> = { ...(item as Record<string, unknown>) };
  delete copy.eTag;
  return JSON.stringify(copy);
}

export function decodeItem(data: string, eTag: string): StoreItem {
  const parsed: unknown = JSON.parse(data);
  // What encodeItem wrote is a fresh object here: the eTag goes on it rather than on a copy.
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { ...(parsed as object), eTag };
  (parsed as StoreItem).eTag = eTag;
  return parsed as StoreItem;
}

/** Sets an own property even for keys such as "__proto__". */
export function setOwn(target: StoreItems, key: string, value: StoreItem): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export function requireKeys(keys: unknown): asserts keys is string[] {
  if (!Array.isArray(keys)) throw new ReferenceError('Keys are required.');
}

export function requireChanges(changes: unknown): asserts changes is StoreItems {
  if (typeof changes !== 'object' || changes === null) {
    throw new ReferenceError('Changes are required when writing.');
  }
}

export function closedError(): Error {
  return new Error('Storage: the store is closed.');
}

/** Runs `purge` every `intervalMs` without keeping the process alive; errors go to `onError`. */
export function startPurgeTimer(
  intervalMs: number,
  purge: () => void,
  onError: ((err: unknown) => void) | undefined,
): NodeJS.Timeout {
  if (!Number.isFinite(intervalMs) || intervalMs <= 0) {
    throw new RangeError('Storage: purgeIntervalMs must be a positive number.');
  }
  const timer = setInterval(() => {
    try {
      purge();
    } catch (err) {
      onError?.(err);
    }
  }, intervalMs);
  timer.unref();
  return timer;
}

/** Reports a purge result; a throwing listener must not turn a finished purge into a failure. */
export function reportPurge(options: StoreOptions, removed: number): void {
  try {
    options.onPurge?.(removed);
  } catch (err) {
    options.onPurgeError?.(err);
  }
}
