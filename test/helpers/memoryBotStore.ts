import { MemoryStorage, type StoreItem, type StoreItems } from 'botbuilder';
import { ETagConflictError } from '../../src/storage/storeCommon';
import type { BotStore } from '../../src/storage/types';

/**
 * The SDK's MemoryStorage with the BotStore extras, for tests that look inside the store
 * (`keys()`); production memory storage is TtlMemoryStorage.
 */
export class MemoryBotStore extends MemoryStorage implements BotStore {
  readonly kind = 'memory' as const;

  /** The SDK's write, with its eTag conflict thrown as the typed error the project's stores throw. */
  override async write(changes: StoreItems): Promise<void> {
    try {
      await super.write(changes);
    } catch (err) {
      const key = /writing "([^"]*)" due to eTag conflict/.exec(String((err as Error).message))?.[1];
      throw key === undefined ? err : new ETagConflictError(key);
    }
  }

  async writeNew(key: string, item: StoreItem): Promise<boolean> {
    if (Object.prototype.hasOwnProperty.call(this.memory, key) && this.memory[key] !== undefined) return false;
    const { eTag: _ignored, ...rest } = item;
    // The SDK's own write (not an override a test may have slowed down): check and set stay one step.
    await super.write({ [key]: rest });
    return true;
  }

  async healthy(): Promise<boolean> {
    return true;
  }

  async purgeIdle(): Promise<number> {
    return 0;
  }

  async close(): Promise<void> {}

  /** Every key with a value. */
  keys(): string[] {
    return Object.keys(this.memory).filter((key) => this.memory[key] !== undefined);
  }
}
