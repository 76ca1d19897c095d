import http from 'node:http';
import { performance } from 'node:perf_hooks';
import type { ConnectorStub, ReplyActivity } from './connectorStub';
import type { Turn } from './journey';

/** Why a turn's replies are wrong (undefined when they are right). */
export type TurnChecker = (turn: Turn, replies: ReplyActivity[], sentText: string) => string | undefined;

export interface SimUser {
  index: number;
  userId: string;
  conversationId: string;
}

export interface LoadOptions {
  /** The bot's base URL (its /api/messages receives the turns). */
  baseUrl: string;
  stub: ConnectorStub;
  concurrency: number;
  /** Start no journey after this long; the ones running then are cut (not failed) unless `finishJourneys`. */
  durationMs?: number;
  /** When the time is up, let the journeys already started run to their end. */
  finishJourneys?: boolean;
  /**
   * Open one keep-alive connection per simulated user (GET /healthz) before the clock starts, as a
   * channel keeps its connections open. A busy Node server accepts new connections slowly (one per
   * event-loop turn), which would otherwise make the first turns of a run wait seconds in the accept queue.
   */
  preconnect?: boolean;
  /** Run exactly this many journeys (users). */
  journeys?: number;
  /** Stop starting turns after this many (to give a second run the same number of turns). */
  maxTurns?: number;
  journey: (user: SimUser) => Turn[];
  check: TurnChecker;
  /** Prefix of user and conversation ids, so runs against one store never collide. */
  runId: string;
  channelId?: string;
}

export interface TurnStats {
  count: number;
  totalMs: number;
  maxMs: number;
}

export interface LoadResult {
  turns: number;
  latenciesMs: number[];
  elapsedMs: number;
  journeysStarted: number;
  journeysCompleted: number;
  /** Stopped by the clock or the turn budget in the middle: neither complete nor failed. */
  journeysCut: number;
  journeysFailed: number;
  http5xx: number;
  /** Turns whose status, transport or replies were wrong (includes the 5xx). */
  failedTurns: number;
  /** The first few failures, described. */
  failures: string[];
  completedUsers: SimUser[];
  perTurn: Map<string, TurnStats>;
}

const MAX_FAILURES_KEPT = 20;

/** The suggested action a user would click, else what they would type. */
function textToSend(turn: Turn, previous: ReplyActivity[]): string {
  if (!turn.pick) return turn.text;
  for (const reply of [...previous].reverse()) {
    const action = reply.suggestedActions?.actions?.find((a) => typeof a.title === 'string' && turn.pick?.test(a.title));
    if (action) return typeof action.value === 'string' ? action.value : String(action.title);
  }
  return turn.text;
}

function activityFor(turn: Turn, text: string, user: SimUser, seq: number, serviceUrl: string, channelId: string): Record<string, unknown> {
  const now = new Date();
  const local = new Date(now.getTime() - 5 * 3_600_000).toISOString().replace('Z', '-05:00');
  const base = {
    id: `${user.conversationId}-${seq}`,
    channelId,
    serviceUrl,
    timestamp: now.toISOString(),
    localTimestamp: local,
    localTimezone: 'America/New_York',
    locale: 'en-US',
    conversation: { id: user.conversationId, conversationType: 'personal' },
    from: { id: user.userId, name: '', role: 'user' },
    recipient: { id: 'bill-coach', name: 'Bill Coach', role: 'bot' },
  };
  if (turn.kind === 'join') return { ...base, type: 'conversationUpdate', membersAdded: [{ id: 'bill-coach', role: 'bot' }, { id: user.userId, role: 'user' }] };
  return { ...base, type: 'message', text, textFormat: 'plain' };
}

interface Posted {
  status: number;
  body: string;
}

function post(agent: http.Agent, url: URL, payload: string): Promise<Posted> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', reject);
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error('no answer in 30 s')));
    req.on('error', reject);
    req.end(payload);
  });
}

/** `count` requests at once, so the agent ends up holding `count` open keep-alive sockets. */
async function openConnections(agent: http.Agent, url: URL, count: number): Promise<void> {
  await Promise.all(
    Array.from({ length: count }, () =>
      new Promise<void>((resolve, reject) => {
        http.get(url, { agent }, (res) => res.resume().on('end', resolve).on('error', reject)).on('error', reject);
      }),
    ),
  );
}

/**
 * Runs simulated users against a bot: `concurrency` users at a time, each its own conversation, each
 * sending its next turn only once the previous POST /api/messages has been answered (the CloudAdapter
 * answers after the turn, when the replies have already reached the connector stub). Turn latency is
 * the time of that POST.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { stub, check, runId } = options;
  const channelId = options.channelId ?? 'webchat';
  const messagesUrl = new URL('/api/messages', options.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const result: LoadResult = {
    turns: 0, latenciesMs: [], elapsedMs: 0, journeysStarted: 0, journeysCompleted: 0, journeysCut: 0, journeysFailed: 0,
    http5xx: 0, failedTurns: 0, failures: [], completedUsers: [], perTurn: new Map(),
  };
  if (options.preconnect) await openConnections(agent, new URL('/healthz', options.baseUrl), options.concurrency);
  const started = performance.now();
  let turnsStarted = 0;
  const outOfTime = () => options.durationMs !== undefined && performance.now() - started >= options.durationMs;
  const outOfTurns = () => options.maxTurns !== undefined && turnsStarted >= options.maxTurns;
  const fail = (user: SimUser, turn: Turn, why: string) => {
    result.failedTurns++;
    if (result.failures.length < MAX_FAILURES_KEPT) result.failures.push(`${user.userId} @ ${turn.label}: ${why}`);
  };

  const runJourney = async (user: SimUser): Promise<'completed' | 'cut' | 'failed'> => {
    const turns = options.journey(user);
    let previous: ReplyActivity[] = [];
    try {
      for (const [seq, turn] of turns.entries()) {
        if ((outOfTime() && !options.finishJourneys) || outOfTurns()) return 'cut';
        turnsStarted++;
        const text = textToSend(turn, previous);
        const payload = JSON.stringify(activityFor(turn, text, user, seq, stub.url, channelId));
        const t0 = performance.now();
        let answer: Posted;
        try {
          answer = await post(agent, messagesUrl, payload);
        } catch (err) {
          fail(user, turn, `transport error: ${(err as Error).message}`);
          return 'failed';
        }
        const ms = performance.now() - t0;
        result.turns++;
        result.latenciesMs.push(ms);
        const stats = result.perTurn.get(turn.label) ?? { count: 0, totalMs: 0, maxMs: 0 };
        result.perTurn.set(turn.label, { count: stats.count + 1, totalMs: stats.totalMs + ms, maxMs: Math.max(stats.maxMs, ms) });
        const replies = stub.take(user.conversationId).filter((a) => a.type !== 'typing');
        if (answer.status >= 500) result.http5xx++;
        const problem = answer.status < 200 || answer.status >= 300 ? `HTTP ${answer.status} ${answer.body.slice(0, 200)}` : check(turn, replies, text);
        if (problem) {
          fail(user, turn, problem);
          return 'failed';
        }
        previous = replies;
      }
      return 'completed';
    } finally {
      stub.forget(user.conversationId);
    }
  };

  const worker = async (): Promise<void> => {
    for (;;) {
      if (outOfTime() || outOfTurns()) return;
      if (options.journeys !== undefined && result.journeysStarted >= options.journeys) return;
      const index = result.journeysStarted++;
      const user: SimUser = { index, userId: `${runId}-u${index}`, conversationId: `${runId}-c${index}` };
      const outcome = await runJourney(user);
      if (outcome === 'completed') {
        result.journeysCompleted++;
        result.completedUsers.push(user);
      } else if (outcome === 'cut') result.journeysCut++;
      else result.journeysFailed++;
    }
  };

  await Promise.all(Array.from({ length: options.concurrency }, () => worker()));
  result.elapsedMs = performance.now() - started;
  agent.destroy();
  return result;
}

/** p-th percentile (0–100) by nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}
