import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, ShowTypingMiddleware, TurnContext } from 'botbuilder';
import type { Config } from '../config';
import type { ContentStore } from '../content/contentStore';
import { Logger, hashId } from '../logger';
import { DedupeMiddleware } from './dedupeMiddleware';

export interface AdapterDeps {
  config: Pick<Config, 'auth'>;
  logger: Logger;
  content: ContentStore;
  conversationState: ConversationState;
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
export function createAdapter({ config, logger, content, conversationState }: AdapterDeps): BotAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({ ...config.auth });
  const adapter = new CloudAdapter(auth);
  const dedupe = new DedupeMiddleware(logger);
  adapter.use(dedupe);
  adapter.use(new ShowTypingMiddleware(1000, 2000));

  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    const { channelId, type, conversation } = context.activity;
    logger.error('turn.error', { channelId, activityType: type, conversation: hashId(conversation?.id) }, error);
    try {
      await context.sendActivity(content.text('errors.turn'));
    } catch (sendError) {
      logger.warn('turn.error.reply_failed', { channelId }, sendError);
    }
    try {
      await conversationState.delete(context);
    } catch (stateError) {
      logger.warn('turn.error.clear_failed', { channelId }, stateError);
    }
  };

  return { adapter, close: () => dedupe.close() };
}
