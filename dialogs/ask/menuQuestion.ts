import { Dialog, DialogContext, DialogTurnResult, FoundChoice } from 'botbuilder-dialogs';
import { readAtMenu } from '../../src/domain/faqRouting';
import type { DialogDeps } from '../deps';
import { MENU_VALUES } from '../menu/menuChoices';
import { stepRequests } from './stepRequests';
import { faqReply, suggestionsReply } from './faqReply';

/**
 * A message typed at the main menu (`dc`'s active dialog is the menu prompt). A request for a choice ("step 2",
 * "let's do the payment plan") picks it; anything else of a few words, question or statement ("i was uninsured and
 * the bill is way more than the estimate"), is answered from the FAQ: the answer, the closest questions, or an
 * honest "no reviewed answer", then the menu again. Returns undefined for the menu's own buttons and numbers.
 */
export async function answerAtMenu(dc: DialogContext, deps: Pick<DialogDeps, 'content' | 'faq'>, text: string): Promise<DialogTurnResult | undefined> {
  const { content, faq } = deps;
  const reading = readAtMenu(text, faq, stepRequests(content));
  switch (reading.kind) {
    case 'prompt':
      return undefined;
    case 'menu': {
      const picked: FoundChoice = { value: reading.value, index: (MENU_VALUES as readonly string[]).indexOf(reading.value), score: 1 };
      return dc.endDialog(picked);
    }
    case 'suggestions':
      // The closest questions as buttons; the menu stays open behind them.
      await dc.context.sendActivity(suggestionsReply(content, reading.entries));
      return Dialog.EndOfTurn;
    case 'answer':
      await dc.context.sendActivity(faqReply(content, reading.entry));
      break;
    case 'none':
      await dc.context.sendActivity(content.text('ask.noMatch'));
      break;
  }
  await dc.repromptDialog();
  return Dialog.EndOfTurn;
}
