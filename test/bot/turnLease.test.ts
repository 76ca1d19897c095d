import { ActivityTypes, TestAdapter, TurnContext } from 'botbuilder';
import { LocalLeaseStore } from '../../src/bot/localLeases';
import { LeaseStore, TurnLeaseMiddleware, leaseKeyOf } from '../../src/bot/turnLease';
import { createMemoryLogger } from '../../src/logger';
import { createHarness, texts } from '../helpers/botHarness';
import { realContent } from '../helpers/content';
import { MemoryBotStore } from '../helpers/memoryBotStore';

const content = realContent();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A TestAdapter whose turns take `turnMs` and record when they ran. */
function adapterWith(store: LeaseStore, turnMs: number, log: string[], options: { waitMs?: number; ttlMs?: number } = {}) {
  const adapter = new TestAdapter(async (context: TurnContext) => {
    log.push(`start ${context.activity.text}`);
    await sleep(turnMs);
    log.push(`end ${context.activity.text}`);
    await context.sendActivity(`done ${context.activity.text}`);
  });
  adapter.use(new TurnLeaseMiddleware({ store, logger: createMemoryLogger(), content, ...options }));
  return adapter;
}

describe('one turn at a time per conversation (the turn lease)', () => {
  it('runs two turns of one conversation one after the other, even from two instances', async () => {
    const store = new MemoryBotStore();
    const log: string[] = [];
    const a = adapterWith(store, 40, log);
    const b = adapterWith(store, 40, log);
    await Promise.all([a.receiveActivity('first'), b.receiveActivity('second')]);
    expect(log).toHaveLength(4);
    expect(log[0].slice(6)).toBe(log[1].slice(4)); // each turn ends before the next starts
    expect(log[2].slice(6)).toBe(log[3].slice(4));
    expect(store.keys()).toEqual([]); // the lease is given back
  });

  it('does not hold up other conversations', async () => {
    const store = new MemoryBotStore();
    const log: string[] = [];
    const a = adapterWith(store, 60, log);
    const other = new TestAdapter(async (context) => {
      log.push('other');
      await context.sendActivity('ok');
    }, { conversation: { id: 'another-conversation', isGroup: false, conversationType: 'personal', name: '' }, channelId: 'test' });
    other.use(new TurnLeaseMiddleware({ store, logger: createMemoryLogger(), content }));
    await Promise.all([a.receiveActivity('slow'), sleep(5).then(() => other.receiveActivity('quick'))]);
    expect(log.indexOf('other')).toBeLessThan(log.indexOf('end slow'));
  });

  it('takes over a lease left behind by a crashed instance once it has expired', async () => {
    const store = new MemoryBotStore();
    await store.writeNew(leaseKeyOf('test', 'Convo1'), { owner: 'crashed', expiresAt: Date.now() - 1 });
    const log: string[] = [];
    await adapterWith(store, 1, log).receiveActivity('after crash');
    expect(log).toEqual(['start after crash', 'end after crash']);
  });

  it('asks the user to send it again when the turn before is still running after the wait, and runs nothing', async () => {
    const store = new MemoryBotStore();
    await store.writeNew(leaseKeyOf('test', 'Convo1'), { owner: 'busy', expiresAt: Date.now() + 60_000 });
    const log: string[] = [];
    const adapter = adapterWith(store, 1, log, { waitMs: 50 });
    await adapter.send('hello').assertReply(content.text('errors.busy')).startTest();
    expect(log).toEqual([]);
  });

  it('leaves proactive and other activity types alone', async () => {
    const store = new MemoryBotStore();
    await store.writeNew(leaseKeyOf('test', 'Convo1'), { owner: 'busy', expiresAt: Date.now() + 60_000 });
    const log: string[] = [];
    const adapter = adapterWith(store, 1, log, { waitMs: 20 });
    await adapter.receiveActivity({ type: ActivityTypes.Event, name: 'something' });
    expect(log).toHaveLength(2);
  });

  it('keeps every answer when two messages of one conversation arrive at once at two instances', async () => {
    const storage = new MemoryBotStore();
    // A store with some latency, like a remote one, so the two turns really overlap.
    for (const method of ['read', 'write', 'writeNew', 'delete'] as const) {
      const real = storage[method].bind(storage) as (...args: never[]) => Promise<never>;
      storage[method] = (async (...args: never[]) => {
        await sleep(5);
        return real(...args);
      }) as never;
    }
    const first = createHarness({ storage });
    await first.join();
    // A hospital: her state first, to look it up in CMS's list (issue 23), where it is "None of these".
    for (const answer of ['1', 'Mercy General Hospital', 'Hospital or ER', 'Ohio', 'None of these', 'yes']) await first.say(answer);
    const second = createHarness({ storage });
    // The date of the visit and the date of the first bill, typed quickly: they arrive together at two
    // instances. Without the lease both would answer the first question and one answer would be lost.
    const [r1, r2] = await Promise.all([first.say('March 3, 2026'), second.say('March 3, 2026')]);
    const all = [...texts(r1), ...texts(r2)];
    expect(all).not.toContain(content.text('errors.turn'));
    expect(all).not.toContain(content.text('errors.busy'));
    const saved = await first.activeCase();
    expect([saved?.serviceDate, saved?.firstBillDate]).toEqual(['2026-03-03', '2026-03-03']);
    expect(all.join('\n')).toContain(content.text('intake.balance.ask').slice(0, 30));
  });
});

describe('the turn lease of a slow turn', () => {
  it('is renewed while the turn runs, so a waiting turn does not take it over', async () => {
    const store = new MemoryBotStore();
    const log: string[] = [];
    const slow = adapterWith(store, 250, log, { ttlMs: 90 });
    const next = adapterWith(store, 1, log, { ttlMs: 90, waitMs: 2000 });
    await Promise.all([slow.receiveActivity('slow'), sleep(20).then(() => next.receiveActivity('next'))]);
    expect(log).toEqual(['start slow', 'end slow', 'start next', 'end next']);
  });
});

describe.each([
  ['a store shared by several instances', () => new MemoryBotStore()],
  ['the process-local lease map (sqlite, memory)', () => new LocalLeaseStore()],
])('turn leases in %s', (_name, makeStore) => {
  it('serialises the turns of one conversation and gives every lease back', async () => {
    const store = makeStore();
    const log: string[] = [];
    const a = adapterWith(store, 30, log);
    await Promise.all([a.receiveActivity('first'), a.receiveActivity('second'), a.receiveActivity('third')]);
    expect(log).toHaveLength(6);
    for (let i = 0; i < 6; i += 2) expect(log[i]?.slice(6)).toBe(log[i + 1]?.slice(4));
    expect(store.keys()).toEqual([]);
  });

  it('creates a lease only once, and writes over it only with its current eTag', async () => {
    const store = makeStore();
    const key = leaseKeyOf('test', 'c');
    expect(await store.writeNew(key, { owner: 'a', expiresAt: 1 })).toBe(true);
    expect(await store.writeNew(key, { owner: 'b', expiresAt: 2 })).toBe(false);
    const held = (await store.read([key]))[key] as { owner: string; eTag: string };
    expect(held).toMatchObject({ owner: 'a', expiresAt: 1, eTag: expect.any(String) });
    await expect(store.write({ [key]: { owner: 'b', expiresAt: 2, eTag: 'stale' } })).rejects.toThrow(/eTag conflict/);
    await store.write({ [key]: { owner: 'b', expiresAt: 2, eTag: held.eTag } });
    expect((await store.read([key]))[key]).toMatchObject({ owner: 'b' });
    await store.delete([key]);
    expect(await store.read([key])).toEqual({});
  });
});
