import { randomUUID } from 'node:crypto';
import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import type { ContentStore } from '../content/contentStore';
import { Logger, hashId } from '../logger';
import type { BotStore } from '../storage/types';
import { StateNotSavedError } from './turnErrors';

/** What the lease needs from the store: create-only, read, eTag-checked write, delete. */
export type LeaseStore = Pick<BotStore, 'writeNew' | 'read' | 'write' | 'delete'>;

export interface TurnLeaseOptions {
  store: LeaseStore;
  logger: Logger;
  content: ContentStore;
  /**
   * A lease not renewed for this long is taken over (its holder crashed). Kept short and renewed
   * while a turn runs, so a crashed instance blocks its conversations for seconds, not minutes.
   */
  ttlMs?: number;
  /** How long a turn waits for the one before it: longer than ttlMs (a crashed holder's lease expires
   * within it), under Teams' 15-second retry. */
  waitMs?: number;
  now?: () => number;
}

interface LeaseDoc {
  owner: string;
  expiresAt: number;
  eTag?: string;
}

const LEASE_PREFIX = 'billcoach/turn-lease/';
const SERIALIZED_TYPES = new Set<string>([ActivityTypes.Message, ActivityTypes.ConversationUpdate, ActivityTypes.Invoke]);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const leaseKeyOf = (channelId: string, conversationId: string): string =>
  `${LEASE_PREFIX}${channelId}/${conversationId}`;

/**
 * One turn at a time per conversation, across every instance sharing the store: a turn first takes
 * the conversation's lease (a create-only record), runs, then gives it back. A second message of the
 * same conversation (a double tap, or a turn routed to another instance) waits its turn instead of
 * writing over the first one's state. A turn that cannot get the lease in time is not run: the user
 * is asked to send it again, and nothing is half-saved.
 */
export class TurnLeaseMiddleware implements Middleware {
  private readonly ttlMs: number;
  private readonly waitMs: number;
  private readonly now: () => number;

  constructor(private readonly options: TurnLeaseOptions) {
    this.ttlMs = options.ttlMs ?? 6_000;
    this.waitMs = options.waitMs ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { type, channelId, conversation } = context.activity;
    if (!SERIALIZED_TYPES.has(type) || !conversation?.id) return next();
    const key = leaseKeyOf(channelId, conversation.id);
    const owner = randomUUID();
    let acquired: boolean;
    try {
      acquired = await this.acquire(key, owner);
    } catch (err) {
      throw new StateNotSavedError(err);
    }
    if (!acquired) {
      this.options.logger.warn('turn.lease_timeout', { channelId, conversation: hashId(conversation.id) });
      if (type === ActivityTypes.Message) await context.sendActivity(this.options.content.text('errors.busy'));
      return;
    }
    const renewal = setInterval(() => {
      this.renew(key, owner).catch((err: unknown) => this.options.logger.warn('turn.lease_renew_failed', { channelId }, err));
    }, this.ttlMs / 3);
    try {
      await next();
    } finally {
      clearInterval(renewal);
      await this.release(key, owner).catch((err: unknown) => this.options.logger.warn('turn.lease_release_failed', { channelId }, err));
    }
  }

  private async acquire(key: string, owner: string): Promise<boolean> {
    const deadline = this.now() + this.waitMs;
    for (let attempt = 0; ; attempt++) {
      const doc: LeaseDoc = { owner, expiresAt: this.now() + this.ttlMs };
      if (await this.options.store.writeNew(key, doc)) return true;
      const held = (await this.options.store.read([key]))[key] as LeaseDoc | undefined;
      if (held && held.expiresAt < this.now() && (await this.takeOver(key, held, doc))) return true;
      if (this.now() >= deadline) return false;
      // 10, 20, 40 … 160 ms with jitter: quick for a double tap, gentle on the store when a turn is slow.
      await sleep(Math.min(160, 10 * 2 ** attempt) * (0.5 + Math.random()));
    }
  }

  /** eTag-checked: of several instances taking over an expired lease, one wins. */
  private async takeOver(key: string, held: LeaseDoc, doc: LeaseDoc): Promise<boolean> {
    try {
      await this.options.store.write({ [key]: { ...doc, eTag: held.eTag } });
      return true;
    } catch {
      return false;
    }
  }

  /** Pushes the expiry on while the turn runs; an eTag-checked write, so a lease taken over stays taken. */
  private async renew(key: string, owner: string): Promise<void> {
    const held = (await this.options.store.read([key]))[key] as LeaseDoc | undefined;
    if (held?.owner !== owner) return;
    await this.options.store.write({ [key]: { owner, expiresAt: this.now() + this.ttlMs, eTag: held.eTag } });
  }

  private async release(key: string, owner: string): Promise<void> {
    const held = (await this.options.store.read([key]))[key] as LeaseDoc | undefined;
    // Someone else holds it only if ours expired and was taken over: then it is theirs to release.
    if (held?.owner === owner) await this.options.store.delete([key]);
  }
}
