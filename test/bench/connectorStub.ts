import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** The part of a bot's reply the load driver looks at. */
export interface ReplyActivity {
  type?: string;
  text?: string;
  suggestedActions?: { actions?: { title?: string; value?: unknown }[] };
  attachments?: { contentType?: string; name?: string }[];
}

export interface ConnectorStub {
  /** What bots put in `serviceUrl`: http://127.0.0.1:port */
  url: string;
  /** Replies received for a conversation since the last take (and forgets them). */
  take(conversationId: string): ReplyActivity[];
  /** Forgets a conversation's replies (journey over). */
  forget(conversationId: string): void;
  counts(): { replies: number; bad: number };
  /** Every request received, in order, with its path (only with `keepAll`: a bench run would keep too much). */
  all(): { path: string; activity?: ReplyActivity }[];
  close(): Promise<void>;
}

const ROUTE = /^\/v3\/conversations\/([^/?]+)\/activities(?:\/[^/?]+)?\/?(?:\?.*)?$/;

/**
 * A loopback Bot Connector: answers `POST /v3/conversations/:id/activities[/:replyToId]` with 200 `{ id }`
 * and keeps each conversation's replies, so a test can see what the bot said in a turn. The reply is
 * recorded before it is acknowledged: when the bot's /api/messages POST returns, its replies are here.
 * `replyDelayMs` acknowledges each reply that much later, like a channel across a network.
 */
export async function startConnectorStub(options: { replyDelayMs?: number; keepAll?: boolean } = {}): Promise<ConnectorStub> {
  const delayMs = options.replyDelayMs ?? 0;
  const log: { path: string; activity?: ReplyActivity }[] = [];
  const byConversation = new Map<string, ReplyActivity[]>();
  let replies = 0;
  let bad = 0;
  let nextId = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const match = req.method === 'POST' ? ROUTE.exec(req.url ?? '') : null;
      let activity: ReplyActivity | undefined;
      try {
        activity = match ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as ReplyActivity) : undefined;
      } catch {
        activity = undefined;
      }
      if (options.keepAll) log.push({ path: req.url ?? '', ...(activity ? { activity } : {}) });
      if (!match || !activity) {
        bad++;
        res.writeHead(match ? 400 : 404, { 'content-type': 'application/json' });
        res.end('{"error":{"code":"BadRequest"}}');
        return;
      }
      replies++;
      const conversationId = decodeURIComponent(match[1] ?? '');
      const list = byConversation.get(conversationId);
      if (list) list.push(activity);
      else byConversation.set(conversationId, [activity]);
      const answer = () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `stub-${++nextId}` }));
      };
      if (delayMs > 0) setTimeout(answer, delayMs);
      else answer();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    take(conversationId) {
      const list = byConversation.get(conversationId) ?? [];
      byConversation.set(conversationId, []);
      return list;
    },
    forget(conversationId) {
      byConversation.delete(conversationId);
    },
    counts: () => ({ replies, bad }),
    all: () => [...log],
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
