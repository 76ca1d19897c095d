import { DATA_DELETED_EVENT } from '../../channelEvents';
import type { UploadLimits } from '../../fileUploads';
import type { Logger } from '../../logger';

/** A parsed JSON object (an activity as it travels over the wire). */
export type JsonObject = { [key: string]: unknown };

/** An activity held in a transcript: the channel always assigns `id`, `type` and `timestamp`. */
export type StoredActivity = JsonObject & { id: string; type: string; timestamp: string };

export interface LocalChannelOptions {
  /** Base URL of this very server, e.g. http://127.0.0.1:3978 — known only after listen, hence a getter. */
  baseUrl: () => string;
  botId: string;
  /** Defaults to 'webchat'. */
  channelId?: string;
  /** Idle conversations (and tokens) expire after this many seconds. */
  conversationTtlSeconds: number;
  /** Beyond this a new conversation gets 503 with a clear JSON error. */
  maxConversations: number;
  /** Defaults to 500; older activities are dropped, watermarks stay absolute. */
  maxActivitiesPerConversation?: number;
  /** Defaults to 5000: how long GET activities waits for something new. */
  longPollMs?: number;
  /** Defaults to 15000: how long a turn may take before the user's post answers 502 (directlinejs gives up at 20 s). */
  botTimeoutMs?: number;
  logger: Logger;
  fetchImpl?: typeof fetch;
  /** Files users may upload (Direct Line's upload route); defaults to DEFAULT_UPLOAD_LIMITS. */
  uploads?: UploadLimits;
}

export interface LocalChannel {
  close(): void;
  conversationCount(): number;
  /** Uploaded files waiting for the bot to read them (0 once read: a file is deleted as it is fetched). */
  heldUploads(): number;
  /** Drops a conversation's transcript (a pending `billcoach/dataDeleted` event is kept). */
  forget(conversationId: string): void;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The bot's "your data is erased" event: the only activity kept when a transcript is forgotten. */
export const isDataDeletedEvent = (activity: StoredActivity): boolean => activity.type === 'event' && activity.name === DATA_DELETED_EVENT;
