import http from 'node:http';
import https from 'node:https';
import type { Activity, ConfigurationBotFrameworkAuthentication, ResourceResponse } from 'botbuilder';

/** The SDK's ConnectorClient (botframework-connector is not a direct dependency). */
type ConnectorClient = Awaited<ReturnType<ReturnType<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>['create']>>;

/**
 * The two connector calls every reply makes (reply to an activity, send to a conversation) as one JSON
 * POST each, instead of through the SDK's general-purpose HTTP pipeline.
 *
 * Sending replies was about a quarter of a turn's CPU: per activity the SDK walks the Activity model to
 * serialize it, then runs a dozen pipeline policies (logging, tracing spans, request ids, redirects,
 * decompression, form data, proxy, TLS, compat shims) before the request leaves. What matters to a
 * channel is kept, the same way the SDK does it:
 * - the Authorization header comes from the client's own credentials (`signRequest`: Teams' tokens,
 *   their cache and refresh stay the SDK's);
 * - retries: 429 and 503 wait for Retry-After (also retry-after-ms / x-ms-retry-after-ms); 408 and other
 *   5xx (not 501/505) and refused, reset, timed-out or unresolved connections back off exponentially
 *   with jitter; at most 3 retries, as the SDK's default retry policy;
 * - the User-Agent, Accept and Content-Type the SDK sends; the conversation and activity ids encoded
 *   into the path;
 * - a failure is thrown as an error with `statusCode`, `code` and the channel's error body.
 * Every other connector call (update, delete, members, proactive conversation creation) stays on the SDK,
 * and so does everything when an HTTP proxy is configured (the SDK's pipeline honours the proxy settings).
 */

export const MAX_RETRIES = 3;
const RETRY_DELAY_MS = 1000;
const MAX_RETRY_DELAY_MS = 64_000;
/** A channel's Retry-After is honoured up to this; longer than that, the turn is better failed and retried by the user. */
const MAX_RETRY_AFTER_MS = 60_000;
/** One attempt that has not answered in this long is abandoned (and retried). The SDK sets none. */
const ATTEMPT_TIMEOUT_MS = 30_000;
const RETRIED_NETWORK_ERRORS = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ECONNREFUSED', 'ECONNRESET', 'ENOENT', 'ENOTFOUND']);

/** What the SDK's client needs to sign a request: a headers object with set(). */
interface Signable {
  headers: { set(name: string, value: string): void; get(name: string): string | undefined; contains(name: string): boolean };
}
interface SigningCredentials {
  signRequest(webResource: Signable): Promise<unknown>;
}

/** A failed connector call, shaped like the SDK's RestError. */
export class ConnectorRequestError extends Error {
  override readonly name = 'RestError';
  constructor(
    message: string,
    readonly statusCode: number | undefined,
    readonly code: string | undefined,
    /** The channel's error body, parsed when it is JSON. */
    readonly details: unknown,
  ) {
    super(message);
  }
}

export interface LeanReplyOptions {
  /** The client's base URL: the service URL of the channel. */
  serviceUrl: string;
  userAgent: string;
  /** Waits between attempts (tests shorten it). */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  attemptTimeoutMs?: number;
}

const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function postOnce(url: URL, headers: Record<string, string>, body: string, timeoutMs: number): Promise<Answer> {
  const secure = url.protocol === 'https:';
  const send = secure ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const request = send(url, { method: 'POST', agent: secure ? agents.https : agents.http, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
      response.on('error', reject);
    });
    request.setTimeout(timeoutMs, () => request.destroy(Object.assign(new Error(`No answer from the channel in ${timeoutMs} ms`), { code: 'ETIMEDOUT' })));
    request.on('error', reject);
    request.end(body);
  });
}

/** Retry-After in ms for 429/503, from retry-after-ms, x-ms-retry-after-ms or Retry-After (seconds or a date). */
export function retryAfterMs(status: number, headers: http.IncomingHttpHeaders, now = Date.now()): number | undefined {
  if (status !== 429 && status !== 503) return undefined;
  for (const [name, factor] of [['retry-after-ms', 1], ['x-ms-retry-after-ms', 1], ['retry-after', 1000]] as const) {
    const raw = headers[name];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value.trim() === '') continue;
    const number = Number(value);
    if (Number.isFinite(number)) return Math.max(0, number * factor);
    if (name === 'retry-after') {
      const date = Date.parse(value);
      if (Number.isFinite(date)) return Math.max(0, date - now);
    }
  }
  return undefined;
}

const isRetriedStatus = (status: number): boolean => (status >= 500 || status === 408) && status !== 501 && status !== 505;

function backoffMs(retry: number, random: () => number): number {
  const clamped = Math.min(MAX_RETRY_DELAY_MS, RETRY_DELAY_MS * 2 ** retry);
  return clamped / 2 + Math.floor(random() * (clamped / 2 + 1));
}

function parseBody(body: string): unknown {
  if (body.trim() === '') return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

function errorFor(answer: Answer): ConnectorRequestError {
  const details = parseBody(answer.body);
  const message = (details as { error?: { message?: unknown } } | undefined)?.error?.message;
  const code = (details as { error?: { code?: unknown } } | undefined)?.error?.code;
  return new ConnectorRequestError(
    typeof message === 'string' && message !== '' ? message : `The channel answered ${answer.status}`,
    answer.status,
    typeof code === 'string' ? code : undefined,
    details,
  );
}

/** POSTs `activity` as JSON to `path` under the service URL, signed and retried as described above. */
async function postActivity(credentials: SigningCredentials, options: LeanReplyOptions, path: string, activity: Partial<Activity>): Promise<ResourceResponse> {
  const base = options.serviceUrl.endsWith('/') ? options.serviceUrl : `${options.serviceUrl}/`;
  const url = new URL(path, base);
  const signed = new Map<string, string>();
  await credentials.signRequest({
    headers: {
      set: (name, value) => void signed.set(name.toLowerCase(), value),
      get: (name) => signed.get(name.toLowerCase()),
      contains: (name) => signed.has(name.toLowerCase()),
    },
  });
  const headers: Record<string, string> = {
    accept: '*/*',
    'content-type': 'application/json; charset=utf-8',
    'user-agent': options.userAgent,
    ...Object.fromEntries(signed),
  };
  const body = JSON.stringify(activity);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  for (let retry = 0; ; retry++) {
    let answer: Answer;
    try {
      answer = await postOnce(url, headers, body, options.attemptTimeoutMs ?? ATTEMPT_TIMEOUT_MS);
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (retry >= MAX_RETRIES || code === undefined || !RETRIED_NETWORK_ERRORS.has(code)) {
        throw new ConnectorRequestError((err as Error).message, undefined, code, undefined);
      }
      await sleep(backoffMs(retry, random));
      continue;
    }
    if (answer.status >= 200 && answer.status < 300) {
      const parsed = parseBody(answer.body);
      return typeof parsed === 'object' && parsed !== null ? (parsed as ResourceResponse) : ({} as ResourceResponse);
    }
    if (retry >= MAX_RETRIES) throw errorFor(answer);
    const wait = retryAfterMs(answer.status, answer.headers);
    if (wait !== undefined) {
      if (wait > MAX_RETRY_AFTER_MS) throw errorFor(answer);
      await sleep(wait);
    } else if (isRetriedStatus(answer.status)) {
      await sleep(backoffMs(retry, random));
    } else {
      throw errorFor(answer);
    }
  }
}

const PROXY_SETTINGS = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy'];

/** True when an HTTP proxy is configured: the SDK's own pipeline then sends everything. */
export function proxyConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return PROXY_SETTINGS.some((name) => (env[name] ?? '').trim() !== '');
}

/**
 * Makes `client` send replies the lean way (see above). Its other calls are untouched. A client without
 * credentials that can sign, or any client when a proxy is configured, is returned unchanged.
 */
export function withLeanReplies(client: ConnectorClient, serviceUrl: string, options: Partial<LeanReplyOptions> = {}): ConnectorClient {
  const credentials = (client as unknown as { credentials?: Partial<SigningCredentials> }).credentials;
  if (typeof credentials?.signRequest !== 'function' || proxyConfigured()) return client;
  const signer = credentials as SigningCredentials;
  const userAgent = options.userAgent ?? (client as unknown as { options?: { userAgent?: unknown } }).options?.userAgent;
  const settings: LeanReplyOptions = { ...options, serviceUrl, userAgent: typeof userAgent === 'string' ? userAgent.trim() : 'Microsoft-BotFramework/3.1' };
  const conversations = client.conversations;
  const path = (conversationId: string, activityId?: string): string =>
    `v3/conversations/${encodeURIComponent(conversationId)}/activities${activityId === undefined ? '' : `/${encodeURIComponent(activityId)}`}`;
  const required = (name: string, value: unknown): void => {
    if (value === undefined || value === null || value === '') throw new TypeError(`${name} is required to send a reply.`);
  };
  conversations.replyToActivity = (async (conversationId: string, activityId: string, activity: Partial<Activity>) => {
    required('conversationId', conversationId);
    required('activityId', activityId);
    return postActivity(signer, settings, path(conversationId, activityId), activity);
  }) as typeof conversations.replyToActivity;
  conversations.sendToConversation = (async (conversationId: string, activity: Partial<Activity>) => {
    required('conversationId', conversationId);
    return postActivity(signer, settings, path(conversationId), activity);
  }) as typeof conversations.sendToConversation;
  return client;
}
