import type { BotStore } from '../../src/storage/types';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Access to the conformance suite's current store, clock and reopen (see conformance.ts). */
export interface LifecycleContext {
  store: () => BotStore;
  openStore: () => Promise<BotStore>;
  advanceClock: (ms: number) => void;
  clockMs: () => number;
  durable: boolean;
}

/** Conformance cases about time and lifetime: idle purge, health, close and reopen. */
export function describeLifecycleCases(ctx: LifecycleContext): void {
  it('purges only records idle for longer than the retention period (1 day in this suite)', async () => {
    const store = ctx.store();
    await store.write({ old: { v: 1 }, rewritten: { v: 1 } });
    ctx.advanceClock(0.6 * DAY_MS);
    await store.write({ fresh: { v: 1 }, rewritten: { v: 2 } });
    ctx.advanceClock(0.6 * DAY_MS);
    expect(await store.purgeIdle()).toBe(1);
    expect(Object.keys(await store.read(['old', 'fresh', 'rewritten'])).sort()).toEqual(['fresh', 'rewritten']);
    expect(await store.purgeIdle()).toBe(0);
    expect(await store.purgeIdle(new Date(ctx.clockMs() + DAY_MS))).toBe(2);
    expect(await store.read(['fresh', 'rewritten'])).toEqual({});
  });

  it('is healthy while open, not after close; close twice is fine; use after close rejects', async () => {
    const store = ctx.store();
    expect(await store.healthy()).toBe(true);
    await store.close();
    await store.close();
    expect(await store.healthy()).toBe(false);
    await expect(store.read(['a'])).rejects.toThrow();
    await expect(store.write({ a: { v: 1 } })).rejects.toThrow();
    await expect(store.purgeIdle()).rejects.toThrow();
  });

  if (ctx.durable) {
    it('keeps data and eTags across close and reopen', async () => {
      const store = ctx.store();
      await store.write({ a: { v: 1 }, 'ключ/😀': { v: 2 } });
      const before = await store.read(['a', 'ключ/😀']);
      await store.close();
      const reopened = await ctx.openStore();
      expect(await reopened.read(['a', 'ключ/😀'])).toEqual(before);
      await reopened.write({ a: { ...before.a, v: 3 } });
      expect((await reopened.read(['a'])).a.v).toBe(3);
    });
  } else {
    it('starts empty when opened again', async () => {
      const store = ctx.store();
      await store.write({ a: { v: 1 } });
      await store.close();
      const reopened = await ctx.openStore();
      expect(await reopened.read(['a'])).toEqual({});
    });
  }
}
