import { request } from 'node:http';
import restify from 'restify';
import { createMemoryLogger } from '../../src/logger';
import { mountLocalChannel, type LocalChannel, type LocalChannelOptions } from '../../src/server/localChannel';

type Json = { [key: string]: unknown };
type BotMode = 'reply' | 'fail' | 'silent' | 'slow';

interface Harness {
  base: string;
  channel: LocalChannel;
  received: Json[];
  setBotMode(mode: BotMode): void;
  logLines: string[];
  close(): Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function asJson(value: unknown): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('expected a JSON object');
  return Object.fromEntries(Object.entries(value));
}

/** A bare restify server with the channel and a fake bot that echoes messages via the connector. */
async function start(overrides: Partial<LocalChannelOptions> = {}): Promise<Harness> {
  const server = restify.createServer();
  server.use(restify.plugins.queryParser());
  server.use(restify.plugins.bodyParser());
  let base = '';
  let mode: BotMode = 'reply';
  const received: Json[] = [];
  const logger = createMemoryLogger('debug');
  const channel = mountLocalChannel(server, {
    baseUrl: () => base, botId: 'bill-coach', conversationTtlSeconds: 60, maxConversations: 20,
    longPollMs: 1000, logger, ...overrides,
  });
  server.post('/api/messages', async (req, res) => {
    const activity = asJson(req.body);
    received.push(activity);
    if (mode === 'fail') {
      res.send(500, { message: 'boom' });
      return;
    }
    if (mode === 'slow') await sleep(600);
    if (activity.type === 'message' && mode === 'reply') {
      const conversation = asJson(activity.conversation);
      const url = `${String(activity.serviceUrl)}/v3/conversations/${encodeURIComponent(String(conversation.id))}`
        + `/activities/${encodeURIComponent(String(activity.id))}`;
      const reply = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message', text: `echo ${String(activity.text)}`, from: { id: 'bill-coach', role: 'bot' },
          recipient: activity.from, conversation,
        }),
      });
      if (!reply.ok) throw new Error(`reply failed ${reply.status}`);
    }
    res.send(200);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
  return {
    base, channel, received, logLines: logger.lines,
    setBotMode: (next) => { mode = next; },
    close: async () => {
      channel.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

interface Answer { status: number; body: Json }

async function call(h: Harness, method: string, path: string, token?: string, body?: unknown): Promise<Answer> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(h.base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text === '' ? {} : asJson(JSON.parse(text)) };
}

async function startConversation(h: Harness, userId = 'user-1'): Promise<{ conversationId: string; token: string }> {
  const generated = await call(h, 'POST', '/v3/directline/tokens/generate', undefined, { user: { id: userId } });
  expect(generated.status).toBe(200);
  const token = String(generated.body.token);
  const started = await call(h, 'POST', '/v3/directline/conversations', token);
  expect(started.status).toBe(201);
  return { conversationId: String(started.body.conversationId), token };
}

const activitiesOf = (answer: Answer): Json[] => (Array.isArray(answer.body.activities) ? answer.body.activities.map(asJson) : []);
const dl = (conversationId: string, rest = ''): string => `/v3/directline/conversations/${encodeURIComponent(conversationId)}${rest}`;
const connector = (conversationId: string, rest = ''): string => `/v3/conversations/${encodeURIComponent(conversationId)}${rest}`;

describe('local Direct Line channel', () => {
  let h: Harness;
  beforeEach(async () => { h = await start(); });
  afterEach(async () => { await h.close(); });

  it('runs token → conversation → message → bot reply with increasing watermarks', async () => {
    const generated = await call(h, 'POST', '/v3/directline/tokens/generate', undefined, { user: { id: 'user-1' } });
    expect(generated.body).toEqual({ conversationId: expect.any(String), token: expect.any(String), expires_in: 60 });
    const token = String(generated.body.token);
    const conversationId = String(generated.body.conversationId);

    const started = await call(h, 'POST', '/v3/directline/conversations', token, { user: { id: 'ignored' }, locale: 'en-US' });
    expect(started.status).toBe(201);
    expect(started.body).toEqual({ conversationId, token, expires_in: 60 });
    expect(h.received).toHaveLength(1);
    expect(h.received[0]).toMatchObject({
      type: 'conversationUpdate', channelId: 'webchat', serviceUrl: h.base, conversation: { id: conversationId },
      membersAdded: [{ id: 'bill-coach', role: 'bot' }, { id: 'user-1', role: 'user' }], locale: 'en-US',
    });
    const again = await call(h, 'POST', '/v3/directline/conversations', token);
    expect(again.status).toBe(200);
    expect(h.received).toHaveLength(1);
    expect((await call(h, 'GET', dl(conversationId, '?watermark=3'), token)).status).toBe(200);

    const empty = await call(h, 'GET', dl(conversationId, '/activities?watermark='), token);
    expect(empty.body).toEqual({ activities: [], watermark: '0' });

    const posted = await call(h, 'POST', dl(conversationId, '/activities'), token, {
      type: 'message', text: 'hello', locale: 'en-US', localTimezone: 'Europe/Paris', channelData: { clientActivityID: 'c1' },
    });
    expect(posted.status).toBe(200);
    expect(posted.body).toEqual({ id: `${conversationId}|0000000` });
    expect(h.received[1]).toMatchObject({
      type: 'message', text: 'hello', id: `${conversationId}|0000000`, from: { id: 'user-1', role: 'user' },
      recipient: { id: 'bill-coach', role: 'bot' }, serviceUrl: h.base, channelData: { clientActivityID: 'c1' },
    });

    const first = await call(h, 'GET', dl(conversationId, '/activities?watermark=0'), token);
    const list = activitiesOf(first);
    expect(first.body.watermark).toBe('2');
    expect(list.map((a) => a.text)).toEqual(['hello', 'echo hello']);
    expect(list[0]).toMatchObject({ id: `${conversationId}|0000000`, channelData: { clientActivityID: 'c1' }, timestamp: expect.any(String) });
    expect(list[1]).toMatchObject({ id: `${conversationId}|0000001`, replyToId: `${conversationId}|0000000`, from: { role: 'bot' } });

    await call(h, 'POST', dl(conversationId, '/activities'), token, { type: 'message', text: 'again' });
    const second = await call(h, 'GET', dl(conversationId, `/activities?watermark=${String(first.body.watermark)}`), token);
    expect(second.body.watermark).toBe('4');
    expect(activitiesOf(second).map((a) => a.text)).toEqual(['again', 'echo again']);
    const logged = h.logLines.join('\n');
    expect(logged).not.toMatch(/hello|again|user-1/);
    expect(logged).not.toContain(token);
    expect(logged).not.toContain(conversationId);
  });

  it('holds a long-poll until an activity arrives, and times out empty otherwise', async () => {
    const { conversationId, token } = await startConversation(h);
    const startedAt = Date.now();
    const timedOut = await call(h, 'GET', dl(conversationId, '/activities?watermark=0'), token);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(900);
    expect(timedOut.body).toEqual({ activities: [], watermark: '0' });

    const pollStart = Date.now();
    const poll = call(h, 'GET', dl(conversationId, '/activities?watermark=0'), token);
    await sleep(150);
    const sent = await call(h, 'POST', connector(conversationId, '/activities'), undefined, { type: 'typing', from: { id: 'bill-coach', role: 'bot' } });
    expect(sent.status).toBe(200);
    const answer = await poll;
    expect(Date.now() - pollStart).toBeLessThan(900);
    expect(activitiesOf(answer)).toEqual([expect.objectContaining({ type: 'typing', id: sent.body.id })]);
    expect(answer.body.watermark).toBe('1');
  });

  it('releases a long-poll whose client went away', async () => {
    await h.close();
    h = await start({ longPollMs: 5000 });
    const { conversationId, token } = await startConversation(h);
    // node:http rather than fetch: undici keeps an aborted request's socket around for seconds.
    const poll = request(h.base + dl(conversationId, '/activities'), { headers: { authorization: `Bearer ${token}` } });
    poll.on('error', () => undefined);
    poll.end();
    await sleep(100);
    poll.destroy();
    await sleep(200);
    const line = h.logLines.find((l) => l.includes('"route":"dl.activities.get"'));
    expect(line).toBeDefined();
    expect(Number(asJson(JSON.parse(line ?? '{}')).durationMs)).toBeLessThan(1000);
  });

  it('answers pending long-polls on close()', async () => {
    await h.close();
    h = await start({ longPollMs: 5000 });
    const { conversationId, token } = await startConversation(h);
    const startedAt = Date.now();
    const poll = call(h, 'GET', dl(conversationId, '/activities?watermark=0'), token);
    await sleep(100);
    h.channel.close();
    expect(await poll).toEqual({ status: 200, body: { activities: [], watermark: '0' } });
    expect(Date.now() - startedAt).toBeLessThan(1000);
    expect(h.channel.conversationCount()).toBe(0);
  });

  it('refreshes tokens; the old one keeps working', async () => {
    const { conversationId, token } = await startConversation(h);
    const refreshed = await call(h, 'POST', '/v3/directline/tokens/refresh', token);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toEqual({ conversationId, token: expect.any(String), expires_in: 60 });
    expect(refreshed.body.token).not.toBe(token);
    expect((await call(h, 'GET', dl(conversationId), String(refreshed.body.token))).status).toBe(200);
    expect((await call(h, 'GET', dl(conversationId), token)).status).toBe(200);
    expect((await call(h, 'POST', '/v3/directline/tokens/refresh', 'nope')).status).toBe(403);
  });

  it('overwrites a forged sender and keeps only channel-owned fields', async () => {
    const { conversationId, token } = await startConversation(h);
    await call(h, 'POST', dl(conversationId, '/activities'), token, {
      type: 'message', text: 'hi', from: { id: 'bill-coach', role: 'bot' }, recipient: { id: 'x' },
      conversation: { id: 'other' }, serviceUrl: 'http://evil.example', id: 'mine', timestamp: '2000-01-01T00:00:00Z',
    });
    const [own] = activitiesOf(await call(h, 'GET', dl(conversationId, '/activities'), token));
    expect(own).toMatchObject({
      from: { id: 'user-1', role: 'user' }, recipient: { id: 'bill-coach', role: 'bot' }, conversation: { id: conversationId },
      serviceUrl: h.base, id: `${conversationId}|0000000`,
    });
    expect(own?.timestamp).not.toBe('2000-01-01T00:00:00Z');
    expect(h.received[1]?.from).toEqual({ id: 'user-1', role: 'user' });
  });

  it('answers 403 for bad tokens and other conversations, 404 for ended ones', async () => {
    const a = await startConversation(h, 'a');
    const b = await startConversation(h, 'b');
    expect((await call(h, 'GET', dl(a.conversationId, '/activities'))).status).toBe(403);
    const bad = await call(h, 'GET', dl(a.conversationId, '/activities'), 'not-a-token');
    expect(bad).toEqual({ status: 403, body: { error: { code: 'TokenInvalid', message: expect.any(String) } } });
    expect((await call(h, 'GET', dl(a.conversationId, '/activities'), b.token)).status).toBe(403);
    expect((await call(h, 'POST', dl(a.conversationId, '/activities'), b.token, { type: 'message' })).status).toBe(403);
    expect((await call(h, 'GET', dl('__proto__', '/activities'), a.token)).status).toBe(403);
    expect((await call(h, 'POST', connector('unknown', '/activities'), undefined, { type: 'message' })).status).toBe(404);
    expect((await call(h, 'GET', dl(a.conversationId, '/activities?watermark=abc'), a.token)).status).toBe(400);
  });

  it('validates activities and user ids', async () => {
    const { conversationId, token } = await startConversation(h);
    const noType = await call(h, 'POST', dl(conversationId, '/activities'), token, { text: 'x' });
    expect(noType.status).toBe(400);
    expect(noType.body).toEqual({ error: { code: 'BadArgument', message: expect.stringContaining('type') } });
    const long = await call(h, 'POST', dl(conversationId, '/activities'), token, { type: 'message', text: 'x'.repeat(10_001) });
    expect(long.status).toBe(400);
    expect(String(asJson(long.body.error).message)).toContain('10000');
    expect((await call(h, 'POST', dl(conversationId, '/activities'), token, { type: 'message', text: 'x'.repeat(10_000) })).status).toBe(200);
    expect((await call(h, 'POST', dl(conversationId, '/activities'), token, ['x'])).status).toBe(400);
    for (const id of ['dl_x', '', 'x'.repeat(129), 'a\u0007b']) {
      expect((await call(h, 'POST', '/v3/directline/tokens/generate', undefined, { user: { id } })).status).toBe(400);
    }
    const generated = await call(h, 'POST', '/v3/directline/tokens/generate');
    expect(generated.status).toBe(200);
    const started = await call(h, 'POST', '/v3/directline/conversations', String(generated.body.token));
    expect(started.status).toBe(201);
    expect(String(asJson(asJson(h.received.at(-1)).from).id)).toMatch(/^u-[0-9a-f-]{36}$/);
  });

  it('answers 502 when the bot fails or is unreachable, and keeps working', async () => {
    const { conversationId, token } = await startConversation(h);
    h.setBotMode('fail');
    const failed = await call(h, 'POST', dl(conversationId, '/activities'), token, { type: 'message', text: 'one' });
    expect(failed.status).toBe(502);
    expect(asJson(failed.body.error).code).toBe('BotError');
    h.setBotMode('reply');
    const ok = await call(h, 'POST', dl(conversationId, '/activities'), token, { type: 'message', text: 'two' });
    expect(ok.status).toBe(200);
    const texts = activitiesOf(await call(h, 'GET', dl(conversationId, '/activities'), token)).map((a) => a.text);
    expect(texts).toEqual(['one', 'two', 'echo two']);
  });

  it('answers 502 when nothing listens at the bot endpoint, and on bot timeout', async () => {
    await h.close();
    let botDown = true;
    h = await start({
      botTimeoutMs: 200,
      fetchImpl: (input, init) => fetch(botDown ? 'http://127.0.0.1:1/api/messages' : input, init),
    });
    const generated = await call(h, 'POST', '/v3/directline/tokens/generate');
    const token = String(generated.body.token);
    const conversationId = String(generated.body.conversationId);
    expect((await call(h, 'POST', '/v3/directline/conversations', token)).status).toBe(201);
    expect((await call(h, 'POST', dl(conversationId, '/activities'), token, { type: 'message', text: 'x' })).status).toBe(502);
    botDown = false;
    h.setBotMode('slow');
    const slow = await call(h, 'POST', dl(conversationId, '/activities'), token, { type: 'message', text: 'y' });
    expect(slow.status).toBe(502);
    expect(asJson(slow.body.error).code).toBe('BotTimeout');
    expect(h.logLines.some((line) => line.includes('localChannel.botCallFailed'))).toBe(true);
  });

  it('refuses new conversations beyond maxConversations with 503', async () => {
    await h.close();
    h = await start({ maxConversations: 2 });
    await startConversation(h, 'a');
    await startConversation(h, 'b');
    const third = await call(h, 'POST', '/v3/directline/tokens/generate', undefined, { user: { id: 'c' } });
    expect(third.status).toBe(503);
    expect(asJson(third.body.error).code).toBe('ServiceUnavailable');
    expect(h.channel.conversationCount()).toBe(2);
  });

  it('forgets idle conversations and their tokens after the TTL', async () => {
    await h.close();
    h = await start({ conversationTtlSeconds: 1, maxConversations: 1 });
    const { conversationId, token } = await startConversation(h);
    expect(h.channel.conversationCount()).toBe(1);
    await sleep(2200);
    expect(h.channel.conversationCount()).toBe(0);
    expect((await call(h, 'GET', dl(conversationId, '/activities'), token)).status).toBe(403);
    expect((await call(h, 'POST', connector(conversationId, '/activities'), undefined, { type: 'message' })).status).toBe(404);
    await startConversation(h, 'next');
  });

  it('caps transcripts but keeps watermarks absolute', async () => {
    await h.close();
    h = await start({ maxActivitiesPerConversation: 3 });
    const { conversationId, token } = await startConversation(h);
    for (let i = 0; i < 5; i += 1) {
      await call(h, 'POST', connector(conversationId, '/activities'), undefined, { type: 'message', text: `m${i}` });
    }
    const all = await call(h, 'GET', dl(conversationId, '/activities?watermark=0'), token);
    expect(all.body.watermark).toBe('5');
    expect(activitiesOf(all).map((a) => a.text)).toEqual(['m2', 'm3', 'm4']);
    const tail = await call(h, 'GET', dl(conversationId, '/activities?watermark=4'), token);
    expect(activitiesOf(tail).map((a) => a.id)).toEqual([`${conversationId}|0000004`]);
  });

  it('updates and deletes bot activities; forget() keeps the dataDeleted event', async () => {
    const { conversationId, token } = await startConversation(h);
    const sent = await call(h, 'POST', connector(conversationId, '/activities'), undefined, { type: 'message', text: 'v1' });
    const id = String(sent.body.id);
    const path = connector(conversationId, `/activities/${encodeURIComponent(id)}`);
    expect(await call(h, 'PUT', path, undefined, { type: 'message', text: 'v2' })).toEqual({ status: 200, body: { id } });
    const afterUpdate = await call(h, 'GET', dl(conversationId, '/activities?watermark=1'), token);
    expect(activitiesOf(afterUpdate)).toEqual([expect.objectContaining({ id, text: 'v2' })]);
    expect(activitiesOf(await call(h, 'GET', dl(conversationId, '/activities'), token)).map((a) => a.text)).toEqual(['v2']);
    expect((await call(h, 'PUT', connector(conversationId, '/activities/nope'), undefined, { type: 'message' })).status).toBe(404);
    expect((await call(h, 'DELETE', path)).status).toBe(200);
    expect((await call(h, 'DELETE', path)).status).toBe(404);
    const afterDelete = await call(h, 'GET', dl(conversationId, '/activities'), token);
    expect(afterDelete.body).toEqual({ activities: [], watermark: '2' });

    await call(h, 'POST', connector(conversationId, '/activities'), undefined, { type: 'message', text: 'secret' });
    await call(h, 'POST', connector(conversationId, '/activities'), undefined, { type: 'event', name: 'billcoach/dataDeleted' });
    h.channel.forget(conversationId);
    const forgotten = await call(h, 'GET', dl(conversationId, '/activities'), token);
    expect(activitiesOf(forgotten)).toEqual([expect.objectContaining({ type: 'event', name: 'billcoach/dataDeleted' })]);
    expect(forgotten.body.watermark).toBe('4');
  });
});
