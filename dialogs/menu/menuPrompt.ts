import type { TurnContext } from 'botbuilder';
import type { PromptOptions } from 'botbuilder-dialogs';
import type { ContentStore } from '../../src/content/contentStore';
import { WholeNumberChoicePrompt } from '../prompts/wholeNumberChoicePrompt';
import { menuWords } from './menuChoices';

export interface MenuPromptOptions extends PromptOptions {
  /**
   * Wait for the answer without asking first: the message just sent (the case card, with its buttons
   * and suggestions) already asks. A re-prompt later (after help or an answer) shows the menu as usual.
   */
  waitSilently?: boolean;
}

interface MenuPromptState {
  waited?: boolean;
}

/**
 * The main menu's prompt: whole-number picks, and it can start silently after the case card. Its buttons
 * (menuButtons) are in its options; their synonyms come from content when an answer is read (menuWords).
 */
export class MenuPrompt extends WholeNumberChoicePrompt {
  constructor(dialogId: string, content: ContentStore) {
    super(dialogId, undefined, () => menuWords(content));
  }

  protected override async onPrompt(context: TurnContext, state: MenuPromptState, options: MenuPromptOptions, isRetry: boolean): Promise<void> {
    if (options.waitSilently === true && !isRetry && state.waited !== true) {
      state.waited = true;
      return;
    }
    await super.onPrompt(context, state, options, isRetry);
  }
}
