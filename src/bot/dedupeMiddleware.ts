import type { Middleware, TurnContext } from 'botbuilder';
import NodeCache from 'node-cache';
import { Logger, hashId } from '../logger';

/**
 * Channels (Teams above all) retry a turn they think timed out; an activity id seen in the last
 * few minutes is acknowledged and not processed twice.
 */
export class DedupeMiddleware implements Middleware {
  private readonly seen: NodeCache;

  constructor(private readonly logger: Logger, ttlSeconds = 600) {
    this.seen = new NodeCache({ stdTTL: ttlSeconds, checkperiod: 60, useClones: false, maxKeys: 100_000 });
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { id, channelId, conversation } = context.activity;
    if (!id || !conversation?.id) return next();
    const key = `${channelId}|${conversation.id}|${id}`;
    if (this.seen.has(key)) {
      this.logger.info('turn.duplicate', { channelId, conversation: hashId(conversation.id) });
      return;
    }
    try {
      this.seen.set(key, true);
    } catch {
      // Cache full: processing twice is better than refusing the turn.
    }
    return next();
  }

  close(): void {
    this.seen.close();
  }
}
