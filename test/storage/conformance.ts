import { mkdtempSync, rmSync } from 'node:fs';
import { ETagConflictError } from '../../src/storage/storeCommon';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreItems } from 'botbuilder';
import { STORAGE_KINDS, type BotStore } from '../../src/storage/types';
import { describeLifecycleCases } from './conformanceLifecycle';

/** What a backend under test must honor: the suite's clock and retention period. */
export interface ConformanceEnv {
  now: () => number;
  retentionDays: number;
}

export type OpenStore = (dir: string, env: ConformanceEnv) => Promise<BotStore> | BotStore;

const RETENTION_DAYS = 1;

/** The behaviour every BotStore backend shares (botbuilder MemoryStorage semantics and more). */
export function describeStorageConformance(name: string, open: OpenStore, opts: { durable: boolean }): void {
  describe(`${name} storage conformance`, () => {
    let dir: string;
    let clockMs: number;
    let opened: BotStore[];
    let store: BotStore;
    const env: ConformanceEnv = { now: () => clockMs, retentionDays: RETENTION_DAYS };

    const openStore = async (): Promise<BotStore> => {
      const s = await open(dir, env);
      opened.push(s);
      return s;
    };
    const readOne = async (s: BotStore, key: string): Promise<StoreItems[string]> => (await s.read([key]))[key];

    beforeEach(async () => {
      dir = mkdtempSync(join(tmpdir(), 'billcoach-storage-'));
      clockMs = Date.UTC(2030, 0, 1);
      opened = [];
      store = await openStore();
    });

    afterEach(async () => {
      for (const s of opened) await s.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('reports its kind', () => {
      expect(STORAGE_KINDS).toContain(store.kind);
    });

    it('creates a record with writeNew only when no record has that key', async () => {
      expect(await store.writeNew('lock', { owner: 'a' })).toBe(true);
      expect(await store.writeNew('lock', { owner: 'b' })).toBe(false);
      expect(await readOne(store, 'lock')).toEqual({ owner: 'a', eTag: expect.any(String) });
      await store.delete(['lock']);
      expect(await store.writeNew('lock', { owner: 'c' })).toBe(true);
      expect((await readOne(store, 'lock')).owner).toBe('c');
    });

    it('lets exactly one of many concurrent writeNew calls create the record', async () => {
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => store.writeNew('race', { i })));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await readOne(store, 'race')).i).toBe(results.indexOf(true));
    });

    it('reads back what was written, with an eTag, without touching the caller object', async () => {
      const item = { count: 1, nested: { list: [1, 'two', null, true] } };
      await store.write({ a: item });
      const got = await readOne(store, 'a');
      expect(got).toEqual({ ...item, eTag: expect.any(String) });
      expect(got.eTag).not.toBe('');
      expect(item).not.toHaveProperty('eTag');
    });

    it('returns {} for missing keys and for an empty key list', async () => {
      expect(await store.read(['nope', 'also-nope'])).toEqual({});
      expect(await store.read([])).toEqual({});
    });

    it('returns only the existing keys of a mixed read', async () => {
      await store.write({ a: { v: 'a' }, b: { v: 'b' } });
      const items = await store.read(['a', 'missing', 'b']);
      expect(Object.keys(items).sort()).toEqual(['a', 'b']);
      expect(items.a.v).toBe('a');
      expect(items.b.v).toBe('b');
    });

    it('deletes existing keys and ignores missing ones', async () => {
      await store.write({ a: { v: 1 }, b: { v: 2 } });
      await store.delete(['a', 'missing']);
      await store.delete([]);
      expect(Object.keys(await store.read(['a', 'b']))).toEqual(['b']);
    });

    it('overwrites with the eTag just read and assigns a new eTag', async () => {
      await store.write({ a: { v: 1 } });
      const first = await readOne(store, 'a');
      await store.write({ a: { ...first, v: 2 } });
      const second = await readOne(store, 'a');
      expect(second.v).toBe(2);
      expect(second.eTag).not.toBe(first.eTag);
    });

    it('rejects a stale eTag and leaves the stored value unchanged', async () => {
      await store.write({ a: { v: 1 } });
      const stale = await readOne(store, 'a');
      await store.write({ a: { ...stale, v: 2 } });
      const current = await readOne(store, 'a');
      await expect(store.write({ a: { ...stale, v: 3 } })).rejects.toThrow(
        'Storage: error writing "a" due to eTag conflict.',
      );
      // Typed, so callers never match the message.
      await expect(store.write({ a: { ...stale, v: 3 } })).rejects.toBeInstanceOf(ETagConflictError);
      expect(await readOne(store, 'a')).toEqual(current);
    });

    it('writes nothing from a batch in which one key conflicts', async () => {
      await store.write({ a: { v: 1 }, b: { v: 1 } });
      const a = await readOne(store, 'a');
      const staleB = await readOne(store, 'b');
      await store.write({ b: { v: 2 } });
      const before = await store.read(['a', 'b']);
      await expect(
        store.write({ a: { ...a, v: 9 }, fresh: { v: 9 }, b: { ...staleB, v: 9 } }),
      ).rejects.toThrow(/eTag conflict/);
      expect(await store.read(['a', 'b', 'fresh'])).toEqual(before);
    });

    it("always writes with eTag '*' or without an eTag", async () => {
      await store.write({ a: { v: 1 } });
      await store.write({ a: { v: 2 } });
      await store.write({ a: { v: 3, eTag: '*' } });
      expect((await readOne(store, 'a')).v).toBe(3);
    });

    it('writes a missing record even when an eTag is given (as MemoryStorage does)', async () => {
      await store.write({ a: { v: 1, eTag: 'from-somewhere-else' } });
      expect((await readOne(store, 'a')).v).toBe(1);
    });

    it('lets exactly one of two writers holding the same eTag win', async () => {
      await store.write({ a: { v: 0 } });
      const seen = await readOne(store, 'a');
      const results = await Promise.allSettled([
        store.write({ a: { ...seen, v: 1 } }),
        store.write({ a: { ...seen, v: 2 } }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    });

    it('round-trips unicode keys and values (emoji, right-to-left, CJK)', async () => {
      const changes: StoreItems = {
        'msteams/😀👩🏽‍💻/user': { text: 'hi 😀👩🏽‍💻' },
        'conversation/مرحبا/שלום': { text: 'مرحبا بك — שלום' },
        '会话/ユーザー/사용자': { text: '账单太贵了' },
      };
      await store.write(changes);
      const items = await store.read(Object.keys(changes));
      expect(Object.keys(items).sort()).toEqual(Object.keys(changes).sort());
      for (const key of Object.keys(changes)) expect(items[key].text).toBe(changes[key].text);
    });

    it('treats keys that look like object internals as ordinary keys', async () => {
      const keys = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
      expect(await store.read(keys)).toEqual({});
      const changes: StoreItems = {};
      keys.forEach((key, i) => Object.defineProperty(changes, key, { value: { i }, enumerable: true }));
      await store.write(changes);
      const items = await store.read(keys);
      expect(Object.keys(items).sort()).toEqual([...keys].sort());
      keys.forEach((key, i) => expect(Object.getOwnPropertyDescriptor(items, key)?.value.i).toBe(i));
    });

    it('handles long keys (300 and 2,000 characters)', async () => {
      const base = 'msteams/conversations/a:1Xq_' + 'é中😀'.repeat(10);
      const k300 = base + 'x'.repeat(300 - base.length);
      const k2000 = 'y'.repeat(2000);
      expect(k300).toHaveLength(300);
      await store.write({ [k300]: { v: 300 }, [k2000]: { v: 2000 } });
      const items = await store.read([k300, k2000]);
      expect(items[k300].v).toBe(300);
      expect(items[k2000].v).toBe(2000);
    });

    it('stores a ~1 MB document', async () => {
      const big = { blob: 'ab😀'.repeat(256 * 1024), list: Array.from({ length: 1000 }, (_, i) => i) };
      await store.write({ big });
      const got = await readOne(store, 'big');
      expect(got.blob).toBe(big.blob);
      expect(got.list).toEqual(big.list);
    });

    it('is not affected by mutating the written or the read object', async () => {
      const item = { profile: { name: 'original' }, list: [1] };
      await store.write({ a: item });
      item.profile.name = 'changed after write';
      item.list.push(2);
      const read = await readOne(store, 'a');
      read.profile.name = 'changed after read';
      read.list.push(3);
      const again = await readOne(store, 'a');
      expect(again.profile.name).toBe('original');
      expect(again.list).toEqual([1]);
    });

    describeLifecycleCases({
      store: () => store,
      openStore,
      advanceClock: (ms) => {
        clockMs += ms;
      },
      clockMs: () => clockMs,
      durable: opts.durable,
    });
  });
}
