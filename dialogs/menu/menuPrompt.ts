import type { TurnContext } from 'botbuilder';
import type { PromptOptions } from 'botbuilder-dialogs';
import { WholeNumberChoicePrompt } from '../prompts/wholeNumberChoicePrompt';

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

/** The main menu's prompt: whole-number picks, and it can start silently after the case card. */
export class MenuPrompt extends WholeNumberChoicePrompt {
  protected override async onPrompt(context: TurnContext, state: MenuPromptState, options: MenuPromptOptions, isRetry: boolean): Promise<void> {
    if (options.waitSilently === true && !isRetry && state.waited !== true) {
      state.waited = true;
      return;
    }
    await super.onPrompt(context, state, options, isRetry);
  }
}
