export { STORAGE_KINDS, type BotStore, type StorageKind } from './types';
export { createStorage, DEFAULT_PURGE_INTERVAL_MS, type CreateStorageOptions } from './createStorage';
export { TtlMemoryStorage } from './ttlMemoryStorage';
export { SqliteStorage, type SqliteStorageOptions } from './sqliteStorage';
export type { StoreOptions } from './storeCommon';
export { DB_FILE_NAME, SCHEMA_VERSION } from './sqliteSchema';
export type { AzureBlobStorageOptions } from './azureBlobStorage';
