import type { JsonObject, StoredActivity } from './types';

export interface ActivitySet {
  activities: StoredActivity[];
  /** Absolute count of activities ever appended, as Direct Line's opaque watermark string. */
  watermark: string;
}

/** Slot of a transcript: `undefined` once the activity was deleted, replaced or forgotten. */
type Slot = StoredActivity | undefined;

/**
 * The activities of one conversation, in order. Watermarks are absolute positions: when the cap
 * drops the oldest slots, `offset` remembers how many went, so clients' watermarks stay valid.
 * Updates re-append the activity under the same id (Web Chat upserts by id), so clients that
 * already read past the original still see the change.
 */
export class Transcript {
  private slots: Slot[] = [];
  private offset = 0;
  private readonly waiters = new Set<() => void>();

  constructor(
    private readonly conversationId: string,
    private readonly maxActivities: number,
  ) {}

  /** Absolute number of activities appended so far. */
  get count(): number {
    return this.offset + this.slots.length;
  }

  /** Stores an activity under a new id (`<conversationId>|<seq padded to 7 digits>`). */
  append(activity: JsonObject & { type: string }, now: Date = new Date()): StoredActivity {
    const id = `${this.conversationId}|${String(this.count).padStart(7, '0')}`;
    const stored: StoredActivity = { ...activity, id, timestamp: now.toISOString() };
    this.push(stored);
    return stored;
  }

  /** Replaces the activity with `id`; false when no such (live) activity is held. */
  replace(id: string, activity: JsonObject & { type: string }): boolean {
    const index = this.indexOf(id);
    const previous = index < 0 ? undefined : this.slots[index];
    if (previous === undefined) return false;
    this.slots[index] = undefined;
    this.push({ ...activity, id, timestamp: previous.timestamp });
    return true;
  }

  /** Hides the activity with `id` from future listings; false when unknown. */
  remove(id: string): boolean {
    const index = this.indexOf(id);
    if (index < 0) return false;
    this.slots[index] = undefined;
    return true;
  }

  /** Drops every held activity except those `keep` accepts; the watermark does not move back. */
  clear(keep: (activity: StoredActivity) => boolean): void {
    this.slots = this.slots.map((slot) => (slot !== undefined && keep(slot) ? slot : undefined));
  }

  /** Activities after `watermark` (an absolute position); older ones may have been dropped. */
  since(watermark: number): ActivitySet {
    const start = Math.max(0, watermark - this.offset);
    const activities = this.slots.slice(start).filter((slot): slot is StoredActivity => slot !== undefined);
    return { activities, watermark: String(this.count) };
  }

  /**
   * Resolves when something is appended after `watermark`, after `ms`, or when released; the
   * returned `cancel` lets a caller whose client went away drop its waiter early.
   */
  waitBeyond(watermark: number, ms: number): { done: Promise<void>; cancel: () => void } {
    if (this.count > watermark) return { done: Promise.resolve(), cancel: () => undefined };
    let finish: () => void = () => undefined;
    const done = new Promise<void>((resolve) => {
      const timer = setTimeout(() => finish(), ms);
      finish = () => {
        clearTimeout(timer);
        this.waiters.delete(finish);
        resolve();
      };
      this.waiters.add(finish);
    });
    return { done, cancel: () => finish() };
  }

  /** Number of long-polls currently waiting (for tests and diagnostics). */
  get waiting(): number {
    return this.waiters.size;
  }

  /** Answers every pending long-poll now (on expiry or shutdown). */
  releaseAll(): void {
    for (const finish of [...this.waiters]) finish();
  }

  private push(activity: StoredActivity): void {
    this.slots.push(activity);
    const excess = this.slots.length - this.maxActivities;
    if (excess > 0) {
      this.slots.splice(0, excess);
      this.offset += excess;
    }
    this.releaseAll();
  }

  private indexOf(id: string): number {
    return this.slots.findIndex((slot) => slot !== undefined && slot.id === id);
  }
}
