import type { TurnContext } from 'botbuilder';
import { ListStyle } from 'botbuilder-dialogs';

/** Suggested-action buttons in Web Chat; a card with buttons in Teams, where suggested actions are limited. */
export function choiceStyle(context: TurnContext): ListStyle {
  return context.activity.channelId === 'msteams' ? ListStyle.heroCard : ListStyle.suggestedAction;
}
