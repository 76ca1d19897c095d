import type { Server } from 'restify';
import { hashId } from '../../logger';
import { mountActivityRoutes } from './activityRoutes';
import { BotClient } from './botClient';
import { mountConnectorRoutes } from './connectorRoutes';
import { ConversationStore } from './conversationStore';
import { mountConversationRoutes } from './directLineRoutes';
import { mountTokenRoutes } from './tokenRoutes';
import { mountUploadRoutes } from './uploadRoutes';
import { UploadStore } from './uploadStore';
import { BILL_FILE_TYPES } from '../../fileUploads';
import { isDataDeletedEvent, type LocalChannel, type LocalChannelOptions } from './types';

export type { LocalChannel, LocalChannelOptions } from './types';
export { DATA_DELETED_EVENT } from '../../channelEvents';

const DEFAULT_MAX_ACTIVITIES = 500;
const DEFAULT_LONG_POLL_MS = 5000;
const DEFAULT_BOT_TIMEOUT_MS = 15_000;
/** Uploads: 10 MB, images and PDF; a file waits at most 2 minutes for the bot, 20 files or 4 maximum-size ones at once. */
export const DEFAULT_UPLOAD_LIMITS = { maxBytes: 10 * 1024 * 1024, types: BILL_FILE_TYPES };
const UPLOAD_HOLD_MS = 2 * 60_000;

function integerAtLeast(min: number, value: number, name: string): number {
  if (!Number.isInteger(value) || value < min) throw new Error(`localChannel: ${name} must be an integer >= ${min}`);
  return value;
}
const positiveInteger = (value: number, name: string): number => integerAtLeast(1, value, name);


/**
 * Mounts a local stand-in for Azure's Direct Line 3.0 channel (polling only, no websocket) and
 * the Bot Connector subset the bot replies through, on the bot's own restify server. The server
 * must already use bodyParser() and queryParser().
 */
export function mountLocalChannel(server: Server, options: LocalChannelOptions): LocalChannel {
  const { logger } = options;
  const channelId = options.channelId ?? 'webchat';
  const store = new ConversationStore({
    ttlSeconds: positiveInteger(options.conversationTtlSeconds, 'conversationTtlSeconds'),
    maxConversations: positiveInteger(options.maxConversations, 'maxConversations'),
    maxActivitiesPerConversation: positiveInteger(options.maxActivitiesPerConversation ?? DEFAULT_MAX_ACTIVITIES, 'maxActivitiesPerConversation'),
  });
  const bot = new BotClient({
    endpoint: () => `${options.baseUrl().replace(/\/+$/, '')}/api/messages`,
    fetchImpl: options.fetchImpl ?? fetch,
    timeoutMs: positiveInteger(options.botTimeoutMs ?? DEFAULT_BOT_TIMEOUT_MS, 'botTimeoutMs'),
  });
  const deps = { store, bot, logger, channelId, botId: options.botId, baseUrl: options.baseUrl };

  mountTokenRoutes(server, deps);
  mountConversationRoutes(server, deps);
  mountActivityRoutes(server, { ...deps, longPollMs: integerAtLeast(0, options.longPollMs ?? DEFAULT_LONG_POLL_MS, 'longPollMs') });
  mountConnectorRoutes(server, deps);
  const limits = options.uploads ?? DEFAULT_UPLOAD_LIMITS;
  const uploads = new UploadStore({ holdMs: UPLOAD_HOLD_MS, maxTotalBytes: limits.maxBytes * 4, maxFiles: 20 });
  mountUploadRoutes(server, { ...deps, uploads, limits });
  logger.info('localChannel.mounted', { channelId, count: options.maxConversations });

  return {
    close: () => {
      bot.close();
      store.close();
      uploads.close();
    },
    conversationCount: () => store.count(),
    heldUploads: () => uploads.count,
    forget: (conversationId: string) => {
      const conversation = store.get(conversationId);
      conversation?.transcript.clear(isDataDeletedEvent);
      uploads.dropConversation(conversationId);
      logger.info('localChannel.forgotten', { conversation: hashId(conversationId), kind: conversation ? 'cleared' : 'unknown' });
    },
  };
}
