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
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** Hosts that serve channel-hosted attachments which need the bot's token (Bot Framework, Teams' service). */
const TOKEN_HOSTS = /(^|\.)(botframework\.com|trafficmanager\.net|teams\.microsoft\.com)$/i;

/** Which URL to fetch for an attachment, and whether the bot's token goes with it. */
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
  const loopback = LOOPBACK.has(url.hostname);
  if (url.protocol === 'http:' && !(loopback && allowLoopbackHttp)) return undefined;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (loopback && !allowLoopbackHttp) return undefined;
  // Teams' download URL is pre-authorized: it never gets the token; channel-hosted URLs on its hosts do.
  return { url, channelHosted: !teams && url.protocol === 'https:' && TOKEN_HOSTS.test(url.hostname) };
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
        // Channel-hosted files that need the bot's token are not fetched yet: the SDK exposes no public way to
        // get that token here, and reading the connector client's credentials is a private member (issue 24, open).
        if (source.channelHosted) return { ok: false, problem: 'unreachable' };
        const response = await fetchImpl(source.url, {
          signal: AbortSignal.timeout(options.timeoutMs),
        });
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
