import type { Activity, Attachment, Middleware, TurnContext } from 'botbuilder';
import { keepTypographerMarks, keepTypographerMarksInCard } from '../cards/markdown';

/** Channels shown by Microsoft's Web Chat (markdown-it with its typographer on); the local page is 'webchat'. */
export const WEB_CHAT_CHANNELS: ReadonlySet<string> = new Set(['webchat', 'directline', 'emulator']);

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** One reply with "(r)", "(c)" and "(tm)" kept as written in its Markdown text and Adaptive Cards. */
export function withTypographerMarksKept(activity: Partial<Activity>): Partial<Activity> {
  const markdown = activity.textFormat === undefined || activity.textFormat === 'markdown';
  const attachments = activity.attachments?.map((a): Attachment => (a.contentType === ADAPTIVE_CARD ? { ...a, content: keepTypographerMarksInCard(a.content) } : a));
  return {
    ...activity,
    ...(markdown && typeof activity.text === 'string' ? { text: keepTypographerMarks(activity.text) } : {}),
    ...(attachments ? { attachments } : {}),
  };
}

/**
 * Every reply on a Web Chat channel, in one place: "501(r)" shows as "501(r)", not "501®" (see
 * keepTypographerMarks). Teams' Markdown has no typographer and other channels render differently, so
 * their replies go out untouched. Registered last, it sees each activity once, as it goes out (merged
 * replies included), proactive reminders too.
 */
export class TypographerMarksMiddleware implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (WEB_CHAT_CHANNELS.has(context.activity.channelId)) {
      context.onSendActivities(async (_ctx, activities, send) => {
        activities.forEach((activity, i) => {
          activities[i] = withTypographerMarksKept(activity);
        });
        return send();
      });
    }
    await next();
  }
}
