import { createHash } from 'node:crypto';
import { BlobServiceClient, ContainerClient, RestError, type StoragePipelineOptions } from '@azure/storage-blob';
import type { StoreItem, StoreItems } from 'botbuilder';
import type { BotStore } from './types';
import {
  closedError, decodeItem, encodeItem, eTagConflict, reportPurge, requireChanges, requireKeys, retentionMs,
  setOwn, startPurgeTimer, type StoreOptions,
} from './storeCommon';

export interface AzureBlobStorageOptions extends StoreOptions {
  connectionString: string;
  container: string;
  /** Per-request time limit; a turn must not hang on a slow store. */
  requestTimeoutMs?: number;
}

/** Blob names are hashes: bounded length, no collisions from truncation, no user ids in names or logs. */
const PREFIX = 'state/';
export const blobNameOf = (key: string): string => PREFIX + createHash('sha256').update(key, 'utf8').digest('hex');
const UPDATED_AT = 'updatedat';
const HEALTH_TIMEOUT_MS = 3000;
/** Bounded retries: a chat turn would rather fail clearly than wait for the SDK's default minutes. */
const pipelineOptions = (timeoutMs: number): StoragePipelineOptions => ({
  retryOptions: { maxTries: 3, tryTimeoutInMs: timeoutMs, retryDelayInMs: 100, maxRetryDelayInMs: 1000 },
});

const statusOf = (err: unknown): number | undefined => (err instanceof RestError ? err.statusCode : undefined);
const isRealETag = (eTag: unknown): eTag is string => typeof eTag === 'string' && eTag !== '' && eTag !== '*';

/**
 * Azure Blob Storage (one blob per record) with the same semantics as the other backends:
 * MemoryStorage eTag rules, all-or-nothing batches when nothing races (every eTag is checked before
 * anything is written; each upload is still conditional, so a racer can only make the batch fail,
 * never be overwritten), retention by the time of the last write kept in the blob's metadata.
 * Built on @azure/storage-blob, the client botbuilder-azure-blobs uses (see README for why not that class).
 */
export class AzureBlobStorage implements BotStore {
  readonly kind = 'azure-blob' as const;
  private readonly container: ContainerClient;
  private readonly retentionMs: number;
  private readonly now: () => number;
  private readonly timer: NodeJS.Timeout | undefined;
  private ready: Promise<unknown> | undefined;
  private closed = false;

  constructor(private readonly options: AzureBlobStorageOptions) {
    this.retentionMs = retentionMs(options.retentionDays);
    this.now = options.now ?? Date.now;
    const service = BlobServiceClient.fromConnectionString(options.connectionString, pipelineOptions(options.requestTimeoutMs ?? 10_000));
    this.container = service.getContainerClient(options.container);
    this.timer = options.purgeIntervalMs === undefined
      ? undefined
      : startPurgeTimer(options.purgeIntervalMs, () => {
        this.purge(this.now()).catch((err: unknown) => options.onPurgeError?.(err));
      }, options.onPurgeError);
  }

  async read(keys: string[]): Promise<StoreItems> {
    requireKeys(keys);
    await this.open();
    const found = await Promise.all(keys.map(async (key) => [key, await this.readOne(key)] as const));
    const result: StoreItems = {};
    for (const [key, item] of found) if (item !== undefined) setOwn(result, key, item);
    return result;
  }

  async write(changes: StoreItems): Promise<void> {
    requireChanges(changes);
    await this.open();
    const rows = Object.keys(changes).map((key) => {
      const item: unknown = changes[key];
      return { key, data: encodeItem(item), eTag: (item as { eTag?: unknown }).eTag };
    });
    // Check every eTag first, so a conflict found here writes nothing at all.
    await Promise.all(rows.filter((r) => isRealETag(r.eTag)).map(async (row) => {
      const stored = await this.storedETag(row.key);
      if (stored !== undefined && stored !== row.eTag) throw eTagConflict(row.key);
    }));
    await Promise.all(rows.map((row) => this.upload(row.key, row.data, row.eTag)));
  }

  async delete(keys: string[]): Promise<void> {
    requireKeys(keys);
    await this.open();
    await Promise.all(keys.map((key) => this.container.deleteBlob(blobNameOf(key)).catch((err: unknown) => {
      if (statusOf(err) !== 404) throw err;
    })));
  }

  async writeNew(key: string, item: StoreItem): Promise<boolean> {
    await this.open();
    return this.writeNewData(key, encodeItem(item));
  }

  async healthy(): Promise<boolean> {
    if (this.closed) return false;
    try {
      await this.open();
      await this.container.getProperties({ abortSignal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) });
      return true;
    } catch {
      return false;
    }
  }

  async purgeIdle(now?: Date): Promise<number> {
    await this.open();
    return this.purge(now === undefined ? this.now() : now.getTime());
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer !== undefined) clearInterval(this.timer);
  }

  /** Creates the container once; a failed attempt is retried by the next call. */
  private async open(): Promise<void> {
    if (this.closed) throw closedError();
    this.ready ??= this.container.createIfNotExists().catch((err: unknown) => {
      this.ready = undefined;
      throw err;
    });
    await this.ready;
  }

  private async readOne(key: string): Promise<StoreItem | undefined> {
    try {
      const response = await this.container.getBlobClient(blobNameOf(key)).download();
      const body = response.readableStreamBody;
      if (body === undefined || response.etag === undefined) return undefined;
      const chunks: Buffer[] = [];
      for await (const chunk of body) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
      return decodeItem(Buffer.concat(chunks).toString('utf8'), response.etag);
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw err;
    }
  }

  private async storedETag(key: string): Promise<string | undefined> {
    try {
      return (await this.container.getBlobClient(blobNameOf(key)).getProperties()).etag;
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw err;
    }
  }

  /** MemoryStorage rules: no eTag or '*' overwrites; an eTag must match, unless the record is gone. */
  private async upload(key: string, data: string, eTag: unknown): Promise<void> {
    if (!isRealETag(eTag)) {
      await this.put(key, data, {});
      return;
    }
    try {
      await this.put(key, data, { ifMatch: eTag });
    } catch (err) {
      if (statusOf(err) !== 412 && statusOf(err) !== 404) throw err;
      if (!(await this.writeNewData(key, data))) throw eTagConflict(key);
    }
  }

  private async writeNewData(key: string, data: string): Promise<boolean> {
    try {
      await this.put(key, data, { ifNoneMatch: '*' });
      return true;
    } catch (err) {
      if (statusOf(err) === 409 || statusOf(err) === 412) return false;
      throw err;
    }
  }

  private async put(key: string, data: string, conditions: { ifMatch?: string; ifNoneMatch?: string }): Promise<void> {
    const body = Buffer.from(data, 'utf8');
    await this.container.getBlockBlobClient(blobNameOf(key)).upload(body, body.byteLength, {
      conditions,
      metadata: { [UPDATED_AT]: String(this.now()) },
      blobHTTPHeaders: { blobContentType: 'application/json' },
    });
  }

  /** Deletes blobs whose last write is older than the retention period, unless rewritten meanwhile. */
  private async purge(nowMs: number): Promise<number> {
    if (this.closed) return 0;
    const cutoff = nowMs - this.retentionMs;
    let removed = 0;
    for await (const blob of this.container.listBlobsFlat({ prefix: PREFIX, includeMetadata: true })) {
      const written = Number(blob.metadata?.[UPDATED_AT] ?? blob.properties.lastModified.getTime());
      if (!(written < cutoff)) continue;
      try {
        await this.container.deleteBlob(blob.name, { conditions: { ifMatch: blob.properties.etag } });
        removed += 1;
      } catch (err) {
        if (statusOf(err) !== 404 && statusOf(err) !== 412) throw err;
      }
    }
    reportPurge(this.options, removed);
    return removed;
  }
}
