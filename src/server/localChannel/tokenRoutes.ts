import { randomUUID } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { authorize } from './auth';
import type { ConversationStore, TokenGrant } from './conversationStore';
import { logged, ownProperty, sendError, sendJson, type RouteOutcome } from './http';
import type { Logger } from '../../logger';

export const MAX_USER_ID_LENGTH = 128;
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;

export interface TokenRoutesDeps {
  store: ConversationStore;
  logger: Logger;
}

export function tokenResponse(grant: TokenGrant, ttlSeconds: number): object {
  return { conversationId: grant.conversationId, token: grant.token, expires_in: ttlSeconds };
}

/** The user id a generate request asks for: a generated one when absent, an error text when unusable. */
export function requestedUserId(body: unknown): { userId: string } | { error: string } {
  if (body === undefined || body === null || body === '') return { userId: `u-${randomUUID()}` };
  if (typeof body !== 'object' || Array.isArray(body)) return { error: 'The body must be a JSON object.' };
  const user = ownProperty(body, 'user');
  if (user === undefined) return { userId: `u-${randomUUID()}` };
  const id = ownProperty(user, 'id');
  if (typeof user !== 'object' || user === null || typeof id !== 'string') {
    return { error: 'user must be an object with a string id.' };
  }
  if (id.length === 0) return { error: 'user.id must not be empty.' };
  if (id.length > MAX_USER_ID_LENGTH) return { error: `user.id is longer than ${MAX_USER_ID_LENGTH} characters.` };
  if (CONTROL_CHARS.test(id)) return { error: 'user.id must not contain control characters.' };
  if (/^dl_/i.test(id)) return { error: 'user.id must not start with "dl_" (reserved by Direct Line).' };
  return { userId: id };
}

/** POST /v3/directline/tokens/generate and /tokens/refresh. */
export function mountTokenRoutes(server: Server, { store, logger }: TokenRoutesDeps): void {
  server.post('/v3/directline/tokens/generate', logged(logger, 'dl.tokens.generate', async (req: Request, res: Response): Promise<RouteOutcome> => {
    const wanted = requestedUserId(req.body);
    if ('error' in wanted) {
      sendError(res, 400, 'BadArgument', wanted.error);
      return {};
    }
    const grant = store.create(wanted.userId);
    if (grant === undefined) {
      sendError(res, 503, 'ServiceUnavailable', 'Too many active conversations on this local channel; try again later.');
      return {};
    }
    sendJson(res, 200, tokenResponse(grant, store.ttlSeconds));
    return { conversationId: grant.conversationId };
  }));

  server.post('/v3/directline/tokens/refresh', logged(logger, 'dl.tokens.refresh', async (req: Request, res: Response): Promise<RouteOutcome> => {
    const auth = authorize(req, res, store);
    if (auth === undefined) return {};
    const grant = store.issueToken(auth.conversation);
    sendJson(res, 200, tokenResponse(grant, store.ttlSeconds));
    return { conversationId: grant.conversationId };
  }));
}
