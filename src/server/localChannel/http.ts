import type { Request, Response } from 'restify';
import { hashId, type Logger } from '../../logger';

/** Error codes in the spirit of the Direct Line 3.0 service's `{ error: { code, message } }`. */
export type ErrorCode =
  | 'BadArgument'
  | 'TokenInvalid'
  | 'Forbidden'
  | 'NotFound'
  | 'BotError'
  | 'BotTimeout'
  | 'ServiceUnavailable'
  | 'PayloadTooLarge'
  | 'InternalError';

export function sendJson(res: Response, status: number, body: object): void {
  res.json(status, body);
}

/** Developer-facing error answer; never carries user content. */
export function sendError(res: Response, status: number, code: ErrorCode, message: string): void {
  sendJson(res, status, { error: { code, message } });
}

/** What a handler reports for its log line. */
export interface RouteOutcome {
  conversationId?: string;
}

export type RouteHandler = (req: Request, res: Response) => Promise<RouteOutcome>;
/** restify 11 accepts async handlers only with exactly (req, res) and a promise of nothing. */
export type AsyncRestifyHandler = (req: Request, res: Response) => Promise<void>;

/**
 * Wraps a route: times it, logs route/status/hashed conversation (per request, so at debug level:
 * LOG_LEVEL=debug shows them), and turns an unexpected exception into a JSON 500 instead of restify's default.
 */
export function logged(logger: Logger, route: string, handler: RouteHandler, level: 'info' | 'debug' = 'debug'): AsyncRestifyHandler {
  return async (req: Request, res: Response): Promise<void> => {
    const started = Date.now();
    let conversationId: string | undefined;
    try {
      ({ conversationId } = await handler(req, res));
    } catch (err) {
      logger.error('localChannel.unexpected', { route }, err);
      if (!res.headersSent) sendError(res, 500, 'InternalError', 'Unexpected error in the local Direct Line channel.');
    }
    logger[level]('localChannel.request', {
      route,
      method: req.method,
      status: res.statusCode,
      conversation: hashId(conversationId),
      durationMs: Date.now() - started,
    });
  };
}

/** A path parameter as a string, or undefined when missing. */
export function param(req: Request, name: string): string | undefined {
  const value = ownProperty(req.params, name);
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** A query parameter as a string (first one if repeated), or undefined. */
export function queryParam(req: Request, name: string): string | undefined {
  const value = ownProperty(req.query, name);
  if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** An own property of a parsed object (never one inherited from Object.prototype). */
export function ownProperty(holder: unknown, name: string): unknown {
  if (typeof holder !== 'object' || holder === null) return undefined;
  const descriptor = Object.getOwnPropertyDescriptor(holder, name);
  const value: unknown = descriptor?.value;
  return value;
}
