import { randomUUID } from 'node:crypto';
import type { ConversationReference } from 'botbuilder';
import type { BotStore } from './types';

/**
 * Follow-up reminders, durable in the bot's own storage so they survive restarts and are shared by
 * every instance. One index document holds them all; every change is an eTag-checked write, so two
 * instances can never both claim the same reminder (the loser re-reads and sees it taken).
 */
export const REMINDER_INDEX_KEY = 'billcoach/reminders';
const MAX_ATTEMPTS = 5;
const KEEP_SENT_DAYS = 30;
const MAX_REMINDERS = 10_000;

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
  eTag?: string;
}

export class ReminderStore {
  constructor(private readonly storage: Pick<BotStore, 'read' | 'write' | 'writeNew'>, private readonly now: () => Date = () => new Date()) {}

  /** Read, change, write with the eTag read; on a conflict (another instance wrote first) try again. */
  private async update<T>(change: (items: Reminder[]) => { items: Reminder[]; result: T }): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const read = await this.storage.read([REMINDER_INDEX_KEY]);
      const doc = read[REMINDER_INDEX_KEY] as IndexDoc | undefined;
      const { items, result } = change((doc?.reminders ?? []).map((r) => ({ ...r })));
      try {
        // No index yet (first use, or purged after a long idle spell): create it, unless another instance just did.
        if (doc === undefined) {
          if (await this.storage.writeNew(REMINDER_INDEX_KEY, { reminders: items })) return result;
          throw new Error('Storage: reminder index created by another instance (eTag conflict).');
        }
        await this.storage.write({ [REMINDER_INDEX_KEY]: { reminders: items, eTag: doc.eTag ?? '*' } });
        return result;
      } catch (err) {
        if (attempt >= 20 || !/etag|conflict|precondition/i.test(String((err as Error).message))) throw err;
      }
    }
  }

  /** Creates the empty index if there is none (create-only: an index another instance made is kept). */
  async init(): Promise<void> {
    await this.storage.writeNew(REMINDER_INDEX_KEY, { reminders: [] });
  }

  async add(reminder: Omit<Reminder, 'id' | 'status' | 'attempts'> & { id?: string }): Promise<Reminder> {
    const created: Reminder = { ...reminder, id: reminder.id ?? randomUUID(), status: 'pending', attempts: 0 };
    return this.update((items) => {
      const kept = items.filter((r) => r.id !== created.id);
      return { items: [...kept, created].slice(-MAX_REMINDERS), result: created };
    });
  }

  async all(): Promise<Reminder[]> {
    const read = await this.storage.read([REMINDER_INDEX_KEY]);
    return ((read[REMINDER_INDEX_KEY] as IndexDoc | undefined)?.reminders ?? []).map((r) => ({ ...r }));
  }

  /** Claims up to `limit` reminders that are due (or whose claim lapsed), for `instanceId` to send. */
  async claimDue(instanceId: string, leaseMs: number, limit = 20): Promise<Reminder[]> {
    const now = this.now();
    const keepSince = now.getTime() - KEEP_SENT_DAYS * 86_400_000;
    return this.update((items) => {
      const claimed: Reminder[] = [];
      const next = items
        .filter((r) => !(r.status === 'sent' && Date.parse(r.sentAt ?? r.dueAt) < keepSince))
        .map((r) => {
          const lapsed = r.status === 'sending' && Date.parse(r.claimedAt ?? '') < now.getTime() - leaseMs;
          const due = (r.status === 'pending' || lapsed) && Date.parse(r.dueAt) <= now.getTime();
          if (!due || claimed.length >= limit) return r;
          const mine: Reminder = { ...r, status: 'sending', claimedBy: instanceId, claimedAt: now.toISOString(), attempts: r.attempts + 1 };
          claimed.push(mine);
          return mine;
        });
      return { items: next, result: claimed };
    });
  }

  async markSent(id: string, instanceId: string): Promise<void> {
    await this.update((items) => ({
      items: items.map((r) => (r.id === id && r.claimedBy === instanceId ? { ...r, status: 'sent', sentAt: this.now().toISOString() } : r)),
      result: undefined,
    }));
  }

  /** Sending failed: back to pending for a later try, or given up after a few attempts. */
  async release(id: string, instanceId: string): Promise<void> {
    await this.update((items) => ({
      items: items.map((r) =>
        r.id === id && r.claimedBy === instanceId ? { ...r, status: r.attempts >= MAX_ATTEMPTS ? 'failed' : 'pending', claimedBy: undefined, claimedAt: undefined } : r,
      ),
      result: undefined,
    }));
  }

  /** "Delete my data": every reminder of this user goes. */
  async removeOwner(owner: string): Promise<number> {
    return this.update((items) => {
      const kept = items.filter((r) => r.owner !== owner);
      return { items: kept, result: items.length - kept.length };
    });
  }
}
