import { realContent } from '../helpers/content';
import { DirectLineTestClient, messageTexts, startsWith } from '../helpers/directLine';
import { TestServer, startTestServer } from '../helpers/server';

const content = realContent();

describe('the bot over HTTP, through the local Direct Line channel (no credentials)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ MAX_BODY_KB: '64' });
  });
  afterAll(async () => server.close());

  it('reports healthy with its version and storage kind', async () => {
    const res = await fetch(`${server.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ok', version: expect.any(String), storage: { kind: 'sqlite', ok: true },
      turns: { running: 0, waiting: 0, limit: expect.any(Number) },
    });
  });

  it('serves the web chat page and Microsoft’s Web Chat bundle from node_modules', async () => {
    const page = await fetch(`${server.baseUrl}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`<title>${content.text('web.title')}</title>`);
    expect(html).toContain('/assets/webchat.js');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const bundle = await fetch(`${server.baseUrl}/assets/webchat.js`);
    expect(bundle.status).toBe(200);
    expect(Number(bundle.headers.get('content-length'))).toBeGreaterThan(1_000_000);
    await bundle.arrayBuffer();
  });

  it('welcomes with the menu, answers help and menu, and erases everything on "delete my data"', async () => {
    const user = new DirectLineTestClient(server.baseUrl, 'u-http-1');
    await user.start();
    const welcome = await user.waitForBot();
    expect(messageTexts(welcome)[0]).toContain(content.text('welcome.first'));
    expect(welcome.at(-1)?.suggestedActions?.actions.map((a) => a.title)).toContain(content.text('menu.options.gather.title'));

    // A note the bot sends ahead of its next question shares that question's message (replyCoalescing.ts).
    expect(messageTexts(await user.say('help'))).toEqual([`${content.text('help.text')}\n\n${content.text('menu.prompt')}`]);
    await user.say('new case', (m) => m.length > 0);
    expect(messageTexts(await user.say('Mercy General'))[0]).toMatch(startsWith(content.text('cases.created', { caseLabel: 'Mercy General' })));
    expect(messageTexts(await user.say('menu'))[0]).toContain('Mercy General');

    expect(messageTexts(await user.say('delete my data'))).toEqual([content.text('deleteData.confirm')]);
    const erased = await user.say('yes', (m) => m.some((a) => a.type === 'event'));
    expect(messageTexts(erased)).toEqual([content.text('deleteData.done')]);
    expect(erased.find((a) => a.type === 'event')?.name).toBe('billcoach/dataDeleted');
    const left = await server.storage.read(['webchat/users/u-http-1/', `webchat/conversations/${user.conversationId}/`]);
    expect(left).toEqual({});
    // The local channel forgets the transcript too: nothing the user typed is left in memory.
    const kept = await user.transcript();
    expect(JSON.stringify(kept)).not.toContain('Mercy General');
    expect(kept.some((a) => a.name === 'billcoach/dataDeleted')).toBe(true);
  });

  it('never writes what the user typed, their case name or amounts to the log', async () => {
    const user = new DirectLineTestClient(server.baseUrl, 'u-http-privacy');
    await user.start();
    await user.waitForBot();
    await user.say('new case', (m) => m.length > 0);
    await user.say('Zebulon Quackenbush Memorial');
    await user.say('I owe $7,654.32 and feel awful');
    const log = server.logger.lines.join('\n');
    expect(server.logger.lines.length).toBeGreaterThan(5);
    expect(log).not.toMatch(/Zebulon|Quackenbush|7,654|7654|awful|u-http-privacy/);
  });

  describe('bad requests get a clear 4xx JSON answer, never a 500', () => {
    const post = (path: string, body: string, type = 'application/json') =>
      fetch(`${server.baseUrl}${path}`, { method: 'POST', headers: { 'Content-Type': type }, body });

    it.each([
      ['malformed JSON', 400, '{"type": "message",'],
      ['an activity without type', 400, '{"text":"hi"}'],
      ['a JSON array', 400, '[1,2,3]'],
      ['an empty type', 400, '{"type":"  "}'],
    ])('%s → %i', async (_label, status, body) => {
      const res = await post('/api/messages', body);
      expect(res.status).toBe(status);
      const json = (await res.json()) as { error: { code: string; message: string } };
      expect(json.error.message.length).toBeGreaterThan(5);
    });

    it('a body over the size limit → 413', async () => {
      const res = await post('/api/messages', JSON.stringify({ type: 'message', text: 'x'.repeat(70 * 1024) }));
      expect(res.status).toBe(413);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBeTruthy();
    });

    it('an unknown route → 404 JSON', async () => {
      const res = await fetch(`${server.baseUrl}/no/such/thing`);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('ResourceNotFound');
    });

    it('a plain-text body → 400', async () => {
      const res = await post('/api/messages', 'hello', 'text/plain');
      expect(res.status).toBe(400);
    });
  });
});

describe('health when storage is down', () => {
  it('answers 503 naming the storage kind, and stays up', async () => {
    const server = await startTestServer();
    await server.storage.close();
    const res = await fetch(`${server.baseUrl}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'unavailable', storage: { kind: 'sqlite', ok: false } });
    await server.close();
  });
});

describe('with MicrosoftAppId set (a deployment)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret' });
  });
  afterAll(async () => server.close());

  it('rejects unauthenticated activities with 401', async () => {
    const res = await fetch(`${server.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'hi', serviceUrl: 'http://127.0.0.1:9/', channelId: 'webchat', conversation: { id: 'c' }, from: { id: 'u' } }),
    });
    expect(res.status).toBe(401);
  });

  it('rejects a malformed bearer token with 401', async () => {
    const res = await fetch(`${server.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer not.a.jwt' },
      body: JSON.stringify({ type: 'message', text: 'hi', serviceUrl: 'http://127.0.0.1:9/', channelId: 'webchat', conversation: { id: 'c' }, from: { id: 'u' } }),
    });
    expect(res.status).toBe(401);
  });

  it('does not mount the local web chat or its Direct Line stand-in at all', async () => {
    expect((await fetch(`${server.baseUrl}/`)).status).toBe(404);
    expect((await fetch(`${server.baseUrl}/assets/webchat.js`)).status).toBe(404);
    const token = await fetch(`${server.baseUrl}/v3/directline/tokens/generate`, { method: 'POST' });
    expect(token.status).toBe(404);
    expect((await fetch(`${server.baseUrl}/v3/conversations/x/activities`, { method: 'POST' })).status).toBe(404);
  });

  it('still answers /healthz', async () => {
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
  });
});
