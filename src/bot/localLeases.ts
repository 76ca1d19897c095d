import type { StoreItem, StoreItems } from 'botbuilder';
import { canWrite, eTagConflict, newETag, setOwn } from '../storage/storeCommon';
import type { LeaseStore } from './turnLease';

interface Held {
  doc: Record<string, unknown>;
  eTag: string;
}

/**
 * Turn leases for a store only this process uses (sqlite, memory): a map, with the same create-only
 * and eTag rules as the stores, and nothing encoded or written. They were kept in a memory store
 * before, which encoded each lease to JSON and back three times a turn.
 */
export class LocalLeaseStore implements LeaseStore {
  private readonly held = new Map<string, Held>();

  async writeNew(key: string, item: StoreItem): Promise<boolean> {
    if (this.held.has(key)) return false;
    this.held.set(key, { doc: withoutETag(item), eTag: newETag() });
    return true;
  }

  async read(keys: string[]): Promise<StoreItems> {
    const result: StoreItems = {};
    for (const key of keys) {
      const entry = this.held.get(key);
      if (entry) setOwn(result, key, { ...entry.doc, eTag: entry.eTag });
    }
    return result;
  }

  /** All or nothing: every eTag is checked before anything is written. */
  async write(changes: StoreItems): Promise<void> {
    const keys = Object.keys(changes);
    for (const key of keys) {
      if (!canWrite((changes[key] as { eTag?: unknown }).eTag, this.held.get(key)?.eTag)) throw eTagConflict(key);
    }
    for (const key of keys) this.held.set(key, { doc: withoutETag(changes[key] as StoreItem), eTag: newETag() });
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.held.delete(key);
  }

  /** The keys of the leases held now (for tests: every lease is given back). */
  keys(): string[] {
    return [...this.held.keys()];
  }
}

function withoutETag(item: StoreItem): Record<string, unknown> {
  const { eTag: _eTag, ...doc } = item as Record<string, unknown>;
  return doc;
}
