import type { Response } from 'restify';

/** Every error the server answers is JSON of one shape: `{ "error": { "code", "message" } }`. */
export function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status);
  res.json({ error: { code, message } });
}
