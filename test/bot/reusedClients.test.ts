import type { Activity } from 'botbuilder';
import { ReusedClientsAuthentication } from '../../src/bot/reusedClients';

const activity = (serviceUrl: string): Activity =>
  ({ type: 'message', serviceUrl, channelId: 'webchat', conversation: { id: 'c1' }, from: { id: 'u1' }, recipient: { id: 'bot' } }) as Activity;

/** Local mode: no app id, so the SDK authenticates nobody and builds anonymous clients. */
const localAuth = () => new ReusedClientsAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' });

describe('reply clients are built once and reused across turns, as the older adapter did', () => {
  it('gives every turn to the same service URL the same connector client', async () => {
    const auth = localAuth();
    const first = await auth.authenticateRequest(activity('http://127.0.0.1:1/'), '');
    const second = await auth.authenticateRequest(activity('http://127.0.0.1:1/'), '');
    const a = await first.connectorFactory?.create('http://127.0.0.1:1/', first.audience);
    const b = await second.connectorFactory?.create('http://127.0.0.1:1/', second.audience);
    expect(a).toBeDefined();
    expect(b).toBe(a);
    expect(await auth.createUserTokenClient(first.claimsIdentity)).toBe(await auth.createUserTokenClient(second.claimsIdentity));
  });

  it('builds a separate client for each service URL (Teams answers from several regions)', async () => {
    const auth = localAuth();
    const result = await auth.authenticateRequest(activity('http://127.0.0.1:1/'), '');
    const one = await result.connectorFactory?.create('http://127.0.0.1:1/', result.audience);
    const two = await result.connectorFactory?.create('http://127.0.0.1:2/', result.audience);
    expect(two).not.toBe(one);
    // Proactive sends (reminders) go through createConnectorFactory and share the same clients.
    expect(await auth.createConnectorFactory(result.claimsIdentity).create('http://127.0.0.1:2/', result.audience)).toBe(two);
  });

  it('keeps at most 64 connector clients: a caller sending made-up service URLs cannot grow memory', async () => {
    const auth = localAuth();
    const result = await auth.authenticateRequest(activity('http://127.0.0.1:1/'), '');
    for (let i = 0; i < 200; i++) await result.connectorFactory?.create(`http://127.0.0.1:${1000 + i}/`, result.audience);
    expect(auth.cachedClients.connectors).toBe(64);
  });

  it('does not keep a failed creation: the next turn tries again', async () => {
    const auth = localAuth();
    const result = await auth.authenticateRequest(activity('http://127.0.0.1:1/'), '');
    const factory = result.connectorFactory;
    if (!factory) throw new Error('no connector factory');
    const inner = (auth as unknown as { reusing: (f: unknown, c: unknown) => NonNullable<typeof factory> }).reusing(
      { create: () => Promise.reject(new Error('token endpoint down')) },
      result.claimsIdentity,
    );
    await expect(inner.create('http://127.0.0.1:9/', result.audience)).rejects.toThrow('token endpoint down');
    await new Promise((resolve) => setImmediate(resolve));
    expect(auth.cachedClients.connectors).toBe(0);
    expect(await factory.create('http://127.0.0.1:9/', result.audience)).toBeDefined();
  });
});
