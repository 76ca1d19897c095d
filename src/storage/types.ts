import type { Storage, StoreItem } from 'botbuilder';

export const STORAGE_KINDS = ['memory', 'sqlite', 'azure-blob'] as const;
export type StorageKind = (typeof STORAGE_KINDS)[number];

/**
 * The bot's Storage plus what operating it needs. Every backend passes the same
 * conformance suite (test/storage/conformance.ts).
 */
export interface BotStore extends Storage {
  readonly kind: StorageKind;
  /**
   * Creates `key` only if no record has it; true when this call created it. The one primitive
   * botbuilder's Storage lacks, and what makes a lease safe between several instances.
   */
  writeNew(key: string, item: StoreItem): Promise<boolean>;
  /** True when a read round-trip to the backend works right now. Never throws. */
  healthy(): Promise<boolean>;
  /** Deletes records not written for longer than the retention period; returns how many. */
  purgeIdle(now?: Date): Promise<number>;
  /** Releases files, timers and handles. Safe to call twice. */
  close(): Promise<void>;
}
