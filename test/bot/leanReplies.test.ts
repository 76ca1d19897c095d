import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CardFactory, ConfigurationBotFrameworkAuthentication, MessageFactory, type Activity } from 'botbuilder';
import { ConnectorRequestError, MAX_RETRIES, proxyConfigured, retryAfterMs, withLeanReplies } from '../../src/bot/leanReplies';
import { ReusedClientsAuthentication } from '../../src/bot/reusedClients';

interface Seen {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

type Answer = { status: number; headers?: Record<string, string>; body?: string } | 'hang-up';

/** A loopback channel that records each request and answers from a script (then 200 `{ id }`). */
async function channel(script: Answer[] = []): Promise<{ url: string; seen: Seen[]; close: () => Promise<void> }> {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: text ? (JSON.parse(text) as unknown) : undefined });
      const answer = script.shift() ?? { status: 200, body: JSON.stringify({ id: `reply-${seen.length}` }) };
      if (answer === 'hang-up') {
        req.socket.destroy();
        return;
      }
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

const anonymous = { MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' };
const claims = { isAuthenticated: false, claims: [], getClaimValue: () => null } as unknown as Parameters<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>[0];

/** A reply as the SDK hands it to the connector: conversation reference applied, a card, buttons, a date. */
const reply = (serviceUrl: string): Partial<Activity> => ({
  ...MessageFactory.suggestedActions(['Yes', 'No'], 'Step 3 of 5 · Offer\n\nHow much could you pay **today**?'),
  attachments: [CardFactory.adaptiveCard({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Offer $1,200 — ok? <b>&</b>' }] })],
  channelId: 'msteams',
  serviceUrl,
  conversation: { id: '19:abc@thread.skype;messageid=1700000000000', isGroup: false, conversationType: 'personal', name: '' },
  from: { id: '28:bot', name: 'Bill Coach' },
  recipient: { id: '29:user', name: 'Dana', role: 'user' },
  replyToId: '1700000000000',
  locale: 'en-US',
  timestamp: new Date('2026-11-28T10:00:00.000Z'),
  channelData: { notification: { alert: false } },
  entities: [{ type: 'mention', text: '<at>Dana</at>' }],
});

const fast = { sleep: async () => undefined, random: () => 0 };

/** The SDK's own connector client for `url` (anonymous, local mode), and the same made lean. */
const sdkClient = (url: string) => new ConfigurationBotFrameworkAuthentication(anonymous).createConnectorFactory(claims).create(url, undefined);
const leanClient = async (url: string, options: Parameters<typeof withLeanReplies>[2] = {}) => withLeanReplies(await sdkClient(url), url, options);

describe('replies sent without the SDK pipeline', () => {
  let ch: Awaited<ReturnType<typeof channel>> | undefined;
  afterEach(async () => {
    await ch?.close();
    ch = undefined;
  });
  it('send the same request the SDK would: path, body and headers', async () => {
    ch = await channel();
    const sdk = await sdkClient(ch.url);
    const lean = await leanClient(ch.url);
    const activity = reply(ch.url);
    const viaSdk = await sdk.conversations.replyToActivity(activity.conversation?.id ?? '', activity.replyToId ?? '', activity);
    const viaLean = await lean.conversations.replyToActivity(activity.conversation?.id ?? '', activity.replyToId ?? '', activity);
    expect(viaSdk.id).toBe('reply-1');
    expect(viaLean).toEqual({ id: 'reply-2' });
    const [fromSdk, fromLean] = ch.seen;
    expect(fromLean?.path).toBe(fromSdk?.path);
    expect(fromLean?.path).toBe(`/v3/conversations/${encodeURIComponent('19:abc@thread.skype;messageid=1700000000000')}/activities/1700000000000`);
    expect(fromLean?.body).toEqual(fromSdk?.body);
    expect(fromLean?.body).toEqual(JSON.parse(JSON.stringify(activity)));
    expect(fromLean?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(fromLean?.headers.accept).toBe(fromSdk?.headers.accept);
    // The SDK's, without the HTTP library's own suffix (core-rest-pipeline, Node and OS versions).
    expect(fromLean?.headers['user-agent']).toMatch(/^botframework-connector\/\S+ Microsoft-BotFramework\/3\.1 botframework-connector\/4\.23\.3$/);
    expect(fromSdk?.headers['user-agent']?.startsWith(fromLean?.headers['user-agent'] ?? '-')).toBe(true);
  });

  it('keep every property of an entity (the SDK\'s serializer drops all but `type`, such as Teams\' AI label)', async () => {
    ch = await channel();
    const client = await leanClient(ch.url);
    const label = { type: 'https://schema.org/Message', '@type': 'Message', '@context': 'https://schema.org', additionalType: ['AIGeneratedContent'] };
    await client.conversations.sendToConversation('c1', { type: 'message', text: 'hi', entities: [label] });
    expect((ch.seen[0]?.body as Partial<Activity>).entities).toEqual([label]);
  });

  it('send to the conversation when the reply answers no activity', async () => {
    ch = await channel();
    const client = await leanClient(ch.url);
    await client.conversations.sendToConversation('c 1/ü', { type: 'message', text: 'Your reminder' });
    expect(ch.seen[0]?.path).toBe('/v3/conversations/c%201%2F%C3%BC/activities');
    expect(ch.seen[0]?.body).toEqual({ type: 'message', text: 'Your reminder' });
  });

  it('carry the Authorization header the client\'s own credentials sign with', async () => {
    ch = await channel();
    const signing = {
      credentials: { signRequest: async (request: { headers: { set(n: string, v: string): void } }) => request.headers.set('Authorization', 'Bearer token-for-teams') },
      options: { userAgent: 'botframework-connector/4.0.0 Microsoft-BotFramework/3.1 botbuilder/4.23.3 ' },
      conversations: {},
    } as unknown as Parameters<typeof withLeanReplies>[0];
    const client = withLeanReplies(signing, `${ch.url}/amer/`);
    await client.conversations.replyToActivity('conv', 'act', { type: 'message', text: 'hi' });
    expect(ch.seen[0]?.headers.authorization).toBe('Bearer token-for-teams');
    expect(ch.seen[0]?.path).toBe('/amer/v3/conversations/conv/activities/act');
  });

  it('wait as long as a 429 says, then send again', async () => {
    ch = await channel([{ status: 429, headers: { 'retry-after': '2' } }, { status: 429, headers: { 'retry-after-ms': '150' } }]);
    const waits: number[] = [];
    try {
      const client = await leanClient(ch.url, { sleep: async (ms) => void waits.push(ms) });
      expect(await client.conversations.sendToConversation('c1', { type: 'message', text: 'hi' })).toEqual({ id: 'reply-3' });
      expect(waits).toEqual([2000, 150]);
      expect(ch.seen).toHaveLength(3);
    } finally {
      await ch.close();
    }
  });

  it(`retry a server error and a dropped connection with growing waits, at most ${MAX_RETRIES} times, then fail with the channel's answer`, async () => {
    ch = await channel([{ status: 502 }, 'hang-up', { status: 503 }, { status: 500, body: JSON.stringify({ error: { code: 'ServiceError', message: 'Teams is down' } }) }]);
    const waits: number[] = [];
    try {
      const client = await leanClient(ch.url, { sleep: async (ms) => void waits.push(ms), random: () => 0.9999 });
      const failure = await client.conversations.sendToConversation('c1', { type: 'message', text: 'hi' }).catch((err: unknown) => err);
      expect(failure).toBeInstanceOf(ConnectorRequestError);
      expect(failure).toMatchObject({ name: 'RestError', statusCode: 500, code: 'ServiceError', message: 'Teams is down' });
      expect(ch.seen).toHaveLength(1 + MAX_RETRIES);
      expect(waits).toEqual([1000, 2000, 4000]);
    } finally {
      await ch.close();
    }
  });

  it('do not retry what sending again cannot fix (400, 403, 404) and say what the channel said', async () => {
    ch = await channel([{ status: 403, body: JSON.stringify({ error: { code: 'BotDisabledByAdmin', message: 'The bot is blocked' } }) }]);
    const client = await leanClient(ch.url, fast);
    await expect(client.conversations.sendToConversation('c1', { type: 'message' })).rejects.toMatchObject({ statusCode: 403, code: 'BotDisabledByAdmin' });
    expect(ch.seen).toHaveLength(1);
  });

  it('give up on a connector nobody answers at after the retries, with the network error\'s code', async () => {
    ch = await channel();
    await ch.close();
    const waits: number[] = [];
    const client = await leanClient(ch.url, { sleep: async (ms) => void waits.push(ms), random: () => 0 });
    await expect(client.conversations.sendToConversation('c1', { type: 'message' })).rejects.toMatchObject({ name: 'RestError', code: 'ECONNREFUSED', statusCode: undefined });
    expect(waits).toEqual([500, 1000, 2000]);
  });

  it('abandon an attempt the channel never answers, and count it as a retry', async () => {
    const hanging = http.createServer(() => undefined);
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', () => resolve()));
    const url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`;
    try {
      const client = await leanClient(url, { ...fast, attemptTimeoutMs: 50 });
      await expect(client.conversations.sendToConversation('c1', { type: 'message' })).rejects.toMatchObject({ code: 'ETIMEDOUT' });
    } finally {
      hanging.closeAllConnections();
      await new Promise<void>((resolve) => hanging.close(() => resolve()));
    }
  });

  it('refuse a reply with no conversation before sending anything', async () => {
    const client = await leanClient('http://127.0.0.1:9');
    await expect(client.conversations.replyToActivity('', 'a', { type: 'message' })).rejects.toThrow(/conversationId is required/);
  });

  it('are what the bot\'s reused clients send with', async () => {
    ch = await channel();
    const auth = new ReusedClientsAuthentication(anonymous);
    const client = await auth.createConnectorFactory(claims).create(ch.url, undefined);
    await client.conversations.sendToConversation('c1', { type: 'message', text: 'hi' });
    expect(ch.seen[0]?.headers['content-length']).toBe(String(Buffer.byteLength(JSON.stringify({ type: 'message', text: 'hi' }))));
    expect(client.conversations.sendToConversation.name).not.toBe('sendToConversation');
  });
});

describe('when the SDK keeps sending replies itself', () => {
  it('an HTTP proxy is configured (the SDK pipeline honours it)', () => {
    expect(proxyConfigured({})).toBe(false);
    expect(proxyConfigured({ HTTPS_PROXY: 'http://proxy.corp:8080' })).toBe(true);
    expect(proxyConfigured({ http_proxy: ' ' })).toBe(false);
  });

  it('leaves a client with a proxy or without signing credentials unchanged', async () => {
    const before = process.env.HTTPS_PROXY;
    process.env.HTTPS_PROXY = 'http://proxy.corp:8080';
    try {
      const client = await sdkClient('http://127.0.0.1:9');
      const original = client.conversations.sendToConversation;
      expect(withLeanReplies(client, 'http://127.0.0.1:9').conversations.sendToConversation).toBe(original);
    } finally {
      if (before === undefined) delete process.env.HTTPS_PROXY;
      else process.env.HTTPS_PROXY = before;
    }
    const unsigned = { conversations: { sendToConversation: () => undefined } } as unknown as Parameters<typeof withLeanReplies>[0];
    expect(withLeanReplies(unsigned, 'http://127.0.0.1:9')).toBe(unsigned);
  });
});

describe('reading Retry-After', () => {
  const now = Date.parse('2026-11-28T10:00:00Z');
  it.each([
    [429, { 'retry-after': '3' }, 3000],
    [503, { 'retry-after': '0' }, 0],
    [429, { 'retry-after-ms': '250' }, 250],
    [429, { 'x-ms-retry-after-ms': '40' }, 40],
    [429, { 'retry-after': 'Sat, 28 Nov 2026 10:00:05 GMT' }, 5000],
    [429, { 'retry-after': 'soon' }, undefined],
    [429, {}, undefined],
    [500, { 'retry-after': '3' }, undefined],
  ])('status %i with %j waits %s ms', (status, headers, expected) => {
    expect(retryAfterMs(status, headers, now)).toBe(expected);
  });
});
