import { randomUUID } from 'node:crypto';
import type { CloudAdapter, ConversationReference } from 'botbuilder';
import type { ContentStore } from '../content/contentStore';
import { Logger, hashId } from '../logger';
import type { ReminderStore } from '../storage/reminderStore';

export interface SchedulerOptions {
  store: ReminderStore;
  adapter: CloudAdapter;
  /** The bot's app id ('' in local mode). */
  appId: string;
  content: ContentStore;
  logger: Logger;
  intervalMs: number;
  /** A claim older than this is taken to have died with its instance and is tried again. */
  leaseMs?: number;
}

/**
 * Delivers due follow-up reminders as proactive messages in the user's conversation. Each reminder is
 * claimed (eTag-checked) before it is sent and marked sent after, so it goes out once even when several
 * instances share the storage or one restarts. A send that fails is released and tried again later.
 */
export class ReminderScheduler {
  readonly instanceId = randomUUID();
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(private readonly options: SchedulerOptions) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.tick()
        .then(() => undefined)
        .catch((err: unknown) => this.options.logger.error('reminders.tick_failed', {}, err))
        .finally(() => (this.running = undefined));
    }, this.options.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One pass: claim what is due and send it. Returns how many were sent. */
  async tick(): Promise<number> {
    const { store, adapter, appId, content, logger } = this.options;
    const due = await store.claimDue(this.instanceId, this.options.leaseMs ?? 5 * 60_000);
    let sent = 0;
    for (const reminder of due) {
      try {
        await adapter.continueConversationAsync(appId, reminder.reference as ConversationReference, async (context) => {
          await context.sendActivity(content.text('followUp.reminder', reminder.vars));
        });
        await store.markSent(reminder.id, this.instanceId);
        sent++;
        logger.info('reminders.sent', { conversation: hashId(reminder.reference.conversation?.id), attempt: reminder.attempts });
      } catch (err) {
        logger.warn('reminders.send_failed', { conversation: hashId(reminder.reference.conversation?.id), attempt: reminder.attempts }, err);
        await store.release(reminder.id, this.instanceId);
      }
    }
    return sent;
  }
}
