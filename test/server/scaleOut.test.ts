import { randomUUID } from 'node:crypto';
import { AzureBlobStorage } from '../../src/storage/azureBlobStorage';
import { ReminderStore } from '../../src/storage/reminderStore';
import type { Profile } from '../../src/domain/case';
import { ConnectorStub, ReplyActivity, startConnectorStub } from '../bench/connectorStub';
import { Azurite, startAzurite } from '../helpers/azurite';
import { postActivity } from '../helpers/channelPost';
import { realContent } from '../helpers/content';
import { BotProcess, kill, spawnBot } from '../helpers/process';

const content = realContent();
const CONTAINER = 'scale-out';
const REMINDER_START = content.text('followUp.reminder', { caseLabel: 'X', date: 'Y' }).slice(0, 20);

/** Two real bot processes on one Azurite container, replying to one loopback connector. */
describe('several instances sharing Azure Blob storage', () => {
  let azurite: Azurite;
  let stub: ConnectorStub;
  let a: BotProcess;
  let b: BotProcess;
  let store: AzureBlobStorage;

  beforeAll(async () => {
    azurite = await startAzurite();
    stub = await startConnectorStub();
    const env = {
      STORAGE: 'azure-blob', BLOB_CONNECTION_STRING: azurite.connectionString, BLOB_CONTAINER: CONTAINER,
      REMINDER_CHECK_SECONDS: '1', REMINDER_DUE_AFTER_SECONDS: '2',
    };
    [a, b] = await Promise.all([spawnBot(env), spawnBot(env)]);
    store = new AzureBlobStorage({ connectionString: azurite.connectionString, container: CONTAINER, retentionDays: 90 });
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a, b].filter(Boolean).map((bot) => kill(bot, 'SIGKILL')));
    await store?.close();
    await stub?.close();
    await azurite?.stop();
  });

  /** One user in one conversation; each message goes to the instance given. */
  function user() {
    const userId = `u-${randomUUID()}`;
    const conversationId = `c-${randomUUID()}`;
    const post = async (bot: BotProcess, activity: Record<string, unknown>): Promise<ReplyActivity[]> => {
      expect(await postActivity(bot.baseUrl, { serviceUrl: stub.url, conversationId, userId, activity })).toBeLessThan(300);
      return stub.take(conversationId);
    };
    const say = (bot: BotProcess, text: string) => post(bot, { type: 'message', text });
    const join = (bot: BotProcess) => post(bot, { type: 'conversationUpdate', membersAdded: [{ id: 'bill-coach' }, { id: userId }] });
    const userKey = `webchat/users/${userId}/`;
    const profile = async () => ((await store.read([userKey]))[userKey] as { profile?: Profile } | undefined)?.profile;
    return { userId, conversationId, say, join, profile };
  }
  const textOf = (replies: ReplyActivity[]) => replies.map((r) => r.text ?? '').join('\n');

  it('both instances are healthy and report the blob store', async () => {
    for (const bot of [a, b]) {
      const res = await fetch(`${bot.baseUrl}/healthz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'ok', storage: { kind: 'azure-blob', ok: true } });
    }
  });

  it('keeps the conversation when its turns alternate between the instances', async () => {
    const u = user();
    expect(textOf(await u.join(a))).toContain(content.text('welcome.first').slice(0, 30));
    // A hospital: her state right after the kind, to look it up in CMS's list (issue 23), where it is "None of these".
    const answers = ['1', 'Mercy General Hospital', 'Hospital or ER', 'Ohio', 'None of these', 'yes', 'March 3, 2026', 'April 10, 2026', '$2,400.50'];
    const asks = [
      'intake.providerName.ask', 'intake.providerKind.ask', 'intake.state.ask', 'intake.hospital.ask', 'intake.nonprofit.ask', 'intake.serviceDate.ask', 'intake.firstBillDate.ask',
      'intake.balance.ask', 'intake.dueDate.ask',
    ].map((key) => content.text(key, { name: 'Mercy General Hospital', state: 'Ohio' }).slice(0, 25));
    for (const [i, answer] of answers.entries()) {
      const replies = await u.say(i % 2 === 0 ? b : a, answer);
      expect(textOf(replies)).toContain(asks[i] ?? '');
    }
    const saved = (await u.profile())?.cases[0];
    expect(saved?.provider.name).toBe('Mercy General Hospital');
    expect([saved?.serviceDate, saved?.firstBillDate, saved?.balanceCents]).toEqual(['2026-03-03', '2026-04-10', 240_050]);
  }, 60_000);

  it('loses no update when two turns of one conversation arrive at both instances at once', async () => {
    const u = user();
    await u.join(a);
    for (const answer of ['1', 'Mercy General Hospital', 'Hospital or ER', 'Ohio', 'None of these', 'yes']) await u.say(answer.length % 2 ? a : b, answer);
    const [r1, r2] = await Promise.all([u.say(a, 'March 3, 2026'), u.say(b, 'March 3, 2026')]);
    const all = textOf([...r1, ...r2]);
    expect(all).not.toContain(content.text('errors.turn'));
    const saved = (await u.profile())?.cases[0];
    expect([saved?.serviceDate, saved?.firstBillDate]).toEqual(['2026-03-03', '2026-03-03']);
  }, 60_000);

  it('delivers a follow-up reminder once although both instances check for due reminders', async () => {
    const u = user();
    await u.join(a);
    const steps = ['5', 'Log a call', 'today', 'Dana', 'billing', 'none', "They'll review the bill", 'skip', content.text('followUp.propose.other')];
    for (const [i, answer] of steps.entries()) await u.say(i % 2 ? a : b, answer);
    expect(textOf(await u.say(a, 'December 15'))).toContain(content.text('followUp.scheduled', { date: 'December 15, 2026' }));
    const seen: ReplyActivity[] = [];
    const deadline = Date.now() + 8000;
    while (Date.now() < deadline) {
      seen.push(...stub.take(u.conversationId));
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(seen.filter((r) => (r.text ?? '').startsWith(REMINDER_START))).toHaveLength(1);
    const reminders = await new ReminderStore(store).all();
    expect(reminders.filter((r) => r.owner === `webchat/${u.userId}`).map((r) => r.status)).toEqual(['sent']);
  }, 60_000);

  it('"delete my data" on one instance erases the user everywhere in the blob store', async () => {
    const u = user();
    await u.join(b);
    await u.say(a, 'new case');
    await u.say(b, 'Mercy General');
    expect((await u.profile())?.cases).toHaveLength(1);
    await u.say(a, 'delete my data');
    expect(textOf(await u.say(b, 'yes'))).toContain(content.text('deleteData.done'));
    const keys = [`webchat/users/${u.userId}/`, `webchat/conversations/${u.conversationId}/`];
    expect(await store.read(keys)).toEqual({});
  }, 60_000);

  it('reports the store as unavailable on /healthz when the blob service goes away', async () => {
    await azurite.stop();
    const res = await fetch(`${a.baseUrl}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'unavailable', storage: { kind: 'azure-blob', ok: false } });
  }, 30_000);
});
