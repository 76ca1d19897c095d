import restify from 'restify';
import { ConnectionStatus, DirectLine, type Services } from 'botframework-directlinejs';
import { Observable } from 'rxjs/Observable';
import type { AjaxCreationMethod, AjaxRequest, AjaxResponse } from 'rxjs/observable/dom/AjaxObservable';
import 'rxjs/add/operator/filter';
import 'rxjs/add/operator/take';
import 'rxjs/add/operator/toArray';
import { z } from 'zod';
import { createMemoryLogger } from '../../src/logger';
import { mountLocalChannel, type LocalChannel } from '../../src/server/localChannel';

/**
 * Runs Microsoft's own Direct Line client (the one inside Web Chat) against the local channel.
 * Node has no XMLHttpRequest, so the client gets an `ajax` service built on fetch that answers
 * the way rxjs' ajax does: `{ status, response }`, errors carrying `status` (0 for network).
 */
function fetchAjax(request: string | AjaxRequest): Observable<AjaxResponse> {
  const req: AjaxRequest = typeof request === 'string' ? { url: request, method: 'GET' } : request;
  return new Observable<AjaxResponse>((subscriber) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers ?? {})) if (typeof value === 'string') headers[name] = value;
    fetch(req.url ?? '', {
      method: req.method ?? 'GET',
      headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
    }).then(async (res) => {
      const text = await res.text();
      const response: unknown = text === '' ? null : JSON.parse(text);
      const xhr = { getResponseHeader: (name: string) => res.headers.get(name) };
      const outcome: AjaxResponse = {
        originalEvent: new Event('load'), xhr, request: req, status: res.status, response, responseText: text, responseType: 'json',
      };
      if (res.ok) {
        subscriber.next(outcome);
        subscriber.complete();
      } else {
        subscriber.error(outcome);
      }
    }, () => subscriber.error({ status: 0, response: null, xhr: { getResponseHeader: () => null } }));
  });
}

const unused = (): never => { throw new Error('not used by directlinejs'); };
const ajax: AjaxCreationMethod = Object.assign(fetchAjax, { get: unused, post: unused, put: unused, patch: unused, delete: unused, getJSON: unused });
const botActivitySchema = z.object({
  type: z.string(), id: z.string(), serviceUrl: z.string(), text: z.string().optional(), conversation: z.object({ id: z.string() }),
});

/**
 * Polling mode never opens a socket, but directlinejs reads the global `WebSocket` (absent in
 * Node 20) when no WebSocket service is given: a global that exists but is undefined will do.
 */
const hadWebSocket = 'WebSocket' in globalThis;

describe('botframework-directlinejs against the local channel', () => {
  let server: restify.Server;
  let channel: LocalChannel;
  let base = '';

  beforeAll(async () => {
    if (!hadWebSocket) Object.defineProperty(globalThis, 'WebSocket', { value: undefined, configurable: true, writable: true });
    server = restify.createServer();
    server.use(restify.plugins.queryParser());
    server.use(restify.plugins.bodyParser());
    channel = mountLocalChannel(server, {
      baseUrl: () => base, botId: 'bill-coach', conversationTtlSeconds: 60, maxConversations: 5, longPollMs: 1000,
      logger: createMemoryLogger('warn'),
    });
    server.post('/api/messages', async (req, res) => {
      const activity = botActivitySchema.parse(req.body);
      if (activity.type === 'message') {
        const url = `${activity.serviceUrl}/v3/conversations/${encodeURIComponent(activity.conversation.id)}/activities/${encodeURIComponent(activity.id)}`;
        const sent = await fetch(url, {
          method: 'POST', headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'message', text: `echo ${activity.text ?? ''}`, from: { id: 'bill-coach', role: 'bot' } }),
        });
        if (!sent.ok) throw new Error(`reply failed: ${sent.status}`);
      }
      res.send(200);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${server.address().port}`;
  });

  afterAll(async () => {
    if (!hadWebSocket) Reflect.deleteProperty(globalThis, 'WebSocket');
    channel.close();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // directlinejs' last long-poll was just answered; its keep-alive socket need not linger.
    server.server.closeAllConnections();
    await closed;
  });

  it('connects, posts, sees its echo and the bot reply', async () => {
    const generated = await fetch(`${base}/v3/directline/tokens/generate`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: { id: 'user-1' } }),
    });
    const { token } = z.object({ token: z.string() }).parse(await generated.json());
    const services: Partial<Services> = { ajax };
    const directLine = new DirectLine({ domain: `${base}/v3/directline`, token, webSocket: false, pollingInterval: 200, ...services });
    try {
      const received = directLine.activity$.take(2).toArray().toPromise();
      const id = await directLine.postActivity({ type: 'message', from: { id: 'someone-else' }, text: 'hi' }).toPromise();
      expect(id).toMatch(/\|0000000$/);
      const [echo, reply] = await received;
      expect(echo).toMatchObject({ id, text: 'hi', from: { id: 'user-1', role: 'user' } });
      expect(reply).toMatchObject({ text: 'echo hi', from: { role: 'bot' }, replyToId: id });
      expect(directLine.connectionStatus$.getValue()).toBe(ConnectionStatus.Online);
    } finally {
      directLine.end();
    }
  });

  it('reports ExpiredToken on 403 and recovers with reconnect()', async () => {
    const post = async (path: string, auth?: string, body?: unknown): Promise<{ conversationId: string; token: string }> => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (auth !== undefined) headers.authorization = `Bearer ${auth}`;
      const res = await fetch(base + path, { method: 'POST', headers, body: JSON.stringify(body ?? {}) });
      return z.object({ conversationId: z.string(), token: z.string() }).parse(await res.json());
    };
    const { token } = await post('/v3/directline/tokens/generate', undefined, { user: { id: 'user-2' } });
    const directLine = new DirectLine({ domain: `${base}/v3/directline`, token, webSocket: false, pollingInterval: 200, ajax });
    const statuses: ConnectionStatus[] = [];
    const subscription = directLine.connectionStatus$.subscribe((status) => statuses.push(status));
    const texts: string[] = [];
    const seen = new Set<string>();
    // Polling only runs while someone listens to activity$ (as Web Chat always does). After a reconnect
    // directlinejs may briefly run two pollers and deliver an activity twice; Web Chat keeps one per id, so do we.
    subscription.add(directLine.activity$.subscribe((a) => {
      if (a.type !== 'message' || a.text === undefined || (a.id !== undefined && seen.has(a.id))) return;
      if (a.id !== undefined) seen.add(a.id);
      texts.push(a.text);
    }));
    try {
      const firstId = await directLine.postActivity({ type: 'message', from: { id: 'user-2' }, text: 'one' }).toPromise();
      expect(firstId).toMatch(/\|0000000$/);
      // Three refreshes push the original token out of the conversation's live tokens.
      let latest = await post('/v3/directline/tokens/refresh', token);
      for (let i = 0; i < 2; i += 1) latest = await post('/v3/directline/tokens/refresh', latest.token);
      await waitFor(() => statuses.includes(ConnectionStatus.ExpiredToken));
      directLine.reconnect({ conversationId: latest.conversationId, token: latest.token });
      expect(directLine.connectionStatus$.getValue()).toBe(ConnectionStatus.Online);
      await directLine.postActivity({ type: 'message', from: { id: 'user-2' }, text: 'two' }).toPromise();
      await waitFor(() => texts.includes('echo two'));
      expect(texts).toEqual(['one', 'echo one', 'two', 'echo two']);
    } finally {
      subscription.unsubscribe();
      directLine.end();
    }
  });

  it('a reloaded page resumes: a new client with the conversation id and a refreshed token reads the conversation from the start', async () => {
    const generated = await fetch(`${base}/v3/directline/tokens/generate`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: { id: 'user-3' } }),
    });
    const { token, conversationId } = z.object({ token: z.string(), conversationId: z.string() }).parse(await generated.json());
    const first = new DirectLine({ domain: `${base}/v3/directline`, token, webSocket: false, pollingInterval: 200, ajax });
    try {
      const received = first.activity$.take(4).toArray().toPromise();
      await first.postActivity({ type: 'message', from: { id: 'user-3' }, text: 'one' }).toPromise();
      await first.postActivity({ type: 'message', from: { id: 'user-3' }, text: 'two' }).toPromise();
      expect((await received).map((a) => (a.type === 'message' ? a.text : a.type))).toEqual(['one', 'echo one', 'two', 'echo two']);
    } finally {
      first.end();
    }

    // The page, reloaded: what app.js does with the conversation it kept in sessionStorage.
    const refreshed = await fetch(`${base}/v3/directline/tokens/refresh`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(refreshed.status).toBe(200);
    const grant = z.object({ token: z.string(), conversationId: z.string() }).parse(await refreshed.json());
    expect(grant.conversationId).toBe(conversationId);
    const resumed = new DirectLine({ domain: `${base}/v3/directline`, token: grant.token, conversationId, webSocket: false, pollingInterval: 200, ajax });
    try {
      const history = resumed.activity$.take(6).toArray().toPromise();
      await resumed.postActivity({ type: 'message', from: { id: 'user-3' }, text: 'three' }).toPromise();
      expect((await history).map((a) => (a.type === 'message' ? a.text : a.type))).toEqual(['one', 'echo one', 'two', 'echo two', 'three', 'echo three']);
    } finally {
      resumed.end();
    }

    // A token the channel no longer knows (expired, or the server restarted) is refused: the page starts afresh.
    const gone = await fetch(`${base}/v3/directline/tokens/refresh`, { method: 'POST', headers: { authorization: 'Bearer not-a-token' } });
    expect(gone.status).toBe(403);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
