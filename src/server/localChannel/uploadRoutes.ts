import { randomBytes } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { UPLOAD_REFUSED, sniffBillFileType, type BillFileType, type UploadLimits, type UploadRefusal } from '../../fileUploads';
import { authorize } from './auth';
import type { Conversation } from './conversationStore';
import { logBotFailure, type DirectLineDeps } from './directLineRoutes';
import { logged, param, queryParam, sendError, sendJson, type RouteOutcome } from './http';
import type { JsonObject } from './types';
import { multipartBoundary, parseMultipart, readBoundedBody, type MultipartPart } from './uploadMultipart';
import { UploadStore, wipe } from './uploadStore';
import { parseClientActivity, toChannelActivity, type ClientActivity } from './userActivity';

export interface UploadRoutesDeps extends DirectLineDeps {
  uploads: UploadStore;
  limits: UploadLimits;
}

/** Room for the activity part and the multipart framing beside the files. */
const ENVELOPE_BYTES = 64 * 1024;
/** Files in one upload at most (Web Chat sends one unless uploadMultiple is on). */
export const MAX_UPLOAD_FILES = 5;
const MAX_NAME_LENGTH = 200;
export const ATTACHMENTS_PATH = '/v3/attachments';

const megabytes = (bytes: number): string => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

type Checked = { ok: true; activity: ClientActivity; files: { part: MultipartPart; type: BillFileType }[] } | { ok: false; status: number; code: 'BadArgument' | 'PayloadTooLarge'; message: string; refusal?: UploadRefusal['reason'] };

function checkParts(parts: MultipartPart[], limits: UploadLimits): Checked {
  const activityPart = parts.find((p) => p.name === 'activity' && p.filename === undefined) ?? parts.find((p) => p.name === 'activity');
  let json: unknown;
  try {
    json = activityPart ? JSON.parse(activityPart.data.toString('utf8')) : { type: 'message' };
  } catch {
    return { ok: false, status: 400, code: 'BadArgument', message: 'The "activity" part is not JSON.' };
  }
  const parsed = parseClientActivity(json);
  if (!parsed.ok) return { ok: false, status: parsed.status, code: parsed.status === 413 ? 'PayloadTooLarge' : 'BadArgument', message: parsed.message };
  const fileParts = parts.filter((p) => p !== activityPart);
  if (fileParts.length === 0) return { ok: false, status: 400, code: 'BadArgument', message: 'The upload has no file part.' };
  const files: { part: MultipartPart; type: BillFileType }[] = [];
  for (const part of fileParts) {
    if (part.data.length > limits.maxBytes) return { ok: false, status: 413, code: 'PayloadTooLarge', message: `A file is larger than the ${megabytes(limits.maxBytes)} limit.`, refusal: 'tooLarge' };
    const type = sniffBillFileType(part.data);
    if (!type || !limits.types.includes(type)) {
      return { ok: false, status: 415, code: 'BadArgument', message: `Only these files can be sent: ${limits.types.join(', ')}.`, refusal: 'unsupportedType' };
    }
    files.push({ part, type });
  }
  return { ok: true, activity: parsed.activity, files };
}

/** The name the client gave the file (shown in its chat), trimmed; never logged. */
function nameOf(activity: ClientActivity, index: number, part: MultipartPart): string | undefined {
  const given = activity.attachments?.[index]?.name;
  const name = typeof given === 'string' && given !== '' ? given : part.filename;
  return name ? name.slice(0, MAX_NAME_LENGTH) : undefined;
}

/**
 * Direct Line 3.0 uploads: POST /v3/directline/conversations/:id/upload (multipart: an `activity` part
 * and file parts) and GET /v3/attachments/:id, where the bot fetches a file once. Files are read, bounded,
 * into memory and held in the UploadStore until the bot has fetched them; nothing touches the disk.
 */
export function mountUploadRoutes(server: Server, deps: UploadRoutesDeps): void {
  const { store, logger, uploads, limits } = deps;
  // All the files of one upload together stay within the limit: memory per upload is bounded by it.
  const bodyLimit = limits.maxBytes + ENVELOPE_BYTES;

  const channelContext = (conversation: Conversation) => ({
    conversationId: conversation.id, userId: conversation.userId, botId: deps.botId, channelId: deps.channelId, serviceUrl: deps.baseUrl(),
  });

  /** Tells the bot a file was refused, so the chat says why too (the client shows only "send failed"). */
  const tellBot = async (conversation: Conversation, reason: UploadRefusal['reason']): Promise<void> => {
    const refusal: UploadRefusal = { reason, maxBytes: limits.maxBytes };
    const activity = toChannelActivity({ type: 'message', channelData: { [UPLOAD_REFUSED]: refusal } }, channelContext(conversation));
    const result = await deps.bot.send({ ...activity, id: `${conversation.id}|refused-${randomBytes(6).toString('hex')}`, timestamp: new Date().toISOString() });
    logBotFailure(logger, 'dl.upload.refused', conversation.id, result);
  };

  const refuse = async (res: Response, conversation: Conversation, status: number, code: 'BadArgument' | 'PayloadTooLarge', message: string, reason?: UploadRefusal['reason']): Promise<RouteOutcome> => {
    if (reason) await tellBot(conversation, reason);
    logger.info('localChannel.uploadRefused', { status, reason: reason ?? 'badRequest' });
    sendError(res, status, code, message);
    return { conversationId: conversation.id };
  };

  server.post('/v3/directline/conversations/:conversationId/upload', logged(logger, 'dl.upload', async (req: Request, res: Response): Promise<RouteOutcome> => {
    const auth = authorize(req, res, store, param(req, 'conversationId') ?? '');
    if (auth === undefined) return {};
    const { conversation } = auth;
    const userId = queryParam(req, 'userId');
    if (userId !== undefined && userId !== auth.grant.userId) {
      sendError(res, 403, 'Forbidden', 'userId is not the user this token was issued to.');
      return { conversationId: conversation.id };
    }
    const boundary = multipartBoundary(req.headers['content-type']);
    if (boundary === undefined) return refuse(res, conversation, 400, 'BadArgument', 'Expected a multipart/form-data body.');
    const declared = Number(req.headers['content-length'] ?? NaN);
    const tooLargeMessage = `The upload is larger than the ${megabytes(limits.maxBytes)} limit.`;
    if (Number.isFinite(declared) && declared > bodyLimit * 3) {
      // Far too large to even read and drop: answer now and close the connection.
      res.setHeader('Connection', 'close');
      return refuse(res, conversation, 413, 'PayloadTooLarge', tooLargeMessage, 'tooLarge');
    }
    const read = await readBoundedBody(req, bodyLimit, bodyLimit * 2);
    if (!read.ok) {
      if (read.reason === 'aborted') return { conversationId: conversation.id };
      res.setHeader('Connection', 'close');
      return refuse(res, conversation, 413, 'PayloadTooLarge', tooLargeMessage, 'tooLarge');
    }
    const parts = parseMultipart(read.body, boundary, MAX_UPLOAD_FILES + 1);
    if (parts === undefined) return refuse(res, conversation, 400, 'BadArgument', `The multipart body is malformed or has more than ${MAX_UPLOAD_FILES} files.`);
    const checked = checkParts(parts, limits);
    if (!checked.ok) return refuse(res, conversation, checked.status, checked.code, checked.message, checked.refusal);

    const held: string[] = [];
    const attachments: JsonObject[] = [];
    for (const [index, { part, type }] of checked.files.entries()) {
      const id = uploads.put(conversation.id, type, part.data);
      if (id === undefined) {
        for (const h of held) {
          const file = uploads.take(h);
          if (file) wipe(file);
        }
        sendError(res, 503, 'ServiceUnavailable', 'Too many files are waiting to be read: try again in a minute.');
        return { conversationId: conversation.id };
      }
      held.push(id);
      const name = nameOf(checked.activity, index, part);
      attachments.push({ contentType: type, contentUrl: `${deps.baseUrl()}${ATTACHMENTS_PATH}/${id}`, ...(name ? { name } : {}) });
    }
    read.body.fill(0);
    const activity = conversation.transcript.append(toChannelActivity({ ...checked.activity, type: 'message', attachments }, channelContext(conversation)));
    const result = await deps.bot.send(activity);
    // Whatever the bot did not fetch goes now.
    for (const id of held) {
      const file = uploads.take(id);
      if (file) wipe(file);
    }
    if (result.ok) {
      sendJson(res, 200, { id: activity.id });
    } else {
      logBotFailure(logger, 'dl.upload', conversation.id, result);
      const timedOut = result.reason === 'timeout';
      sendError(res, 502, timedOut ? 'BotTimeout' : 'BotError', timedOut ? 'The bot did not answer in time.' : 'The bot could not be reached or answered with an error.');
    }
    return { conversationId: conversation.id };
  }));

  server.get(`${ATTACHMENTS_PATH}/:attachmentId`, logged(logger, 'dl.attachment', async (req: Request, res: Response): Promise<RouteOutcome> => {
    const file = uploads.take(param(req, 'attachmentId') ?? '');
    if (file === undefined) {
      sendError(res, 404, 'NotFound', 'No such file: it was read already, or it expired.');
      return {};
    }
    res.writeHead(200, { 'Content-Type': file.contentType, 'Content-Length': file.bytes.length, 'Cache-Control': 'no-store' });
    await new Promise<void>((resolve) => {
      res.once('close', resolve);
      res.end(file.bytes, () => resolve());
    });
    wipe(file);
    return { conversationId: file.conversationId };
  }));
}
