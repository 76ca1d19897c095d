import type { Logger } from '../logger';
import { SqliteStorage } from './sqliteStorage';
import type { StoreOptions } from './storeCommon';
import { TtlMemoryStorage } from './ttlMemoryStorage';
import type { BotStore, StorageKind } from './types';

export const DEFAULT_PURGE_INTERVAL_MS = 60 * 60 * 1000;

export interface CreateStorageOptions {
  kind: StorageKind;
  /** Used by 'sqlite' only. */
  dataDir: string;
  /** Used by 'azure-blob' only. */
  blob?: { connectionString: string; container: string };
  retentionDays: number;
  logger: Logger;
  /** How often idle records are purged; defaults to hourly. */
  purgeIntervalMs?: number;
  /** Clock in epoch milliseconds (tests). */
  now?: () => number;
}

/** Opens the configured backend. Purges are logged with counts only, never keys or contents. */
export function createStorage(options: CreateStorageOptions): BotStore {
  const { kind, logger } = options;
  const storeOptions: StoreOptions = {
    retentionDays: options.retentionDays,
    now: options.now,
    purgeIntervalMs: options.purgeIntervalMs ?? DEFAULT_PURGE_INTERVAL_MS,
    onPurge: (count) => {
      if (count > 0) logger.info('storage.purged', { storage: kind, count });
      else logger.debug('storage.purged', { storage: kind, count });
    },
    onPurgeError: (err) => logger.warn('storage.purge_failed', { storage: kind }, err),
  };
  switch (kind) {
    case 'memory':
      return new TtlMemoryStorage(storeOptions);
    case 'sqlite':
      return new SqliteStorage({
        ...storeOptions,
        dataDir: options.dataDir,
        onCheckpointError: (err) => logger.warn('storage.checkpoint_worker_failed', { storage: kind }, err),
      });
    case 'azure-blob':
      if (!options.blob) throw new Error('Storage: azure-blob needs a connection string and a container.');
      return new (loadAzureBlobStorage())({ ...storeOptions, ...options.blob });
    default:
      return assertNever(kind);
  }
}

/** Loaded only when configured: the Azure SDK costs ~100 ms of start-up that sqlite and memory never need. */
function loadAzureBlobStorage(): typeof import('./azureBlobStorage').AzureBlobStorage {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('./azureBlobStorage') as typeof import('./azureBlobStorage')).AzureBlobStorage;
}

function assertNever(kind: never): never {
  throw new Error(`Storage: unknown kind ${String(kind)}.`);
}
