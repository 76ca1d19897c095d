import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { realContent } from '../helpers/content';
import { TestServer, startTestServer } from '../helpers/server';

const content = realContent();

/** A loopback stand-in for Teams' Bot Connector: records what the bot sends. */
async function connectorStub(): Promise<{ url: string; received: { path: string; body: { text?: string; type?: string } }[]; close(): Promise<void> }> {
  const received: { path: string; body: { text?: string; type?: string } }[] = [];
  const server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => {
      received.push({ path: req.url ?? '', body: data ? (JSON.parse(data) as { text?: string }) : {} });
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ id: `reply-${received.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('Teams-shaped activities over HTTP (local mode, loopback connector)', () => {
  let bot: TestServer;
  let stub: Awaited<ReturnType<typeof connectorStub>>;
  beforeAll(async () => {
    bot = await startTestServer();
    stub = await connectorStub();
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
  const messages = () => stub.received.filter((r) => r.body.type === 'message');

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
