import { createMemoryLogger } from '../../src/logger';
import { createStorage } from '../../src/storage/createStorage';
import { TtlMemoryStorage } from '../../src/storage/ttlMemoryStorage';
import { describeStorageConformance } from './conformance';
import { sleep, waitFor } from './timing';

const DAY_MS = 24 * 60 * 60 * 1000;

describeStorageConformance('TtlMemoryStorage', (_dir, env) => new TtlMemoryStorage(env), { durable: false });

describe('TtlMemoryStorage', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('drops records on its own once their wall-clock TTL passed, and the next purge counts them', async () => {
    jest.useFakeTimers({ now: Date.UTC(2030, 0, 1) });
    const purged: number[] = [];
    const store = new TtlMemoryStorage({ retentionDays: 1, onPurge: (n) => purged.push(n) });
    try {
      await store.write({ a: { v: 1 }, b: { v: 2 } });
      jest.setSystemTime(Date.UTC(2030, 0, 1) + 0.5 * DAY_MS);
      await store.write({ b: { v: 3 } }); // resets b's TTL
      jest.setSystemTime(Date.UTC(2030, 0, 1) + 1.2 * DAY_MS);
      expect(Object.keys(await store.read(['a', 'b']))).toEqual(['b']);
      expect(await store.purgeIdle()).toBe(1);
      expect(purged).toEqual([1]);
    } finally {
      await store.close();
    }
  });

  it('purges on its timer and stops when closed', async () => {
    let clockMs = Date.UTC(2030, 0, 1);
    const purged: number[] = [];
    const store = new TtlMemoryStorage({
      retentionDays: 1, now: () => clockMs, purgeIntervalMs: 5, onPurge: (n) => purged.push(n),
    });
    await store.write({ a: { v: 1 } });
    clockMs += 2 * DAY_MS;
    await waitFor(() => purged.includes(1));
    await store.close();
    const calls = purged.length;
    await sleep(30);
    expect(purged).toHaveLength(calls);
  });

  it('rejects a non-positive retention period', () => {
    expect(() => new TtlMemoryStorage({ retentionDays: 0 })).toThrow(RangeError);
  });

  it('is what createStorage returns for kind "memory"', async () => {
    const store = createStorage({ kind: 'memory', dataDir: '/nonexistent', retentionDays: 1, logger: createMemoryLogger() });
    try {
      expect(store).toBeInstanceOf(TtlMemoryStorage);
      expect(store.kind).toBe('memory');
    } finally {
      await store.close();
    }
  });
});
