import { TurnContext } from 'botbuilder';
import { reminderTime } from '../domain/calendar';
import type { ReminderStore } from '../storage/reminderStore';

// The port is the dialogs' (dialogs/deps.ts): the bot implements it here.
export type { ReminderRequest, ReminderScheduling } from '../../dialogs/deps';
import type { ReminderScheduling } from '../../dialogs/deps';

export function ownerOf(context: TurnContext): string {
  return `${context.activity.channelId}/${context.activity.from?.id ?? ''}`;
}

export function createReminderScheduling(store: ReminderStore, now: () => Date, dueAfterSeconds?: number): ReminderScheduling {
  return {
    async schedule(context, { followUpId, date, vars }) {
      const { rawLocalTimestamp, localTimestamp } = context.activity as { rawLocalTimestamp?: string; localTimestamp?: Date | string };
      const local = typeof rawLocalTimestamp === 'string' ? rawLocalTimestamp : typeof localTimestamp === 'string' ? localTimestamp : undefined;
      const dueAt = dueAfterSeconds !== undefined ? new Date(now().getTime() + dueAfterSeconds * 1000).toISOString() : reminderTime(date, local);
      const reference = TurnContext.getConversationReference(context.activity);
      await store.add({ id: `${ownerOf(context)}|${followUpId}`, dueAt, reference, owner: ownerOf(context), vars });
      return { dueAt };
    },
    async cancelCase(context, caseId) {
      await store.removeByPrefix(ownerOf(context), `${ownerOf(context)}|${caseId}-`);
    },
  };
}
