import type { Request, Response, Server } from 'restify';
import type { Logger } from '../../logger';
import type { Conversation, ConversationStore } from './conversationStore';
import { logged, param, sendError, sendJson, type RouteOutcome } from './http';
import { isDataDeletedEvent, isJsonObject, type JsonObject } from './types';

export interface ConnectorDeps {
  store: ConversationStore;
  logger: Logger;
  channelId: string;
}

type BotActivity = JsonObject & { type: string };

/**
 * The Bot Connector subset a bot replies through (serviceUrl points here). No authentication:
 * this channel only serves local development.
 */
export function mountConnectorRoutes(server: Server, { store, logger, channelId }: ConnectorDeps): void {
  const conversationOf = (req: Request, res: Response): Conversation | undefined => {
    const conversation = store.get(param(req, 'conversationId') ?? '');
    if (conversation === undefined) sendError(res, 404, 'NotFound', 'Unknown or expired conversation.');
    return conversation;
  };
  const activityOf = (req: Request, res: Response, conversation: Conversation): BotActivity | undefined => {
    const body: unknown = req.body;
    if (!isJsonObject(body) || typeof body.type !== 'string' || body.type.length === 0) {
      sendError(res, 400, 'BadArgument', 'The body must be an activity object with a string type.');
      return undefined;
    }
    const conversationField = isJsonObject(body.conversation) ? body.conversation : {};
    return { ...body, type: body.type, channelId, conversation: { ...conversationField, id: conversation.id } };
  };

  const storeBotActivity = async (req: Request, res: Response): Promise<RouteOutcome> => {
    const conversation = conversationOf(req, res);
    if (conversation === undefined) return {};
    const activity = activityOf(req, res, conversation);
    if (activity === undefined) return { conversationId: conversation.id };
    const replyToId = param(req, 'activityId');
    const stored = conversation.transcript.append(
      replyToId !== undefined && activity.replyToId === undefined ? { ...activity, replyToId } : activity,
    );
    // "delete my data": what the user said here goes too; only the event (and what follows) remains.
    if (isDataDeletedEvent(stored)) conversation.transcript.clear(isDataDeletedEvent);
    sendJson(res, 200, { id: stored.id });
    return { conversationId: conversation.id };
  };
  server.post('/v3/conversations/:conversationId/activities', logged(logger, 'connector.send', storeBotActivity));
  server.post('/v3/conversations/:conversationId/activities/:activityId', logged(logger, 'connector.reply', storeBotActivity));

  const itemPath = '/v3/conversations/:conversationId/activities/:activityId';
  server.put(itemPath, logged(logger, 'connector.update', async (req: Request, res: Response): Promise<RouteOutcome> => {
    const conversation = conversationOf(req, res);
    if (conversation === undefined) return {};
    const activity = activityOf(req, res, conversation);
    if (activity === undefined) return { conversationId: conversation.id };
    const id = param(req, 'activityId') ?? '';
    if (conversation.transcript.replace(id, activity)) sendJson(res, 200, { id });
    else sendError(res, 404, 'NotFound', 'No such activity in this conversation.');
    return { conversationId: conversation.id };
  }));

  server.del(itemPath, logged(logger, 'connector.delete', async (req: Request, res: Response): Promise<RouteOutcome> => {
    const conversation = conversationOf(req, res);
    if (conversation === undefined) return {};
    if (conversation.transcript.remove(param(req, 'activityId') ?? '')) sendJson(res, 200, {});
    else sendError(res, 404, 'NotFound', 'No such activity in this conversation.');
    return { conversationId: conversation.id };
  }));
}
