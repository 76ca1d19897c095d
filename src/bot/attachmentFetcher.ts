import type { Attachment, TurnContext } from 'botbuilder';
import type { BillFiles, FetchedFile } from '../../dialogs/deps';
import { TEAMS_FILE_DOWNLOAD_INFO, baseMediaType, sniffBillFileType, type UploadLimits } from '../fileUploads';
import type { ReadDocument, ReadFailure, ReadProgress } from '../ingest/types';

export interface AttachmentFetcherOptions {
  limits: UploadLimits;
  /** Local mode: http URLs on loopback (the local channel's own attachment route, a test stub) may be fetched. */
  allowLoopbackHttp: boolean;
  timeoutMs: number;
  readTimeoutMs: number;
  read(bytes: Uint8Array, contentType: string, opts: { onProgress?: (p: ReadProgress) => void; timeoutMs: number }): Promise<ReadDocument | ReadFailure>;
  fetchImpl?: typeof fetch;
  /**
   * The bot's token (see botToken.ts), sent only to the Bot Framework hosts that serve channel-hosted files;
   * without it (local mode) those files are not fetched.
   */
  botToken?: () => Promise<string>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** Hosts that serve channel-hosted attachments which need the bot's token (Bot Framework, Teams' service). */
const TOKEN_HOSTS = /(^|\.)(botframework\.com|trafficmanager\.net|teams\.microsoft\.com)$/i;

/** Redirects followed at most (each one checked like the first URL). */
const MAX_REDIRECTS = 3;

/** Whether the bot may fetch `url` at all: https, or http on loopback in local mode only. */
function fetchable(url: URL, allowLoopbackHttp: boolean): boolean {
  const loopback = LOOPBACK.has(url.hostname);
  if (loopback) return allowLoopbackHttp && (url.protocol === 'http:' || url.protocol === 'https:');
  return url.protocol === 'https:';
}

/** Whether the bot's token goes with a request to `url`: https on a Bot Framework host, never elsewhere. */
const wantsToken = (url: URL): boolean => url.protocol === 'https:' && TOKEN_HOSTS.test(url.hostname);

/** Which URL to fetch for an attachment, and whether the bot's token may go with it. */
function sourceOf(attachment: Attachment, allowLoopbackHttp: boolean): { url: URL; channelHosted: boolean } | undefined {
  const teams = baseMediaType(attachment.contentType) === TEAMS_FILE_DOWNLOAD_INFO;
  const raw: unknown = teams ? (attachment.content as { downloadUrl?: unknown } | undefined)?.downloadUrl : attachment.contentUrl;
  if (typeof raw !== 'string') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (!fetchable(url, allowLoopbackHttp)) return undefined;
  // Teams' download URL is pre-authorized: it never gets the token; channel-hosted URLs on its hosts do.
  return { url, channelHosted: !teams && wantsToken(url) };
}

/** Reads a response body into memory, at most `maxBytes`; undefined when it is longer. */
async function boundedBytes(response: Response, maxBytes: number): Promise<Uint8Array | undefined> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    return undefined;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel();
      for (const c of chunks) c.fill(0);
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
    c.fill(0);
  }
  return bytes;
}

/**
 * GET `url`, following redirects by hand (each hop must be fetchable, as the first URL was), with the bot's
 * token only on hops to a Bot Framework host of a channel-hosted file: a redirect elsewhere (a storage
 * host) goes without it. Undefined when a hop may not be fetched or the token cannot be had.
 */
async function fetchFollowing(first: URL, channelHosted: boolean, options: AttachmentFetcherOptions, fetchImpl: typeof fetch): Promise<Response | undefined> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let url = first;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const headers: Record<string, string> = {};
    if (channelHosted && wantsToken(url)) {
      if (!options.botToken) return undefined;
      headers.Authorization = `Bearer ${await options.botToken()}`;
    }
    const response = await fetchImpl(url, { headers, redirect: 'manual', signal });
    const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
    if (location === null) return response;
    await response.body?.cancel();
    url = new URL(location, url);
    if (!fetchable(url, options.allowLoopbackHttp)) return undefined;
  }
  return undefined;
}

/**
 * The bot's side of issue 24's upload: fetches a file the user sent (from the local channel's own route,
 * a channel-hosted URL with the bot's token, or Teams' download URL), bounded in size and time and checked
 * by its bytes; reads it with the reader; marks the conversation as reading meanwhile.
 */
export function createBillFiles(options: AttachmentFetcherOptions, reading: ReadingNow): BillFiles {
  const fetchImpl = options.fetchImpl ?? fetch;
  return {
    maxBytes: options.limits.maxBytes,
    async fetch(_context: TurnContext, attachment: Attachment): Promise<FetchedFile> {
      const source = sourceOf(attachment, options.allowLoopbackHttp);
      if (!source) return { ok: false, problem: 'unreachable' };
      try {
        const response = await fetchFollowing(source.url, source.channelHosted, options, fetchImpl);
        if (!response) return { ok: false, problem: 'unreachable' };
        if (!response.ok) {
          await response.body?.cancel();
          return { ok: false, problem: 'unreachable' };
        }
        const bytes = await boundedBytes(response, options.limits.maxBytes);
        if (!bytes) return { ok: false, problem: 'tooLarge' };
        const type = sniffBillFileType(bytes);
        if (!type || !options.limits.types.includes(type)) {
          bytes.fill(0);
          return { ok: false, problem: 'unsupportedType' };
        }
        return { ok: true, bytes, contentType: type };
      } catch {
        return { ok: false, problem: 'unreachable' };
      }
    },
    read: (bytes, contentType, onProgress) => options.read(bytes, contentType, { onProgress, timeoutMs: options.readTimeoutMs }),
    whileReading: (context, work) => reading.during(keyOf(context), work),
  };
}

const keyOf = (context: TurnContext): string => `${context.activity.channelId}/${context.activity.conversation?.id ?? ''}`;

/** Conversations whose file is being read now (this process). */
export class ReadingNow {
  private readonly active = new Set<string>();

  async during<T>(key: string, work: () => Promise<T>): Promise<T> {
    this.active.add(key);
    try {
      return await work();
    } finally {
      this.active.delete(key);
    }
  }

  isReading(context: TurnContext): boolean {
    return this.active.has(keyOf(context));
  }
}
