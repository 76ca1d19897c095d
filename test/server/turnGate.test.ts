import restify from 'restify';
import type { CloudAdapter } from 'botbuilder';
import { createLogger } from '../../src/logger';
import { mountHealthRoute } from '../../src/server/healthRoute';
import { mountMessagesRoute, RETRY_AFTER_SECONDS } from '../../src/server/messagesRoute';
import type { BotStore } from '../../src/storage/types';
import { BUSY_UTILIZATION, GateFullError, TurnGate } from '../../src/server/turnGate';

/** A turn that runs until the test lets it finish. */
function heldTurn(): { started: Promise<void>; finish: () => void; work: () => Promise<void> } {
  let markStarted!: () => void;
  let finish!: () => void;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { started, finish, work: () => (markStarted(), done) };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('the turn gate', () => {
  const gates: TurnGate[] = [];
  const gate = (maxConcurrency: number, maxWaiting = 100, minConcurrency?: number) => {
    const made = new TurnGate({ maxConcurrency, maxWaiting, minConcurrency, sampleMs: 0, utilization: () => 0 });
    gates.push(made);
    return made;
  };
  afterAll(() => gates.forEach((g) => g.stop()));

  it('runs turns at once up to its limit and starts the rest in the order they came', async () => {
    const g = gate(2);
    const order: number[] = [];
    const turns = Array.from({ length: 5 }, () => heldTurn());
    const runs = turns.map((t, i) => g.run(async () => (order.push(i), t.work())));
    await flush();
    expect(order).toEqual([0, 1]);
    expect(g.stats).toEqual({ running: 2, waiting: 3, limit: 2 });
    turns[1]!.finish();
    await flush();
    expect(order).toEqual([0, 1, 2]);
    turns[0]!.finish();
    turns[2]!.finish();
    await flush();
    expect(order).toEqual([0, 1, 2, 3, 4]);
    turns[3]!.finish();
    turns[4]!.finish();
    await Promise.all(runs);
    expect(g.stats).toEqual({ running: 0, waiting: 0, limit: 2 });
  });

  it('never lets a newcomer overtake a turn already waiting', async () => {
    const g = gate(1, 100, 1);
    const order: string[] = [];
    const first = heldTurn();
    const a = g.run(async () => (order.push('first'), first.work()));
    const b = g.run(async () => void order.push('waiting'));
    first.finish();
    // Arrives in the same tick as the slot frees up: it still goes after the one that waited.
    const c = g.run(async () => void order.push('newcomer'));
    await Promise.all([a, b, c]);
    expect(order).toEqual(['first', 'waiting', 'newcomer']);
  });

  it('frees the slot of a turn that fails and passes the error on', async () => {
    const g = gate(1, 100, 1);
    await expect(g.run(async () => Promise.reject(new Error('storage down')))).rejects.toThrow('storage down');
    await expect(g.run(async () => 'next turn')).resolves.toBe('next turn');
    expect(g.stats.running).toBe(0);
  });

  it('refuses a turn when its queue is full, and takes new ones once there is room', async () => {
    const g = gate(1, 1, 1);
    const held = heldTurn();
    const a = g.run(held.work);
    const b = g.run(async () => 'queued');
    await expect(g.run(async () => 'one too many')).rejects.toBeInstanceOf(GateFullError);
    held.finish();
    await Promise.all([a, b]);
    await expect(g.run(async () => 'later')).resolves.toBe('later');
  });

  it('lowers its limit by a quarter per sample while the CPU is saturated, down to its floor', async () => {
    const g = gate(64, 1000, 2);
    const held = Array.from({ length: 70 }, () => heldTurn());
    const runs = held.map((t) => g.run(t.work));
    await flush();
    expect(g.stats).toMatchObject({ running: 64, waiting: 6, limit: 64 });
    const limits: number[] = [];
    for (let i = 0; i < 14; i++) {
      g.adjust(BUSY_UTILIZATION + 0.05);
      limits.push(g.stats.limit);
    }
    expect(limits).toEqual([48, 36, 27, 20, 15, 11, 8, 6, 4, 3, 2, 2, 2, 2]);
    // Finished turns above the new limit hand their slot to nobody: only 2 run from now on.
    held.slice(0, 63).forEach((t) => t.finish());
    await flush();
    expect(g.stats).toMatchObject({ running: 2, waiting: 5 });
    held.forEach((t) => t.finish());
    await Promise.all(runs);
  });

  it('raises its limit by half per sample while turns wait and the event loop has idle time, starting them at once', async () => {
    const g = gate(16, 100, 2);
    const earlier = Array.from({ length: 17 }, () => heldTurn());
    const earlierRuns = earlier.map((t) => g.run(t.work));
    for (let i = 0; i < 6; i++) g.adjust(1);
    expect(g.stats.limit).toBe(2);
    earlier.slice(0, 15).forEach((t) => t.finish());
    await Promise.all(earlierRuns.slice(0, 15));
    await flush();
    expect(g.stats).toMatchObject({ running: 2, waiting: 0 });
    const held = Array.from({ length: 6 }, () => heldTurn());
    const runs = held.map((t) => g.run(t.work));
    await flush();
    expect(g.stats).toMatchObject({ running: 2, waiting: 6 });
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      g.adjust(0.5);
      await flush();
      const { running, waiting, limit } = g.stats;
      seen.push(`${limit}:${running}/${waiting}`);
    }
    expect(seen).toEqual(['3:3/5', '4:4/4', '6:6/2', '9:8/0']);
    // Idle and nobody waiting: back towards the maximum one step at a time.
    for (let i = 0; i < 10; i++) g.adjust(0.2);
    expect(g.stats.limit).toBe(16);
    [...earlier, ...held].forEach((t) => t.finish());
    await Promise.all([...earlierRuns, ...runs]);
    expect(g.stats.running).toBe(0);
  });

  it('keeps its limit when the CPU is busy with other work and no turn is running', () => {
    const g = gate(16);
    g.adjust(1);
    expect(g.stats.limit).toBe(16);
  });

  it('rejects limits that are not whole numbers of at least one', () => {
    expect(() => new TurnGate({ maxConcurrency: 0, maxWaiting: 1, sampleMs: 0 })).toThrow(RangeError);
    expect(() => new TurnGate({ maxConcurrency: 2, maxWaiting: -1, sampleMs: 0 })).toThrow(RangeError);
    expect(() => new TurnGate({ maxConcurrency: 2.5, maxWaiting: 1, sampleMs: 0 })).toThrow(RangeError);
  });
});

describe('POST /api/messages behind a full gate', () => {
  const activity = (id: string) => ({
    type: 'message', id, text: 'hi', channelId: 'webchat', serviceUrl: 'http://127.0.0.1:9/',
    conversation: { id: `c-${id}` }, from: { id: `u-${id}` }, recipient: { id: 'bot' },
  });

  it('answers 503 with Retry-After and a JSON reason, runs the turns it accepted, and takes new ones after; /healthz shows the queue', async () => {
    const gate = new TurnGate({ maxConcurrency: 2, maxWaiting: 1, sampleMs: 0 });
    const held = Array.from({ length: 4 }, () => heldTurn());
    let calls = 0;
    const adapter = {
      process: async (_req: unknown, res: { status(n: number): void; end(): void }) => {
        const turn = held[calls++];
        if (turn) await turn.work();
        res.status(200);
        res.end();
      },
    } as unknown as CloudAdapter;
    const server = restify.createServer();
    server.use(restify.plugins.bodyParser({ mapParams: false }));
    mountMessagesRoute(server, adapter, { run: async () => undefined }, gate, createLogger({ level: 'silent' }));
    const storage = { kind: 'memory', healthy: async () => true } as unknown as BotStore;
    mountHealthRoute(server, storage, 'test', () => gate.stats);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${server.address().port}/api/messages`;
    const post = (id: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity(id)) });
    try {
      const accepted = [post('1'), post('2')];
      await Promise.all([held[0]!.started, held[1]!.started]);
      const queued = post('3');
      while (gate.stats.waiting < 1) await new Promise((resolve) => setTimeout(resolve, 5));
      const health = await fetch(`http://127.0.0.1:${server.address().port}/healthz`);
      expect(await health.json()).toMatchObject({ status: 'ok', turns: { running: 2, waiting: 1, limit: 2 } });
      const refused = await post('4');
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
      expect(await refused.json()).toEqual({ error: { code: 'Busy', message: expect.stringContaining('send the activity again') } });
      held.forEach((t) => t.finish());
      expect((await Promise.all([...accepted, queued])).map((r) => r.status)).toEqual([200, 200, 200]);
      expect(calls).toBe(3);
      expect((await post('5')).status).toBe(200);
    } finally {
      gate.stop();
      server.close();
    }
  });
});
