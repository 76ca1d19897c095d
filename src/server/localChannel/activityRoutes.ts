import type { Request, Response, Server } from 'restify';
import { authorize } from './auth';
import { logBotFailure, type DirectLineDeps } from './directLineRoutes';
import { logged, param, queryParam, sendError, sendJson, type RouteOutcome } from './http';
import { parseClientActivity, toChannelActivity } from './userActivity';

export interface ActivityRoutesDeps extends DirectLineDeps {
  longPollMs: number;
}

/** Direct Line's watermark: absent or empty means "from the start"; otherwise a non-negative integer. */
export function parseWatermark(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return 0;
  return /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
}

/** POST and GET /v3/directline/conversations/:conversationId/activities. */
export function mountActivityRoutes(server: Server, deps: ActivityRoutesDeps): void {
  const { store, logger } = deps;
  const path = '/v3/directline/conversations/:conversationId/activities';

  server.post(path, logged(logger, 'dl.activities.post', async (req: Request, res: Response): Promise<RouteOutcome> => {
    const auth = authorize(req, res, store, param(req, 'conversationId') ?? '');
    if (auth === undefined) return {};
    const { conversation } = auth;
    const parsed = parseClientActivity(req.body);
    if (!parsed.ok) {
      sendError(res, parsed.status, parsed.status === 413 ? 'PayloadTooLarge' : 'BadArgument', parsed.message);
      return { conversationId: conversation.id };
    }
    const activity = conversation.transcript.append(toChannelActivity(parsed.activity, {
      conversationId: conversation.id,
      userId: auth.grant.userId,
      botId: deps.botId,
      channelId: deps.channelId,
      serviceUrl: deps.baseUrl(),
    }));
    const result = await deps.bot.send(activity);
    if (result.ok) {
      sendJson(res, 200, { id: activity.id });
    } else {
      logBotFailure(logger, 'dl.activities.post', conversation.id, result);
      const timedOut = result.reason === 'timeout';
      sendError(res, 502, timedOut ? 'BotTimeout' : 'BotError',
        timedOut ? 'The bot did not answer in time.' : 'The bot could not be reached or answered with an error.');
    }
    return { conversationId: conversation.id };
  }));

  server.get(path, logged(logger, 'dl.activities.get', async (req: Request, res: Response): Promise<RouteOutcome> => {
    const auth = authorize(req, res, store, param(req, 'conversationId') ?? '');
    if (auth === undefined) return {};
    const { transcript, id } = auth.conversation;
    const watermark = parseWatermark(queryParam(req, 'watermark'));
    if (watermark === undefined) {
      sendError(res, 400, 'BadArgument', 'watermark must be a non-negative integer from an earlier answer.');
      return { conversationId: id };
    }
    // A watermark from the future (not one this channel gave out) waits for what comes next.
    const from = Math.min(watermark, transcript.count);
    if (transcript.since(from).activities.length === 0) {
      const wait = transcript.waitBeyond(from, deps.longPollMs);
      // Client gone (or response otherwise closed): stop holding a waiter for it.
      res.once('close', wait.cancel);
      await wait.done;
      res.removeListener('close', wait.cancel);
    }
    sendJson(res, 200, transcript.since(from));
    return { conversationId: id };
  }, 'debug'));
}
