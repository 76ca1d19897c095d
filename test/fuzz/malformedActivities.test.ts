import { startConnectorStub, type ConnectorStub } from '../bench/connectorStub';
import { TestServer, startTestServer } from '../helpers/server';

/**
 * Malformed activities sent to the real server get a clear JSON 4xx, never a 500 and never a turn.
 * (Malformed JSON, a missing or empty type, an array, an oversized body, a plain-text body and unknown
 * routes are covered in test/server/http.test.ts.)
 */
const VALID = { type: 'message', id: 'a-1', text: 'hi', channelId: 'webchat', conversation: { id: 'c-fuzz' }, from: { id: 'u-fuzz' }, recipient: { id: 'bill-coach' } };
const without = (key: keyof typeof VALID) => Object.fromEntries(Object.entries(VALID).filter(([k]) => k !== key));
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('malformed activities get a clear JSON 4xx from the real server', () => {
  let server: TestServer;
  // A loopback Bot Connector: the bot's replies to a valid activity land here.
  let connector: ConnectorStub;
  beforeAll(async () => {
    [server, connector] = await Promise.all([startTestServer(), startConnectorStub({ keepAll: true })]);
  });
  afterAll(async () => {
    await server.close();
    await connector.close();
  });

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${server.baseUrl}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
  const activity = (fields: Record<string, unknown>) => JSON.stringify({ serviceUrl: connector.url, ...fields });

  async function expectBadRequest(res: Response): Promise<void> {
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get('content-type')).toContain('application/json');
    const json = (await res.json()) as { error?: { code?: unknown; message?: unknown } };
    expect(typeof json.error?.code).toBe('string');
    expect(String(json.error?.message).length).toBeGreaterThan(5);
  }

  it.each([
    ['a JSON string', '"str"'],
    ['JSON null', 'null'],
    ['a JSON number', '42'],
    ['JSON true', 'true'],
  ])('/api/messages: %s → 400', async (_label, body) => {
    await expectBadRequest(await post('/api/messages', body));
  });

  it.each([
    ['a number for text', () => activity({ ...VALID, text: 123 })],
    ['an object for text', () => activity({ ...VALID, text: { html: '<b>x</b>' } })],
    ['a number for type', () => activity({ ...VALID, type: 7 })],
    ['no from', () => activity(without('from'))],
    ['a string for from', () => activity({ ...VALID, from: 'u-fuzz' })],
    ['a from without an id', () => activity({ ...VALID, from: { name: 'Pat' } })],
    ['no conversation', () => activity(without('conversation'))],
    ['a number for the conversation id', () => activity({ ...VALID, conversation: { id: 5 } })],
    ['an empty conversation id', () => activity({ ...VALID, conversation: { id: '' } })],
    ['no channelId', () => activity(without('channelId'))],
    ['a recipient that is a list', () => activity({ ...VALID, recipient: [] })],
    ['attachments that are not a list', () => activity({ ...VALID, attachments: 'x' })],
    ['entities that are not a list', () => activity({ ...VALID, entities: { type: 'mention' } })],
    ['a number for locale', () => activity({ ...VALID, locale: 1 })],
    ['no serviceUrl', () => JSON.stringify(VALID)],
    ['a serviceUrl that is not a URL', () => JSON.stringify({ ...VALID, serviceUrl: 'not a url' })],
    ['a serviceUrl that is not http(s)', () => JSON.stringify({ ...VALID, serviceUrl: 'javascript:alert(1)' })],
    ['JSON nested 20,000 deep in value', () => `{"type":"message","value":${nested(20_000)}}`],
    ['a whole activity nested 200 deep in channelData', () => activity({ ...VALID, channelData: JSON.parse(`{"a":${'{"a":'.repeat(200)}1${'}'.repeat(200)}}`) as unknown })],
  ])('/api/messages: %s → 400', async (_label, body) => {
    const before = connector.all().length;
    await expectBadRequest(await post('/api/messages', body()));
    expect(connector.all().length).toBe(before); // no turn ran, nothing was sent anywhere
  });

  it('a well-formed activity still runs a turn (the checks reject only what is malformed)', async () => {
    const res = await post('/api/messages', activity({ ...VALID, id: 'a-ok', value: { deep: [[[{ fine: true }]]] }, locale: null, entities: null, channelData: { clientActivityID: 'x' } }));
    expect(res.status).toBeLessThan(300);
    expect(connector.all().length).toBeGreaterThan(0);
  });

  it('the local Direct Line channel: a value nested 20,000 deep → 4xx, and the conversation carries on', async () => {
    const token = ((await (await post('/v3/directline/tokens/generate', JSON.stringify({ user: { id: 'u-deep' } }))).json()) as { token: string }).token;
    const auth = { Authorization: `Bearer ${token}` };
    const started = await fetch(`${server.baseUrl}/v3/directline/conversations`, { method: 'POST', headers: auth });
    const { conversationId } = (await started.json()) as { conversationId: string };
    const activities = `/v3/directline/conversations/${conversationId}/activities`;
    await expectBadRequest(await post(activities, `{"type":"message","from":{"id":"u-deep"},"value":${nested(20_000)}}`, auth));
    await expectBadRequest(await post(activities, JSON.stringify({ type: 'message', text: 123 }), auth));
    expect((await post(activities, JSON.stringify({ type: 'message', text: 'help', from: { id: 'u-deep' } }), auth)).status).toBe(200);
  });
});
