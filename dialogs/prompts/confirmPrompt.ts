import { ActionTypes } from 'botbuilder';
import { Choice, ConfirmPrompt } from 'botbuilder-dialogs';
import type { ContentStore } from '../../src/content/contentStore';

/**
 * A yes/no question for something that can't be undone: only a clear yes counts. By default the SDK's prompt
 * also takes any number in the message as a pick ("1" = Yes), so "wait 1 minute" or "alert(1)" would say yes.
 */
export function undoableConfirmPrompt(id: string): ConfirmPrompt {
  const confirm = new ConfirmPrompt(id);
  confirm.choiceOptions = { includeNumbers: false };
  return confirm;
}

/** The yes and no buttons, and the words that count as each, from content under `prefix` (`yes`, `no`, `yesWords`, `noWords`). */
export function yesNoChoices(content: ContentStore, prefix: string): Choice[] {
  const button = (key: 'yes' | 'no'): Choice => {
    const title = content.text(`${prefix}.${key}`);
    return { value: title, action: { type: ActionTypes.ImBack, title, value: title }, synonyms: content.list(`${prefix}.${key}Words`) };
  };
  return [button('yes'), button('no')];
}
