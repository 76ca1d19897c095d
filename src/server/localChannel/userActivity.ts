import { z } from 'zod';
import { MAX_JSON_DEPTH, nestedDeeperThan } from '../jsonDepth';
import type { JsonObject } from './types';

export const MAX_TEXT_LENGTH = 10_000;
/** Whole serialized activity; keeps `value`/`channelData`/`attachments` from bloating transcripts. */
export const MAX_ACTIVITY_BYTES = 64 * 1024;

/**
 * What a client may set on its activity. Unknown fields are dropped; `from`, `id`, `conversation`,
 * `recipient`, `serviceUrl`, `channelId` and `timestamp` are always set by the channel.
 */
const clientActivitySchema = z.object({
  type: z.string({ error: 'type must be a string' }).min(1, { error: 'type must not be empty' }).max(64),
  text: z.string().max(MAX_TEXT_LENGTH, { error: `text is longer than ${MAX_TEXT_LENGTH} characters` }).optional(),
  textFormat: z.string().max(32).optional(),
  locale: z.string().max(64).optional(),
  localTimestamp: z.string().max(64).optional(),
  localTimezone: z.string().max(128).optional(),
  name: z.string().max(256).optional(),
  value: z.unknown().optional(),
  attachments: z.array(z.record(z.string(), z.unknown())).max(20).optional(),
  entities: z.array(z.record(z.string(), z.unknown())).max(20).optional(),
  channelData: z.record(z.string(), z.unknown()).optional(),
  replyToId: z.string().max(256).optional(),
});

export type ClientActivity = z.infer<typeof clientActivitySchema>;

export type ParseResult = { ok: true; activity: ClientActivity } | { ok: false; status: 400 | 413; message: string };

/** Validates a posted activity: a JSON object with a string `type`, text within limits. */
export function parseClientActivity(body: unknown): ParseResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, status: 400, message: 'The body must be a JSON activity object.' };
  }
  if (nestedDeeperThan(body, MAX_JSON_DEPTH)) {
    return { ok: false, status: 400, message: `The activity is nested more than ${MAX_JSON_DEPTH} levels deep.` };
  }
  if (Buffer.byteLength(JSON.stringify(body)) > MAX_ACTIVITY_BYTES) {
    return { ok: false, status: 413, message: `The activity is larger than ${MAX_ACTIVITY_BYTES} bytes.` };
  }
  const parsed = clientActivitySchema.safeParse(body);
  if (parsed.success) return { ok: true, activity: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? 'activity' : issue.path.join('.');
  return { ok: false, status: 400, message: `Invalid ${where}: ${issue?.message ?? 'invalid activity'}` };
}

export interface ChannelContext {
  conversationId: string;
  userId: string;
  botId: string;
  channelId: string;
  serviceUrl: string;
}

/** The activity as the channel stores and forwards it: the sender is always the token's user. */
export function toChannelActivity(client: ClientActivity, context: ChannelContext): JsonObject & { type: string } {
  const kept: JsonObject = {};
  for (const [key, value] of Object.entries(client)) if (value !== undefined) kept[key] = value;
  return {
    ...kept,
    type: client.type,
    channelId: context.channelId,
    serviceUrl: context.serviceUrl,
    conversation: { id: context.conversationId },
    from: { id: context.userId, role: 'user' },
    recipient: { id: context.botId, role: 'bot' },
  };
}
