import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, ShowTypingMiddleware, TurnContext } from 'botbuilder';
import type { Config } from '../config';
import type { ContentStore } from '../content/contentStore';
import { Logger, hashId } from '../logger';
import type { BotStore } from '../storage/types';
import { DedupeMiddleware } from './dedupeMiddleware';
import { TurnLeaseMiddleware } from './turnLease';
import { isETagConflict, keepsStoredState } from './turnErrors';

export interface AdapterDeps {
  config: Pick<Config, 'auth'>;
  logger: Logger;
  content: ContentStore;
  conversationState: ConversationState;
  storage: BotStore;
}

export interface BotAdapter {
  adapter: CloudAdapter;
  close(): void;
}

/**
 * CloudAdapter with the four auth keys (an empty app id switches authentication off: local mode only),
 * repeated-activity protection, a typing indicator on slow turns, and an error handler that tells the
 * user in plain words, clears the dialog stack and keeps the user's cases.
 */
export function createAdapter({ config, logger, content, conversationState, storage }: AdapterDeps): BotAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({ ...config.auth });
  const adapter = new CloudAdapter(auth);
  const dedupe = new DedupeMiddleware(logger);
  adapter.use(dedupe);
  adapter.use(new ShowTypingMiddleware(1000, 2000));
  adapter.use(new TurnLeaseMiddleware({ store: storage, logger, content }));

  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    const { channelId, type, conversation } = context.activity;
    logger.error('turn.error', { channelId, activityType: type, conversation: hashId(conversation?.id) }, error);
    // Nothing of this turn was saved: the stored dialog is still at the last good step, so the user
    // can simply send the message again. Any other error clears the dialog (the cases are kept).
    const keep = keepsStoredState(error);
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

  return { adapter, close: () => dedupe.close() };
}
