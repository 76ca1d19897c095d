import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import { ReminderScheduler } from '../../src/bot/reminderScheduler';
import { createMemoryLogger } from '../../src/logger';
import { SqliteStorage } from '../../src/storage/sqliteStorage';
import { ReminderStore } from '../../src/storage/reminderStore';
import { realContent } from '../helpers/content';
import { MemoryBotStore } from '../helpers/memoryBotStore';
import type { BotStore } from '../../src/storage/types';

const content = realContent();
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bc-rem-'));
  dirs.push(dir);
  return dir;
};
const NOW = new Date('2026-12-04T10:00:00Z');

/** A stand-in for CloudAdapter.continueConversationAsync that records what would be sent. */
function fakeAdapter(sent: string[], failFor = new Set<string>()): CloudAdapter {
  const adapter = {
    continueConversationAsync: async (_appId: string, reference: Partial<ConversationReference>, logic: (c: TurnContext) => Promise<void>) => {
      const id = reference.conversation?.id ?? '';
      if (failFor.has(id)) throw new Error('connector unreachable');
      const context = { sendActivity: async (text: string) => { sent.push(`${id}: ${text}`); return { id: 'x' }; } } as unknown as TurnContext;
      await logic(context);
    },
  };
  return adapter as unknown as CloudAdapter;
}

async function seed(store: ReminderStore, count: number, dueAt = '2026-12-04T09:00:00.000Z'): Promise<void> {
  for (let i = 0; i < count; i++) {
    await store.add({ id: `r${i}`, dueAt, owner: `webchat/u${i}`, reference: { conversation: { id: `c${i}`, isGroup: false, conversationType: 'personal', name: '' }, channelId: 'webchat' }, vars: { caseLabel: `Bill ${i}`, date: 'December 4, 2026' } });
  }
}

function scheduler(storage: BotStore, sent: string[], failFor?: Set<string>, now = () => NOW): ReminderScheduler {
  return new ReminderScheduler({ store: new ReminderStore(storage, now), adapter: fakeAdapter(sent, failFor), appId: '', content, logger: createMemoryLogger(), intervalMs: 60_000, leaseMs: 60_000 });
}

describe('follow-up reminders', () => {
  it('are sent when due, in the user’s conversation, with the case and the date', async () => {
    const storage = new MemoryBotStore();
    const store = new ReminderStore(storage, () => NOW);
    await store.init();
    await seed(store, 1);
    await store.add({ id: 'later', dueAt: '2026-12-05T09:00:00.000Z', owner: 'webchat/x', reference: { conversation: { id: 'cx', isGroup: false, conversationType: 'personal', name: '' } }, vars: { caseLabel: 'X', date: 'December 5, 2026' } });
    const sent: string[] = [];
    expect(await scheduler(storage, sent).tick()).toBe(1);
    expect(sent).toEqual([`c0: ${content.text('followUp.reminder', { caseLabel: 'Bill 0', date: 'December 4, 2026' })}`]);
    expect((await store.all()).map((r) => r.status)).toEqual(['sent', 'pending']);
  });

  it.each([
    ['memory', () => new MemoryBotStore()],
    ['sqlite', () => new SqliteStorage({ dataDir: tempDir(), retentionDays: 90 })],
  ])('go out exactly once when two instances share one %s storage and tick at the same time', async (_kind, open) => {
    const storage = open();
    const store = new ReminderStore(storage, () => NOW);
    await store.init();
    await seed(store, 30);
    const sent: string[] = [];
    const a = scheduler(storage, sent);
    const b = scheduler(storage, sent);
    for (let round = 0; round < 3; round++) await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    expect(sent).toHaveLength(30);
    expect(new Set(sent).size).toBe(30);
    expect((await store.all()).every((r) => r.status === 'sent')).toBe(true);
    if (storage instanceof SqliteStorage) await storage.close();
  });

  it('are tried again after a failed send, and not again once sent', async () => {
    const storage = new MemoryBotStore();
    const store = new ReminderStore(storage, () => NOW);
    await store.init();
    await seed(store, 2);
    const sent: string[] = [];
    const failing = new Set(['c1']);
    const s = scheduler(storage, sent, failing);
    expect(await s.tick()).toBe(1);
    failing.clear();
    expect(await s.tick()).toBe(1);
    expect(await s.tick()).toBe(0);
    expect(sent.map((x) => x.split(':')[0])).toEqual(['c0', 'c1']);
  });

  it('claimed by an instance that died are sent by another once the claim lapses — and only then', async () => {
    const storage = new MemoryBotStore();
    const store = new ReminderStore(storage, () => NOW);
    await store.init();
    await seed(store, 1);
    await store.claimDue('dead-instance', 60_000); // claimed, never sent
    const sent: string[] = [];
    expect(await scheduler(storage, sent).tick()).toBe(0);
    expect(await scheduler(storage, sent, undefined, () => new Date(NOW.getTime() + 61_000)).tick()).toBe(1);
  });

  it('of one user are removed with "delete my data", others kept', async () => {
    const store = new ReminderStore(new MemoryBotStore(), () => NOW);
    await store.init();
    await seed(store, 3);
    expect(await store.removeOwner('webchat/u1')).toBe(1);
    expect((await store.all()).map((r) => r.owner)).toEqual(['webchat/u0', 'webchat/u2']);
  });
});
