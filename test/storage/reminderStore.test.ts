import type { StoreItems } from 'botbuilder';
import {
  REMINDER_INDEX_KEY, REMINDER_INDEX_KEYS, REMINDER_REFRESH_MS, REMINDER_SHARDS, ReminderStore, isReminderIndexKey, reminderShardKey, reminderShardOf, type Reminder,
} from '../../src/storage/reminderStore';
import { MemoryBotStore } from '../helpers/memoryBotStore';

const PINNED_SHARDS = [11, 1, 20];
const NOW = new Date('2026-12-04T10:00:00Z');
const DUE = '2026-12-04T09:00:00.000Z';
const LATER = '2026-12-20T09:00:00.000Z';

/** The memory store, counting which keys each write touched. */
class CountingStore extends MemoryBotStore {
  written: string[] = [];
  override async write(changes: StoreItems): Promise<void> {
    this.written.push(...Object.keys(changes));
    await super.write(changes);
  }
  override async writeNew(key: string, item: Parameters<MemoryBotStore['writeNew']>[1]): Promise<boolean> {
    this.written.push(key);
    return super.writeNew(key, item);
  }
}

const reminder = (i: number, dueAt = DUE) => ({
  id: `webchat/u${i}|f${i}`,
  dueAt,
  owner: `webchat/u${i}`,
  reference: { conversation: { id: `c${i}`, isGroup: false, conversationType: 'personal', name: '' }, channelId: 'webchat' },
  vars: { caseLabel: `Bill ${i}`, date: 'December 4, 2026' },
});

/** A reminder id that hashes to a shard other than 0. */
const idOutsideShard0 = (): string => {
  for (let i = 0; ; i++) if (reminderShardOf(`old-${i}`) !== 0) return `old-${i}`;
};

describe('the reminder index, spread over shards', () => {
  it('puts each reminder in the shard its id hashes to, and adding one rewrites only that shard', async () => {
    const storage = new CountingStore();
    const store = new ReminderStore(storage, () => NOW);
    for (let i = 0; i < 200; i++) await store.add(reminder(i));
    const used = new Set(storage.keys().filter(isReminderIndexKey));
    expect(used.size).toBe(REMINDER_SHARDS);
    const sizes = await Promise.all(REMINDER_INDEX_KEYS.map(async (key) => ((await storage.read([key]))[key] as { reminders: Reminder[] }).reminders.length));
    expect(Math.max(...sizes)).toBeLessThan(20); // 200 over 32: about 6 each
    storage.written = [];
    const added = await store.add(reminder(500));
    const own = reminderShardKey(reminderShardOf(added.id));
    // Its own shard, plus shard 0 only when a copy stored before sharding had to go (none here).
    expect(storage.written).toEqual([own]);
    const shard = (await storage.read([own]))[own] as { reminders: Reminder[] };
    expect(shard.reminders.map((r) => r.id)).toContain(added.id);
    expect(await store.all()).toHaveLength(201);
  });

  it('keeps the shard of an id stable across versions (stored reminders are found by it)', () => {
    expect(reminderShardOf('webchat/u1|f1')).toBe(reminderShardOf('webchat/u1|f1'));
    // Pinned: a different hash would lose track of every reminder already stored.
    expect(['', 'webchat/u1|f1', 'msteams/29:1abc|7f0c'].map(reminderShardOf)).toEqual(PINNED_SHARDS);
    expect(REMINDER_INDEX_KEYS[0]).toBe(REMINDER_INDEX_KEY);
    expect(REMINDER_INDEX_KEYS).toHaveLength(REMINDER_SHARDS);
    expect(REMINDER_INDEX_KEYS.every(isReminderIndexKey)).toBe(true);
    expect(isReminderIndexKey('webchat/users/billcoach/reminders')).toBe(false);
  });

  it('a check with nothing due writes nothing', async () => {
    const storage = new CountingStore();
    const store = new ReminderStore(storage, () => NOW);
    for (let i = 0; i < 40; i++) await store.add(reminder(i, LATER));
    storage.written = [];
    expect(await store.claimDue('a', 60_000)).toEqual([]);
    expect(storage.written).toEqual([]);
  });

  it(`rewrites a shard holding reminders once it has not been written for ${REMINDER_REFRESH_MS / 3_600_000} hours, so the idle purge never takes a reminder due later`, async () => {
    const storage = new CountingStore();
    let now = NOW.getTime();
    const store = new ReminderStore(storage, () => new Date(now));
    for (let i = 0; i < 5; i++) await store.add(reminder(i, LATER));
    const holding = new Set(storage.keys().filter(isReminderIndexKey));
    now += REMINDER_REFRESH_MS - 60_000;
    storage.written = [];
    await store.claimDue('a', 60_000);
    expect(storage.written).toEqual([]);
    now += 120_000;
    await store.claimDue('a', 60_000);
    expect(new Set(storage.written)).toEqual(holding);
    storage.written = [];
    await store.claimDue('a', 60_000);
    expect(storage.written).toEqual([]);
    expect((await store.all()).map((r) => r.status)).toEqual(Array(5).fill('pending'));
  });

  it('claims due reminders from every shard, at most the limit, each once', async () => {
    const store = new ReminderStore(new MemoryBotStore(), () => NOW);
    for (let i = 0; i < 30; i++) await store.add(reminder(i));
    const first = await store.claimDue('a', 60_000, 20);
    const second = await store.claimDue('b', 60_000, 20);
    expect(first).toHaveLength(20);
    expect(second).toHaveLength(10);
    expect(new Set([...first, ...second].map((r) => r.id)).size).toBe(30);
    expect(await store.claimDue('c', 60_000, 20)).toEqual([]);
  });

  it('"delete my data" removes the owner\'s reminders from every shard', async () => {
    const store = new ReminderStore(new MemoryBotStore(), () => NOW);
    for (let i = 0; i < 10; i++) await store.add({ ...reminder(i), owner: 'webchat/same' });
    await store.add(reminder(99));
    expect(await store.removeOwner('webchat/same')).toBe(10);
    expect((await store.all()).map((r) => r.owner)).toEqual(['webchat/u99']);
  });
});

describe('reminders stored before the index was sharded (all in one document, the shard-0 key)', () => {
  async function withOldIndex(): Promise<{ storage: MemoryBotStore; store: ReminderStore; id: string }> {
    const storage = new MemoryBotStore();
    const id = idOutsideShard0();
    const old: Reminder = { ...reminder(7), id, status: 'pending', attempts: 0 };
    await storage.write({ [REMINDER_INDEX_KEY]: { reminders: [old] } });
    return { storage, store: new ReminderStore(storage, () => NOW), id };
  }

  it('are still claimed, marked sent and kept where they are', async () => {
    const { store, storage, id } = await withOldIndex();
    const [claimed] = await store.claimDue('a', 60_000);
    expect(claimed?.id).toBe(id);
    await store.markSent(id, 'a');
    const index = (await storage.read([REMINDER_INDEX_KEY]))[REMINDER_INDEX_KEY] as { reminders: Reminder[] };
    expect(index.reminders.map((r) => [r.id, r.status])).toEqual([[id, 'sent']]);
  });

  it('are released for another try after a failed send', async () => {
    const { store, id } = await withOldIndex();
    await store.claimDue('a', 60_000);
    await store.release(id, 'a');
    expect((await store.all()).map((r) => r.status)).toEqual(['pending']);
  });

  it('are replaced, not doubled, when the same reminder is set again', async () => {
    const { store, id } = await withOldIndex();
    await store.add({ ...reminder(7, LATER), id });
    const all = await store.all();
    expect(all.map((r) => [r.id, r.dueAt])).toEqual([[id, LATER]]);
  });
});
