import net from 'node:net';
import { startConnectorStub, type ConnectorStub } from '../bench/connectorStub';
import { postActivity } from '../helpers/channelPost';
import { realContent } from '../helpers/content';
import { TestServer, startTestServer } from '../helpers/server';

const content = realContent();

/** A port on 127.0.0.1 with nothing listening: every reply the bot sends there is refused. */
async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

const handleCounts = () => {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
};

/**
 * Sockets and timers once the work in flight is over: a typing indicator sent before a turn failed may
 * still be in the SDK's retries for a few seconds. Waits until a snapshot repeats a second apart.
 */
async function settledHandleCounts(): Promise<Record<string, number>> {
  let previous = JSON.stringify(handleCounts());
  for (let i = 0; i < 15; i++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = JSON.stringify(handleCounts());
    if (now === previous) break;
    previous = now;
  }
  return JSON.parse(previous) as Record<string, number>;
}

describe('when the channel\'s connector cannot be reached', () => {
  let server: TestServer;
  let stub: ConnectorStub;

  beforeAll(async () => {
    server = await startTestServer({ LOG_LEVEL: 'debug' });
    stub = await startConnectorStub();
  });
  afterAll(async () => {
    await stub.close();
    await server.close();
  });

  const post = (serviceUrl: string, conversationId: string, activity: Record<string, unknown>) =>
    postActivity(server.baseUrl, { serviceUrl, conversationId, userId: `user-${conversationId}`, activity });

  it('gives up after bounded retries, does not crash or leak, keeps nothing half-saved, and works once the connector is back', async () => {
    const deadUrl = `http://127.0.0.1:${await closedPort()}`;
    const conversations = Array.from({ length: 12 }, (_, i) => `dead-${i}`);
    const batch = async (round: number) => {
      const started = Date.now();
      const statuses = await Promise.all(conversations.map(async (id) => await post(deadUrl, id, { type: 'message', text: `${round}` })));
      const elapsed = Date.now() - started;
      return { statuses, elapsed, handles: await settledHandleCounts() };
    };
    const first = await batch(1);
    const second = await batch(2);
    // The SDK retries a refused connection a few times (several seconds), then the turn ends cleanly.
    for (const round of [first, second]) {
      expect(round.statuses.every((s) => s === 200)).toBe(true);
      expect(round.elapsed).toBeLessThan(25_000);
    }
    // No leak: a second round of failing turns leaves no more sockets or timers behind than the first.
    for (const kind of new Set([...Object.keys(first.handles), ...Object.keys(second.handles)])) {
      expect(second.handles[kind] ?? 0).toBeLessThanOrEqual((first.handles[kind] ?? 0) + 2);
    }
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);

    const errors = server.logger.lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.event === 'turn.error');
    expect(errors).toHaveLength(2 * conversations.length);
    expect(errors.every((l) => l.errorName === 'ReplyNotDeliveredError')).toBe(true);

    // Same conversation, connector back: the bot starts it properly (nothing from the failed turn was kept).
    const id = conversations[0] ?? '';
    expect(await post(stub.url, id, { type: 'message', text: 'hello' })).toBe(200);
    const replies = stub.take(id).map((r) => r.text ?? '');
    expect(replies[0]).toContain(content.text('welcome.first').slice(0, 30));
  }, 120_000);
});
