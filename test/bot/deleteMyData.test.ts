import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteStorage } from '../../src/storage/sqliteStorage';
import { TtlMemoryStorage } from '../../src/storage/ttlMemoryStorage';
import { DATA_DELETED_EVENT } from '../../src/channelEvents';
import { createHarness, texts } from '../helpers/botHarness';
import { MemoryBotStore } from '../helpers/memoryBotStore';

async function userWithACase(storage = new MemoryBotStore()) {
  const h = createHarness({ storage });
  await h.join();
  await h.say('new case');
  await h.say('Mercy General');
  return h;
}

describe('delete my data', () => {
  it('asks for confirmation, then erases every record of the user and says so', async () => {
    const h = await userWithACase();
    expect(h.storedKeys().length).toBeGreaterThan(0);
    expect(texts(await h.say('delete my data'))).toEqual([h.content.text('deleteData.confirm')]);
    const replies = await h.say('yes');
    expect(texts(replies)).toEqual([h.content.text('deleteData.done')]);
    expect(replies.some((a) => a.type === 'event' && a.name === DATA_DELETED_EVENT)).toBe(true);
    expect(h.storedKeys()).toEqual([]);
  });

  it('also erases the state of the user’s earlier conversations on the channel', async () => {
    const storage = new MemoryBotStore();
    const first = await userWithACase(storage);
    const second = createHarness({ storage, conversationId: 'conv-2' });
    await second.join();
    expect(first.storedKeys().filter((k) => k.includes('/conversations/'))).toHaveLength(2);
    await second.say('delete my data');
    await second.say('Yes, delete everything');
    expect(second.storedKeys()).toEqual([]);
  });

  it('keeps everything when the user says no, and goes back to where they were', async () => {
    const h = await userWithACase();
    await h.say('new case'); // in the middle of a question
    await h.say('delete my data');
    const replies = texts(await h.say('no'));
    expect(replies).toEqual([[h.content.text('deleteData.kept'), h.content.text('cases.askLabel')].join('\n\n')]);
    expect((await h.profile())?.cases).toHaveLength(1);
  });

  it('re-asks a confirmation answer it does not understand, and deletes nothing', async () => {
    const h = await userWithACase();
    await h.say('delete my data');
    expect(texts(await h.say('maybe later?'))).toEqual([h.content.text('deleteData.confirmRetry')]);
    expect((await h.profile())?.cases).toHaveLength(1);
  });

  it('can be left with "menu" while confirming', async () => {
    const h = await userWithACase();
    await h.say('delete my data');
    expect(texts(await h.say('menu'))[0]).toContain('Mercy General');
    expect((await h.profile())?.cases).toHaveLength(1);
  });

  it('starts fresh with the first-time welcome when the user writes again', async () => {
    const h = await userWithACase();
    await h.say('delete my data');
    await h.say('yes');
    const replies = texts(await h.say('hello'));
    // The welcome leads the menu in one message.
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain(h.content.text('welcome.first'));
    const menu = `\n\n${h.content.text('menu.prompt')}`;
    expect(replies[0]?.slice(-menu.length)).toBe(menu);
  });
});

describe.each([
  ['memory', () => new TtlMemoryStorage({ retentionDays: 90 })],
  ['sqlite', (dir: string) => new SqliteStorage({ retentionDays: 90, dataDir: dir })],
] as const)('delete my data on %s storage (azure-blob: test/server/scaleOut.test.ts)', (_kind, openStore) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bc-erase-'));
  const open = () => openStore(dir);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('erases the user record, every conversation of theirs and their reminders', async () => {
    const storage = open();
    try {
      const h = createHarness({ storage });
      await h.join();
      await h.say('new case');
      await h.say('Mercy General');
      await h.reminderStore.add({ dueAt: '2026-12-01T14:00:00.000Z', reference: {}, owner: 'webchat/user-1', vars: {} });
      const other = createHarness({ storage, conversationId: 'conv-2' });
      await other.join();
      const keys = ['webchat/users/user-1/', 'webchat/conversations/conv-1/', 'webchat/conversations/conv-2/'];
      expect(Object.keys(await storage.read(keys))).toHaveLength(3);
      await h.say('delete my data');
      expect(texts(await h.say('yes'))).toEqual([h.content.text('deleteData.done')]);
      expect(await storage.read(keys)).toEqual({});
      expect((await h.reminderStore.all()).filter((r) => r.owner === 'webchat/user-1')).toEqual([]);
    } finally {
      await storage.close();
    }
  });
});
