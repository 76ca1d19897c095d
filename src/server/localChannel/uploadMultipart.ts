import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'restify';

/** One part of a multipart/form-data body, held in memory. */
export interface MultipartPart {
  name: string;
  filename?: string;
  contentType: string;
  data: Buffer;
}

export type BodyRead = { ok: true; body: Buffer } | { ok: false; reason: 'tooLarge' | 'aborted' };

/** The boundary of a multipart/form-data content type, or undefined when it is not one. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
  if (!contentType || !/^\s*multipart\/form-data\s*(;|$)/i.test(contentType)) return undefined;
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

/**
 * Reads a request body into memory, at most `maxBytes` of it. A longer body is not kept: the rest is read
 * and dropped (up to `drainBytes` more, so the client gets the answer instead of a reset connection), then
 * the request is reported too large.
 */
export function readBoundedBody(req: IncomingMessage, maxBytes: number, drainBytes = maxBytes): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let over = false;
    const finish = (result: BodyRead): void => {
      req.removeAllListeners('data');
      resolve(result);
    };
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes) {
        over = true;
        chunks.length = 0;
        if (received > maxBytes + drainBytes) {
          req.pause();
          finish({ ok: false, reason: 'tooLarge' });
        }
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () => finish(over ? { ok: false, reason: 'tooLarge' } : { ok: true, body: Buffer.concat(chunks) }));
    req.once('error', () => finish({ ok: false, reason: 'aborted' }));
    req.once('aborted', () => finish({ ok: false, reason: 'aborted' }));
  });
}

function headerParams(header: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const match of header.matchAll(/;\s*([\w*-]+)=(?:"((?:[^"\\]|\\.)*)"|([^;\s]*))/g)) {
    const key = (match[1] ?? '').toLowerCase();
    params[key] = (match[2] ?? match[3] ?? '').replace(/\\(.)/g, '$1');
  }
  return params;
}

/**
 * Splits a multipart/form-data body (RFC 7578) into its parts, in memory. Undefined when the body is
 * not well formed or has more than `maxParts` parts.
 */
export function parseMultipart(body: Buffer, boundary: string, maxParts: number): MultipartPart[] | undefined {
  const delimiter = Buffer.from(`--${boundary}`);
  const between = Buffer.from(`\r\n--${boundary}`);
  const first = body.indexOf(delimiter);
  if (first < 0) return undefined;
  const parts: MultipartPart[] = [];
  let pos = first + delimiter.length;
  for (;;) {
    if (body.subarray(pos, pos + 2).toString('latin1') === '--') return parts;
    if (body.subarray(pos, pos + 2).toString('latin1') !== '\r\n' || parts.length >= maxParts) return undefined;
    const headerEnd = body.indexOf('\r\n\r\n', pos + 2);
    if (headerEnd < 0 || headerEnd - pos > 8192) return undefined;
    const headers = new Map<string, string>();
    for (const line of body.subarray(pos + 2, headerEnd).toString('utf8').split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const next = body.indexOf(between, headerEnd + 4);
    if (next < 0) return undefined;
    const disposition = headers.get('content-disposition') ?? '';
    if (!/^form-data\b/i.test(disposition)) return undefined;
    const params = headerParams(disposition);
    parts.push({
      name: params.name ?? '',
      ...(params.filename === undefined ? {} : { filename: params.filename }),
      contentType: headers.get('content-type') ?? (params.filename === undefined ? 'text/plain' : 'application/octet-stream'),
      data: body.subarray(headerEnd + 4, next),
    });
    pos = next + between.length;
  }
}

/**
 * restify's body parser hands multipart bodies to formidable, which writes files to the disk's temp
 * folder. Uploads must never touch the disk: multipart requests skip the parser here and are read,
 * bounded and in memory, by the upload route itself (any other route then sees no body and answers 400).
 */
export function skippingMultipart(handlers: RequestHandler[]): RequestHandler[] {
  return handlers.map((handler): RequestHandler => (req, res, next) => {
    if (/^\s*multipart\//i.test(req.headers['content-type'] ?? '')) return next();
    return handler(req, res, next);
  });
}
