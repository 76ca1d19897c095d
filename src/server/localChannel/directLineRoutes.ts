import type { Request, Response, Server } from 'restify';
import { hashId, type Logger } from '../../logger';
import { authorize, type Authorized } from './auth';
import type { BotClient, BotCallResult } from './botClient';
import type { Conversation, ConversationStore } from './conversationStore';
import { logged, ownProperty, param, sendJson, type RouteOutcome } from './http';
import { tokenResponse } from './tokenRoutes';
import type { JsonObject } from './types';

export interface DirectLineDeps {
  store: ConversationStore;
  bot: BotClient;
  logger: Logger;
  botId: string;
  channelId: string;
  baseUrl: () => string;
}

/** What Direct Line sends the bot when a conversation starts: both members joined. */
export function conversationUpdate(conversation: Conversation, deps: DirectLineDeps, locale: string | undefined): JsonObject {
  return {
    type: 'conversationUpdate',
    id: `${conversation.id}|start`,
    channelId: deps.channelId,
    serviceUrl: deps.baseUrl(),
    timestamp: new Date().toISOString(),
    conversation: { id: conversation.id },
    from: { id: conversation.userId, role: 'user' },
    recipient: { id: deps.botId, role: 'bot' },
    membersAdded: [
      { id: deps.botId, role: 'bot' },
      { id: conversation.userId, role: 'user' },
    ],
    ...(locale === undefined ? {} : { locale }),
  };
}

export function logBotFailure(logger: Logger, route: string, conversationId: string, result: BotCallResult): void {
  if (result.ok) return;
  logger.warn('localChannel.botCallFailed', {
    route,
    conversation: hashId(conversationId),
    reason: result.reason,
    status: result.reason === 'status' ? result.status : undefined,
  });
}

function localeOf(body: unknown): string | undefined {
  const locale = ownProperty(body, 'locale');
  return typeof locale === 'string' && locale.length > 0 && locale.length <= 64 ? locale : undefined;
}

/** POST /v3/directline/conversations (start or resume) and GET …/conversations/:id (reconnect). */
export function mountConversationRoutes(server: Server, deps: DirectLineDeps): void {
  const { store, logger } = deps;
  const answer = (res: Response, status: number, auth: Authorized): RouteOutcome => {
    sendJson(res, status, tokenResponse(auth.grant, store.ttlSeconds));
    return { conversationId: auth.conversation.id };
  };

  server.post('/v3/directline/conversations', logged(logger, 'dl.conversations.start', async (req: Request, res: Response): Promise<RouteOutcome> => {
    const auth = authorize(req, res, store);
    if (auth === undefined) return {};
    const { conversation } = auth;
    if (conversation.started) return answer(res, 200, auth);
    // Marked before awaiting, so a concurrent second start resumes instead of greeting twice.
    conversation.started = true;
    const result = await deps.bot.send(conversationUpdate(conversation, deps, localeOf(req.body)));
    // Direct Line starts the conversation even if the bot stumbles on its greeting turn.
    logBotFailure(logger, 'dl.conversations.start', conversation.id, result);
    return answer(res, 201, auth);
  }));

  server.get('/v3/directline/conversations/:conversationId', logged(logger, 'dl.conversations.reconnect', async (req: Request, res: Response): Promise<RouteOutcome> => {
    const auth = authorize(req, res, store, param(req, 'conversationId') ?? '');
    if (auth === undefined) return {};
    return answer(res, 200, auth);
  }));
}
