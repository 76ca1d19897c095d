import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import { Logger } from '../logger';
import { sendError } from './errors';

export interface TurnHandler {
  run(context: TurnContext): Promise<void>;
}

function activityProblem(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'expected a JSON activity object';
  const type = (body as { type?: unknown }).type;
  if (typeof type !== 'string' || type.trim() === '') return 'the activity has no "type"';
  return undefined;
}

/** POST /api/messages: what every channel (Teams, Azure Direct Line, the local web chat) sends the bot. */
export function mountMessagesRoute(server: Server, adapter: CloudAdapter, bot: TurnHandler, logger: Logger): void {
  server.post('/api/messages', async (req: Request, res: Response) => {
    const problem = activityProblem(req.body);
    if (problem) {
      logger.info('messages.rejected', { route: '/api/messages', status: 400, reason: problem });
      sendError(res, 400, 'BadActivity', problem);
      return;
    }
    try {
      await adapter.process(req, res, (context) => bot.run(context));
    } catch (err) {
      logger.error('messages.failed', { route: '/api/messages' }, err);
      if (!res.headersSent) sendError(res, 500, 'InternalError', 'the bot could not process this activity');
    }
  });
}
