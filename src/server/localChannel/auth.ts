import type { Request, Response } from 'restify';
import type { Conversation, ConversationStore, TokenGrant } from './conversationStore';
import { sendError } from './http';

export interface Authorized {
  grant: TokenGrant;
  conversation: Conversation;
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

/**
 * Checks the bearer token (and, when the route names one, that it is the token's conversation).
 * On failure it answers the request itself and returns undefined. Statuses follow what
 * directlinejs expects: 403 means "token expired or not yours" (it stays connected and waits for
 * a new token), 404 means "conversation gone" (it ends the conversation).
 */
export function authorize(req: Request, res: Response, store: ConversationStore, pathConversationId?: string): Authorized | undefined {
  const token = bearerToken(req);
  if (token === undefined) {
    sendError(res, 403, 'TokenInvalid', 'Missing "Authorization: Bearer <token>" header.');
    return undefined;
  }
  const grant = store.resolveToken(token);
  if (grant === undefined) {
    sendError(res, 403, 'TokenInvalid', 'Unknown or expired token: generate or refresh one.');
    return undefined;
  }
  if (pathConversationId !== undefined && pathConversationId !== grant.conversationId) {
    sendError(res, 403, 'Forbidden', 'This token is not valid for that conversation.');
    return undefined;
  }
  const conversation = store.get(grant.conversationId);
  if (conversation === undefined) {
    sendError(res, 404, 'NotFound', 'The conversation has ended or expired.');
    return undefined;
  }
  return { grant, conversation };
}
