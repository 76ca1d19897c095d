import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import { Logger } from '../logger';
import { sendError } from './errors';
import { MAX_JSON_DEPTH, nestedDeeperThan } from './jsonDepth';
import { GateFullError, type TurnGate } from './turnGate';

export interface TurnHandler {
  run(context: TurnContext): Promise<void>;
}

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const hasId = (value: unknown): boolean => isObject(value) && typeof value.id === 'string' && value.id.trim() !== '';
/** Optional fields: some channels send null for "not set". */
const given = (value: unknown): boolean => value !== undefined && value !== null;

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

const STRING_FIELDS = ['id', 'text', 'textFormat', 'locale', 'name', 'replyToId'] as const;
const LIST_FIELDS = ['attachments', 'entities', 'membersAdded', 'membersRemoved'] as const;

/**
 * What every channel sends and the bot relies on: a type, the channel, where to reply, the conversation
 * and the sender, and the usual fields with their usual types. Anything else is answered 400 before a
 * turn runs (a turn would fail part-way, or reply to nowhere, and leave the sender with a 200).
 */
export function activityProblem(body: unknown): string | undefined {
  if (!isObject(body)) return 'expected a JSON activity object';
  if (nestedDeeperThan(body, MAX_JSON_DEPTH)) return `the activity is nested more than ${MAX_JSON_DEPTH} levels deep`;
  if (typeof body.type !== 'string' || body.type.trim() === '') return 'the activity has no "type"';
  if (typeof body.channelId !== 'string' || body.channelId.trim() === '') return 'the activity has no "channelId"';
  if (!isHttpUrl(body.serviceUrl)) return '"serviceUrl" must be an http or https URL';
  if (!hasId(body.conversation)) return '"conversation" must be an object with a string "id"';
  if (!hasId(body.from)) return '"from" must be an object with a string "id"';
  if (given(body.recipient) && !hasId(body.recipient)) return '"recipient" must be an object with a string "id"';
  if (given(body.channelData) && !isObject(body.channelData)) return '"channelData" must be an object';
  const notString = STRING_FIELDS.find((key) => given(body[key]) && typeof body[key] !== 'string');
  if (notString) return `"${notString}" must be a string`;
  const notList = LIST_FIELDS.find((key) => given(body[key]) && !Array.isArray(body[key]));
  if (notList) return `"${notList}" must be a list`;
  return undefined;
}

/** A full queue clears in well under this: channels (Teams, Direct Line) send the activity again. */
export const RETRY_AFTER_SECONDS = 2;

/**
 * POST /api/messages: what every channel (Teams, Azure Direct Line, the local web chat) sends the bot.
 * Turns pass the gate in arrival order; when its queue is full the answer is 503 with Retry-After.
 */
export function mountMessagesRoute(server: Server, adapter: CloudAdapter, bot: TurnHandler, gate: TurnGate, logger: Logger): void {
  server.post('/api/messages', async (req: Request, res: Response) => {
    const problem = activityProblem(req.body);
    if (problem) {
      logger.info('messages.rejected', { route: '/api/messages', status: 400, reason: problem });
      sendError(res, 400, 'BadActivity', problem);
      return;
    }
    try {
      await gate.run(() => adapter.process(req, res, (context) => bot.run(context)));
    } catch (err) {
      if (err instanceof GateFullError) {
        logger.warn('messages.shed', { route: '/api/messages', status: 503, ...gate.stats });
        res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
        sendError(res, 503, 'Busy', `the bot is busy: send the activity again in ${RETRY_AFTER_SECONDS} seconds`);
        return;
      }
      logger.error('messages.failed', { route: '/api/messages' }, err);
      if (!res.headersSent) sendError(res, 500, 'InternalError', 'the bot could not process this activity');
    }
  });
}
