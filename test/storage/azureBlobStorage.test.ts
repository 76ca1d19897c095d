import { BlobServiceClient } from '@azure/storage-blob';
import { createMemoryLogger } from '../../src/logger';
import { AzureBlobStorage, blobNameOf } from '../../src/storage/azureBlobStorage';
import { createStorage } from '../../src/storage/createStorage';
import { Azurite, containerFor, startAzurite } from '../helpers/azurite';
import { describeStorageConformance } from './conformance';

let azurite: Azurite;
beforeAll(async () => {
  azurite = await startAzurite();
}, 30_000);
afterAll(async () => {
  await azurite.stop();
});

// Each test gets its own container, named from its temp dir, so a reopen finds the same records.
describeStorageConformance(
  'AzureBlobStorage (Azurite)',
  (dir, env) => new AzureBlobStorage({ ...env, connectionString: azurite.connectionString, container: containerFor(dir) }),
  { durable: true },
);

describe('AzureBlobStorage', () => {
  let counter = 0;
  const open = (extra: Partial<ConstructorParameters<typeof AzureBlobStorage>[0]> = {}) =>
    new AzureBlobStorage({ connectionString: azurite.connectionString, container: containerFor(`blob-${++counter}`), retentionDays: 1, ...extra });

  it('names blobs by a hash of the key: no user ids in blob names, long keys do not collide', async () => {
    const store = open();
    const long = 'msteams/conversations/' + 'x'.repeat(1100);
    await store.write({ 'msteams/users/29:user-secret-id': { v: 1 }, [long + 'a']: { v: 'a' }, [long + 'b']: { v: 'b' } });
    const service = BlobServiceClient.fromConnectionString(azurite.connectionString);
    const names: string[] = [];
    for await (const blob of service.getContainerClient(containerFor(`blob-${counter}`)).listBlobsFlat()) names.push(blob.name);
    expect(names.sort()).toEqual([blobNameOf('msteams/users/29:user-secret-id'), blobNameOf(long + 'a'), blobNameOf(long + 'b')].sort());
    expect(names.join()).not.toContain('secret');
    const items = await store.read([long + 'a', long + 'b']);
    expect([items[long + 'a'].v, items[long + 'b'].v]).toEqual(['a', 'b']);
    await store.close();
  });

  it('is unhealthy (and says so quickly) when the service cannot be reached', async () => {
    const store = new AzureBlobStorage({
      connectionString: azurite.connectionString.replace(/127\.0\.0\.1:\d+/, '127.0.0.1:9'),
      container: 'unreachable', retentionDays: 1, requestTimeoutMs: 500,
    });
    const started = Date.now();
    expect(await store.healthy()).toBe(false);
    await expect(store.read(['a'])).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(10_000);
    await store.close();
  });

  it('purges on its timer with counts only in the log, and createStorage opens it for "azure-blob"', async () => {
    const logger = createMemoryLogger();
    let clockMs = Date.UTC(2030, 0, 1);
    const store = createStorage({
      kind: 'azure-blob', dataDir: '/nonexistent', retentionDays: 1, logger, now: () => clockMs, purgeIntervalMs: 20,
      blob: { connectionString: azurite.connectionString, container: containerFor('timer') },
    });
    expect(store).toBeInstanceOf(AzureBlobStorage);
    await store.write({ 'msteams/secret-user': { note: 'owes 4,200' } });
    clockMs += 2 * 24 * 60 * 60 * 1000;
    const deadline = Date.now() + 5000;
    while (Object.keys(await store.read(['msteams/secret-user'])).length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await store.close();
    expect(await store.healthy()).toBe(false);
    const purged = logger.lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.event === 'storage.purged' && l.count === 1);
    expect(purged).toEqual([expect.objectContaining({ storage: 'azure-blob', count: 1 })]);
    expect(logger.lines.join('\n')).not.toMatch(/secret|4,200|AccountKey/);
  });
});
