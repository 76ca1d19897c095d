import { randomUUID } from 'node:crypto';
import type { ConversationReference } from 'botbuilder';
import type { BotStore } from './types';
import { ETagConflictError, eTagConflict } from './storeCommon';

/**
 * Follow-up reminders, durable in the bot's own storage so they survive restarts and are shared by
 * every instance. They are spread over REMINDER_SHARDS index documents by a hash of their id, so adding
 * one reads and rewrites about 1/32 of them, not all (with one document, 10,000 reminders made every
 * "remind me" rewrite megabytes). Every change is an eTag-checked write of one shard, so two instances
 * can never both claim the same reminder (the loser re-reads and sees it taken). A pass that changes
 * nothing writes nothing, except to keep a shard that holds reminders from looking idle to the purge.
 */
export const REMINDER_INDEX_KEY = 'billcoach/reminders';
export const REMINDER_SHARDS = 32;
const MAX_ATTEMPTS = 5;
const KEEP_SENT_DAYS = 30;
/** Per shard: 32 × 1,000 in all. */
const MAX_REMINDERS_PER_SHARD = 1_000;

/** Shard 0 is the original single index document, so reminders stored before sharding are still found. */
export function reminderShardKey(shard: number): string {
  return shard === 0 ? REMINDER_INDEX_KEY : `${REMINDER_INDEX_KEY}/${shard}`;
}

/** Every index document's key (for tools and tests that look at storage directly). */
export const REMINDER_INDEX_KEYS: readonly string[] = Array.from({ length: REMINDER_SHARDS }, (_, i) => reminderShardKey(i));

export function isReminderIndexKey(key: string): boolean {
  return key === REMINDER_INDEX_KEY || key.startsWith(`${REMINDER_INDEX_KEY}/`);
}

/**
 * FNV-1a with murmur3's final mix (FNV's low bits alone spread similar ids badly): stable across processes
 * and versions, which finding a stored reminder depends on.
 */
export function reminderShardOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return ((hash ^ (hash >>> 16)) >>> 0) % REMINDER_SHARDS;
}

export interface Reminder {
  id: string;
  /** When it is due, ISO UTC. */
  dueAt: string;
  reference: Partial<ConversationReference>;
  /** Whose reminder it is (`channelId/userId`), so "delete my data" can remove it. */
  owner: string;
  /** Values for the reminder's words (the case's name and the follow-up's date). */
  vars: Record<string, string>;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  claimedBy?: string;
  claimedAt?: string;
  sentAt?: string;
}

interface IndexDoc {
  reminders: Reminder[];
  /** When this shard was last written (ISO). */
  touchedAt?: string;
  eTag?: string;
}

/**
 * A shard holding reminders is rewritten at least this often, even with nothing to change: storage purges
 * records idle for DATA_RETENTION_DAYS (one day at the least), and a reminder due later than that must
 * not go with them.
 */
export const REMINDER_REFRESH_MS = 6 * 3_600_000;

function bySoonest(a: Reminder, b: Reminder): number {
  return Date.parse(a.dueAt) - Date.parse(b.dueAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

interface Change<T> {
  items: Reminder[];
  result: T;
  /** False: nothing to write. */
  changed: boolean;
}

export class ReminderStore {
  constructor(private readonly storage: Pick<BotStore, 'read' | 'write' | 'writeNew'>, private readonly now: () => Date = () => new Date()) {}

  /** Read one shard, change, write with the eTag read; on a conflict (another instance wrote first) try again. */
  private async update<T>(key: string, change: (items: Reminder[]) => Change<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const read = await this.storage.read([key]);
      const doc = read[key] as IndexDoc | undefined;
      const { items, result, changed } = change((doc?.reminders ?? []).map((r) => ({ ...r })));
      if (!changed) return result;
      try {
        // No shard yet (first use, or purged after a long idle spell): create it, unless another instance just did.
        if (doc === undefined) {
          if (await this.storage.writeNew(key, { reminders: items, touchedAt: this.now().toISOString() })) return result;
          throw eTagConflict(key);
        }
        await this.storage.write({ [key]: { reminders: items, touchedAt: this.now().toISOString(), eTag: doc.eTag ?? '*' } });
        return result;
      } catch (err) {
        if (attempt >= 20 || !(err instanceof ETagConflictError)) throw err;
      }
    }
  }

  /** Changes the reminder with this id: in its shard, or in shard 0 where reminders stored before sharding are. */
  private async updateById(id: string, change: (r: Reminder) => Reminder): Promise<void> {
    const shards = [...new Set([reminderShardOf(id), 0])];
    for (const shard of shards) {
      const found = await this.update(reminderShardKey(shard), (items) => {
        const at = items.findIndex((r) => r.id === id);
        if (at < 0) return { items, result: false, changed: false };
        const before = items[at] as Reminder;
        const after = change(before);
        const next = [...items];
        next[at] = after;
        return { items: next, result: true, changed: after !== before };
      });
      if (found) return;
    }
  }

  /** Creates shard 0 if there is none (create-only: an index another instance made is kept); the others are made on first use. */
  async init(): Promise<void> {
    await this.storage.writeNew(REMINDER_INDEX_KEY, { reminders: [] });
  }

  /** Adds a reminder, replacing one with the same id. */
  async add(reminder: Omit<Reminder, 'id' | 'status' | 'attempts'> & { id?: string }): Promise<Reminder> {
    const created: Reminder = { ...reminder, id: reminder.id ?? randomUUID(), status: 'pending', attempts: 0 };
    const shard = reminderShardOf(created.id);
    if (shard !== 0) {
      // The same id stored before sharding (shard 0) would otherwise be sent twice.
      await this.update(REMINDER_INDEX_KEY, (items) => {
        const kept = items.filter((r) => r.id !== created.id);
        return { items: kept, result: undefined, changed: kept.length !== items.length };
      });
    }
    return this.update(reminderShardKey(shard), (items) => {
      const kept = items.filter((r) => r.id !== created.id);
      return { items: [...kept, created].slice(-MAX_REMINDERS_PER_SHARD), result: created, changed: true };
    });
  }

  /** Every reminder, soonest due first. */
  async all(): Promise<Reminder[]> {
    const read = await this.storage.read([...REMINDER_INDEX_KEYS]);
    return REMINDER_INDEX_KEYS.flatMap((key) => ((read[key] as IndexDoc | undefined)?.reminders ?? []).map((r) => ({ ...r }))).sort(bySoonest);
  }

  /**
   * Claims up to `limit` reminders that are due (or whose claim lapsed), soonest first, for `instanceId`
   * to send. One read of every shard finds them; only shards with something to claim, with sent
   * reminders old enough to drop, or holding reminders and not written for REMINDER_REFRESH_MS are written.
   */
  async claimDue(instanceId: string, leaseMs: number, limit = 20): Promise<Reminder[]> {
    const now = this.now().getTime();
    const claimable = (r: Reminder): boolean => {
      const lapsed = r.status === 'sending' && Date.parse(r.claimedAt ?? '') < now - leaseMs;
      return (r.status === 'pending' || lapsed) && Date.parse(r.dueAt) <= now;
    };
    const keepSince = now - KEEP_SENT_DAYS * 86_400_000;
    const expired = (r: Reminder): boolean => r.status === 'sent' && Date.parse(r.sentAt ?? r.dueAt) < keepSince;

    const read = await this.storage.read([...REMINDER_INDEX_KEYS]);
    const stored = REMINDER_INDEX_KEYS.map((key) => {
      const doc = read[key] as IndexDoc | undefined;
      const reminders = doc?.reminders ?? [];
      // Not a number (never stamped) counts as stale too.
      const stale = reminders.length > 0 && !(Date.parse(doc?.touchedAt ?? '') > now - REMINDER_REFRESH_MS);
      return { key, reminders, stale };
    });
    const wanted = stored
      .flatMap(({ key, reminders }) => reminders.filter(claimable).map((r) => ({ key, r })))
      .sort((a, b) => bySoonest(a.r, b.r))
      .slice(0, limit);
    const toWrite = stored.filter(({ key, reminders, stale }) => stale || wanted.some((w) => w.key === key) || reminders.some(expired));

    const claimed: Reminder[] = [];
    for (const { key, stale } of toWrite) {
      const ids = new Set(wanted.filter((w) => w.key === key).map((w) => w.r.id));
      const mine = await this.update(key, (items) => {
        const taken: Reminder[] = [];
        const kept = items.filter((r) => !expired(r));
        const next = kept.map((r) => {
          // Checked again: another instance may have claimed it since the first read.
          if (!ids.has(r.id) || !claimable(r)) return r;
          const claim: Reminder = { ...r, status: 'sending', claimedBy: instanceId, claimedAt: new Date(now).toISOString(), attempts: r.attempts + 1 };
          taken.push(claim);
          return claim;
        });
        return { items: next, result: taken, changed: stale || taken.length > 0 || kept.length !== items.length };
      });
      claimed.push(...mine);
    }
    return claimed.sort(bySoonest);
  }

  async markSent(id: string, instanceId: string): Promise<void> {
    await this.updateById(id, (r) => (r.claimedBy === instanceId ? { ...r, status: 'sent', sentAt: this.now().toISOString() } : r));
  }

  /** Sending failed: back to pending for a later try, or given up after a few attempts. */
  async release(id: string, instanceId: string): Promise<void> {
    await this.updateById(id, (r) =>
      r.claimedBy === instanceId ? { ...r, status: r.attempts >= MAX_ATTEMPTS ? 'failed' : 'pending', claimedBy: undefined, claimedAt: undefined } : r,
    );
  }

  /** "Delete my data": every reminder of this user goes, from every shard. */
  async removeOwner(owner: string): Promise<number> {
    return this.removeWhere((r) => r.owner === owner);
  }

  /** "Delete this case": the user's reminders whose id starts with `prefix` go, from every shard. */
  async removeByPrefix(owner: string, prefix: string): Promise<number> {
    return this.removeWhere((r) => r.owner === owner && r.id.startsWith(prefix));
  }

  private async removeWhere(doomed: (r: Reminder) => boolean): Promise<number> {
    let removed = 0;
    for (const key of REMINDER_INDEX_KEYS) {
      removed += await this.update(key, (items) => {
        const kept = items.filter((r) => !doomed(r));
        return { items: kept, result: items.length - kept.length, changed: kept.length !== items.length };
      });
    }
    return removed;
  }
}
