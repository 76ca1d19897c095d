import type { BotAdapter, ConversationState, TurnContext } from 'botbuilder';
import type { ContentStore } from '../content/contentStore';
import { Logger, hashId } from '../logger';
import { DedupeMiddleware } from './dedupeMiddleware';
import type { ReadingNow } from './attachmentFetcher';
import { ReplyCoalescingMiddleware } from './replyCoalescing';
import { StillReadingMiddleware } from './stillReading';
import { LeaseStore, TurnLeaseMiddleware } from './turnLease';
import { TypingMiddleware } from './typingMiddleware';
import { TypographerMarksMiddleware } from './typographerMarks';
import { ReplyNotDeliveredError, isETagConflict, keepsStoredState, underlyingError } from './turnErrors';

export interface TurnPipelineDeps {
  logger: Logger;
  content: ContentStore;
  conversationState: ConversationState;
  /** Where the turn leases live: the shared store when several instances share it, else this process. */
  leases: LeaseStore;
  /**
   * When "typing…" starts on a slow turn (default 1 s). The test harness sets it past any test turn, so a turn
   * slowed by a busy machine does not add a typing activity to the replies a test reads; the typing indicator
   * has tests of its own.
   */
  typingDelayMs?: number;
  /** Conversations whose file is being read now: a second file there is answered at once (StillReadingMiddleware). */
  reading: ReadingNow;
}

/** What a turn passes through, in order: the names tests compare with what production installs. */
export const TURN_PIPELINE = ['dedupe', 'replyNotDelivered', 'replyCoalescing', 'typing', 'stillReading', 'turnLease', 'typographerMarks'] as const;

export interface TurnPipeline {
  /** The middleware installed, in order (TURN_PIPELINE). */
  installed: readonly (typeof TURN_PIPELINE)[number][];
  close(): void;
}

/**
 * Everything around a turn, for any adapter (the CloudAdapter in production, the TestAdapter in tests, so a
 * test sees the messages a user sees): repeated activity ids dropped, failed sends marked, replies merged,
 * a typing indicator on slow turns, a second file answered at once while the first is read, one turn at a time per conversation, "(r)" kept on Web Chat, and an
 * error handler that tells the user in plain words, clears the dialog stack and keeps the user's cases.
 */
export function installTurnPipeline(adapter: BotAdapter, { logger, content, conversationState, leases, typingDelayMs, reading }: TurnPipelineDeps): TurnPipeline {
  // What was installed, as it is installed: the list tests compare between production and the harness.
  const installed: (typeof TURN_PIPELINE)[number][] = [];
  const use = (name: (typeof TURN_PIPELINE)[number], middleware: Parameters<BotAdapter['use']>[0]) => {
    adapter.use(middleware);
    installed.push(name);
  };
  const dedupe = new DedupeMiddleware(logger);
  use('dedupe', dedupe);
  // Marks a failed send, so the error handler neither clears the dialog nor tries the dead connector again.
  use('replyNotDelivered', async (context, next) => {
    context.onSendActivities(async (_ctx, _activities, send) => {
      try {
        return await send();
      } catch (err) {
        throw err instanceof ReplyNotDeliveredError ? err : new ReplyNotDeliveredError(err);
      }
    });
    await next();
  });
  use('replyCoalescing', new ReplyCoalescingMiddleware());
  use('typing', new TypingMiddleware(logger, typingDelayMs));
  // Before the turn lease, which would hold a second file until the first is read.
  use('stillReading', new StillReadingMiddleware(reading, content));
  use('turnLease', new TurnLeaseMiddleware({ store: leases, logger, content }));
  use('typographerMarks', new TypographerMarksMiddleware());

  adapter.onTurnError = async (context: TurnContext, thrown: Error) => {
    const { channelId, type, conversation } = context.activity;
    const underlying = underlyingError(thrown);
    const error = underlying instanceof Error ? underlying : thrown;
    logger.error('turn.error', { channelId, activityType: type, conversation: hashId(conversation?.id) }, error);
    // Nothing of this turn was saved: the stored dialog is still at the last good step, so the user
    // can simply send the message again. Any other error clears the dialog (the cases are kept).
    const keep = keepsStoredState(error);
    // The SDK's connector client already retried the reply; the user's message was not saved, and they will
    // send it again when their channel is back.
    if (error instanceof ReplyNotDeliveredError) return;
    const reply = isETagConflict(error) ? 'errors.busy' : keep ? 'errors.storageDown' : 'errors.turn';
    try {
      await context.sendActivity(content.text(reply));
    } catch (sendError) {
      logger.warn('turn.error.reply_failed', { channelId }, sendError);
    }
    if (keep) return;
    try {
      await conversationState.delete(context);
    } catch (stateError) {
      logger.warn('turn.error.clear_failed', { channelId }, stateError);
    }
  };

  return { installed, close: () => dedupe.close() };
}
