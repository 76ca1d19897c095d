import { Activity, TurnContext } from 'botbuilder';

/** A group chat or a team channel: other people can read everything said here. */
export function isSharedConversation(activity: Partial<Activity>): boolean {
  const type = activity.conversation?.conversationType;
  return type === 'groupChat' || type === 'channel' || (type !== 'personal' && activity.conversation?.isGroup === true);
}

/** True when the message @mentions the bot (Teams only sends group messages that do, but be sure). */
export function mentionsBot(activity: Partial<Activity>): boolean {
  const botId = activity.recipient?.id;
  return TurnContext.getMentions(activity).some((m) => m.mentioned?.id === botId);
}

/** The message text without the "<at>Bill Coach</at>" mention, trimmed. */
export function withoutMention(activity: Partial<Activity>): string {
  return TurnContext.removeRecipientMention(activity)?.trim() ?? activity.text?.trim() ?? '';
}

/** A Teams deep link that opens a personal chat with the bot. */
export function personalChatLink(botId: string): string {
  return `https://teams.microsoft.com/l/chat/0/0?users=28:${encodeURIComponent(botId.replace(/^28:/, ''))}`;
}
