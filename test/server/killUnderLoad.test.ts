import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteStorage } from '../../src/storage/sqliteStorage';
import type { Profile } from '../../src/domain/case';
import { startConnectorStub, type ConnectorStub } from '../bench/connectorStub';
import { postActivity } from '../helpers/channelPost';
import { BotProcess, kill, spawnBot } from '../helpers/process';

const USERS = 24;

describe('SIGKILL under load', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bc-kill-'));
  let stub: ConnectorStub;
  let bot: BotProcess | undefined;

  beforeAll(async () => {
    stub = await startConnectorStub();
  });
  afterAll(async () => {
    if (bot) await kill(bot, 'SIGKILL');
    await stub.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const post = (baseUrl: string, user: number, activity: Record<string, unknown>): Promise<number> =>
    postActivity(baseUrl, { serviceUrl: stub.url, conversationId: `kill-c${user}`, userId: `kill-u${user}`, activity });


  it('loses no acknowledged case, and every user carries on after the restart', async () => {
    bot = await spawnBot({ DATA_DIR: dataDir, STORAGE: 'sqlite' });
    const baseUrl = bot.baseUrl;
    /** Users whose "create this case" turn was answered 200 (its state saved) before the kill. */
    const acknowledged = new Set<number>();
    const serverErrors: number[] = [];
    let killed = false;
    const runUser = async (user: number) => {
      try {
        await post(baseUrl, user, { type: 'conversationUpdate', membersAdded: [{ id: 'bill-coach' }, { id: `kill-u${user}` }] });
        // Staggered: some users create their case just before the kill, some never get to.
        await new Promise((resolve) => setTimeout(resolve, user * 60));
        await post(baseUrl, user, { type: 'message', text: 'new case' });
        const status = await post(baseUrl, user, { type: 'message', text: `Case ${user}` });
        if (status === 200) acknowledged.add(user);
        else serverErrors.push(status);
        while (!killed) {
          const again = await post(baseUrl, user, { type: 'message', text: 'my case' });
          if (again >= 500) serverErrors.push(again);
        }
      } catch {
        // Connection refused or reset: the process was killed mid-request.
      }
    };
    const load = Promise.all(Array.from({ length: USERS }, (_, i) => runUser(i)));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    killed = true;
    expect(await kill(bot, 'SIGKILL')).toBeNull();
    bot = undefined;
    await load;
    expect(serverErrors).toEqual([]);
    expect(acknowledged.size).toBeGreaterThan(0);

    const store = new SqliteStorage({ dataDir, retentionDays: 90 });
    const labels = new Map<number, string | undefined>();
    for (const user of acknowledged) {
      const key = `webchat/users/kill-u${user}/`;
      const profile = ((await store.read([key]))[key] as { profile?: Profile } | undefined)?.profile;
      labels.set(user, profile?.cases[0]?.label);
    }
    await store.close();
    expect([...labels.values()]).toEqual([...acknowledged].map((u) => `Case ${u}`));

    bot = await spawnBot({ DATA_DIR: dataDir, STORAGE: 'sqlite' });
    for (const user of acknowledged) {
      stub.take(`kill-c${user}`);
      expect(await post(bot.baseUrl, user, { type: 'message', text: 'my case' })).toBe(200);
      expect(stub.take(`kill-c${user}`).map((r) => JSON.stringify(r)).join('\n')).toContain(`Case ${user}`);
    }
  }, 60_000);
});
