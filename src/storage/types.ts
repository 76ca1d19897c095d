import type { Storage } from 'botbuilder';

export const STORAGE_KINDS = ['memory', 'sqlite'] as const;
export type StorageKind = (typeof STORAGE_KINDS)[number];

/**
 * The bot's Storage plus what operating it needs. Every backend passes the same
 * conformance suite (test/storage/conformance.ts).
 */
export interface BotStore extends Storage {
  readonly kind: StorageKind;
  /** True when a read round-trip to the backend works right now. */
  healthy(): Promise<boolean>;
  /** Deletes records not written for longer than the retention period; returns how many. */
  purgeIdle(now?: Date): Promise<number>;
  /** Releases files, timers and handles. Safe to call twice. */
  close(): Promise<void>;
}
