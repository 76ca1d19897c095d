import { randomBytes } from 'node:crypto';
import NodeCache from 'node-cache';
import { Transcript } from './transcript';

export interface Conversation {
  readonly id: string;
  readonly userId: string;
  /** True once POST /conversations ran (and the bot got its conversationUpdate). */
  started: boolean;
  readonly transcript: Transcript;
  /** Live tokens bound to this conversation, oldest first (capped, so refreshes cannot pile up). */
  tokens: string[];
}

export interface TokenGrant {
  readonly token: string;
  readonly conversationId: string;
  readonly userId: string;
}

export interface ConversationStoreOptions {
  ttlSeconds: number;
  maxConversations: number;
  maxActivitiesPerConversation: number;
}

/** Tokens a conversation may hold at once: the current one plus the two before the last refreshes. */
const MAX_TOKENS_PER_CONVERSATION = 3;
/** node-cache keeps entries in a plain object: prefixing keeps "__proto__" & co. harmless. */
const CONVERSATION_PREFIX = 'c:';
const TOKEN_PREFIX = 't:';

function isConversation(value: unknown): value is Conversation {
  return typeof value === 'object' && value !== null && 'transcript' in value && value.transcript instanceof Transcript;
}

/**
 * Conversations and their tokens, both in node-cache with an idle time to live that every access
 * renews. The number of conversations is capped; tokens are capped per conversation.
 */
export class ConversationStore {
  private readonly conversations: NodeCache;
  private readonly tokens: NodeCache;

  constructor(private readonly options: ConversationStoreOptions) {
    const checkperiod = Math.max(1, Math.min(60, Math.ceil(options.ttlSeconds / 4)));
    const common = { stdTTL: options.ttlSeconds, checkperiod, useClones: false, deleteOnExpire: true };
    this.conversations = new NodeCache(common);
    this.tokens = new NodeCache({ ...common, maxKeys: options.maxConversations * MAX_TOKENS_PER_CONVERSATION });
    this.conversations.on('del', (_key: string, value: unknown) => {
      if (isConversation(value)) this.dispose(value);
    });
  }

  get ttlSeconds(): number {
    return this.options.ttlSeconds;
  }

  count(): number {
    return this.conversations.keys().length;
  }

  /** A new, not yet started conversation with its first token; undefined when the cap is reached. */
  create(userId: string): TokenGrant | undefined {
    if (!this.hasRoom()) return undefined;
    const id = randomBytes(18).toString('base64url');
    const conversation: Conversation = {
      id, userId, started: false, tokens: [],
      transcript: new Transcript(id, this.options.maxActivitiesPerConversation),
    };
    this.conversations.set(CONVERSATION_PREFIX + id, conversation);
    return this.issueToken(conversation);
  }

  /** The conversation (its idle timer renewed), or undefined when unknown or expired. */
  get(conversationId: string): Conversation | undefined {
    const key = CONVERSATION_PREFIX + conversationId;
    const conversation = this.conversations.get<Conversation>(key);
    if (conversation !== undefined) this.conversations.ttl(key);
    return conversation;
  }

  /** What a bearer token grants (its idle timer renewed), or undefined when unknown or expired. */
  resolveToken(token: string): TokenGrant | undefined {
    const key = TOKEN_PREFIX + token;
    const grant = this.tokens.get<TokenGrant>(key);
    if (grant !== undefined) this.tokens.ttl(key);
    return grant;
  }

  /** A fresh token for the conversation; the oldest beyond the per-conversation cap is revoked. */
  issueToken(conversation: Conversation): TokenGrant {
    const grant: TokenGrant = {
      token: randomBytes(32).toString('base64url'),
      conversationId: conversation.id,
      userId: conversation.userId,
    };
    while (conversation.tokens.length >= MAX_TOKENS_PER_CONVERSATION) {
      const oldest = conversation.tokens.shift();
      if (oldest !== undefined) this.tokens.del(TOKEN_PREFIX + oldest);
    }
    this.tokens.set(TOKEN_PREFIX + grant.token, grant);
    conversation.tokens.push(grant.token);
    return grant;
  }

  /** Removes a conversation, its tokens and its transcript (pending long-polls are answered). */
  delete(conversationId: string): void {
    this.conversations.del(CONVERSATION_PREFIX + conversationId);
  }

  /** Answers pending long-polls, forgets everything and stops node-cache's timers. */
  close(): void {
    for (const key of this.conversations.keys()) {
      this.conversations.get<Conversation>(key)?.transcript.releaseAll();
    }
    this.conversations.flushAll();
    this.tokens.flushAll();
    this.conversations.close();
    this.tokens.close();
  }

  private hasRoom(): boolean {
    if (this.count() < this.options.maxConversations) return true;
    // Evict what has expired but not yet been swept by node-cache's check period: has() checks.
    for (const key of this.conversations.keys()) this.conversations.has(key);
    return this.count() < this.options.maxConversations;
  }

  private dispose(conversation: Conversation): void {
    for (const token of conversation.tokens) this.tokens.del(TOKEN_PREFIX + token);
    conversation.tokens = [];
    conversation.transcript.releaseAll();
  }
}
