import { startConnectorStub, type ConnectorStub } from '../bench/connectorStub';
import { realContent } from '../helpers/content';
import { TestServer, startTestServer } from '../helpers/server';

const content = realContent();

describe('Teams-shaped activities over HTTP (local mode, loopback connector)', () => {
  let bot: TestServer;
  // A loopback stand-in for Teams' Bot Connector: records what the bot sends.
  let stub: ConnectorStub;
  beforeAll(async () => {
    bot = await startTestServer();
    stub = await startConnectorStub({ keepAll: true });
  });
  afterAll(async () => {
    await bot.close();
    await stub.close();
  });

  const activity = (id: string, conversationType: 'personal' | 'groupChat', text: string, mentioned = false) => ({
    type: 'message', id, text, channelId: 'msteams', serviceUrl: stub.url, locale: 'en-US',
    from: { id: '29:user-1', name: 'Pat', aadObjectId: '00000000-0000-0000-0000-0000000000aa' },
    recipient: { id: '28:bill-coach', name: 'Bill Coach' },
    conversation: { id: `a:conv-${conversationType}`, conversationType, isGroup: conversationType !== 'personal', tenantId: 'tenant-1' },
    channelData: { tenant: { id: 'tenant-1' } },
    ...(mentioned ? { entities: [{ type: 'mention', text: '<at>Bill Coach</at>', mentioned: { id: '28:bill-coach', name: 'Bill Coach' } }] } : {}),
  });
  const post = (body: unknown) => fetch(`${bot.baseUrl}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const messages = () => stub.all().flatMap((r) => (r.activity?.type === 'message' ? [{ path: r.path, body: r.activity }] : []));

  it('welcomes a new personal chat, answers a message, and processes a repeated activity id only once', async () => {
    expect((await post(activity('act-0', 'personal', 'hi'))).status).toBeLessThan(300);
    expect(messages()[0]?.body.text).toContain(content.text('welcome.first'));
    expect((await post(activity('act-1', 'personal', 'help'))).status).toBeLessThan(300);
    const afterFirst = messages().length;
    expect(afterFirst).toBeGreaterThan(0);
    expect(messages().some((m) => m.body.text === content.text('help.text'))).toBe(true);
    expect((await post(activity('act-1', 'personal', 'help'))).status).toBeLessThan(300);
    expect(messages().length).toBe(afterFirst);
  });

  it('in a group chat: silent without a mention, a pointer to a personal chat with one', async () => {
    const before = messages().length;
    await post(activity('act-2', 'groupChat', 'my case'));
    expect(messages().length).toBe(before);
    await post({ ...activity('act-3', 'groupChat', '<at>Bill Coach</at> my case', true) });
    expect(messages().at(-1)?.body.text).toContain('teams.microsoft.com/l/chat');
  });
});
