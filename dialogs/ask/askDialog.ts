import { ActionTypes, Activity } from 'botbuilder';
import { ComponentDialog, DialogTurnResult, FoundChoice, TextPrompt, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import type { FaqEntry } from '../../src/domain/faq';
import { choiceStyle } from '../choiceStyle';
import type { DialogDeps } from '../deps';
import { DialogIds } from '../ids';
import { faqReply, suggestionsReply } from './faqReply';
import { WholeNumberChoicePrompt } from '../prompts/wholeNumberChoicePrompt';

const FLOW = 'ask.flow';
const QUESTION = 'ask.question';
const AGAIN = 'ask.again';

interface AskOptions {
  /** Shown instead of the plain prompt: the closest questions, or "no reviewed answer". */
  lead?: Partial<Activity>;
}

/** "Ask a question": answers from vetted content, closest questions when unsure, never a guess. */
export class AskDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(DialogIds.ask);
    this.addDialog(new TextPrompt(QUESTION, async (p) => (p.recognized.value ?? '').trim().length >= 2));
    this.addDialog(new WholeNumberChoicePrompt(AGAIN));
    this.addDialog(new WaterfallDialog(FLOW, [this.askStep, this.answerStep, this.againStep].map((s) => s.bind(this))));
    this.initialDialogId = FLOW;
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content } = this.deps;
    const options = (step.options ?? {}) as AskOptions;
    if (!options.lead) await step.context.sendActivity(content.text('ask.intro'));
    return step.prompt(QUESTION, { prompt: options.lead ?? content.text('ask.prompt'), retryPrompt: content.text('ask.retry') });
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content, faq } = this.deps;
    const result = faq.answer(String(step.result));
    if (result.kind === 'suggestions') return step.replaceDialog(FLOW, { lead: suggestionsReply(content, result.entries) } satisfies AskOptions);
    if (result.kind === 'none') return step.replaceDialog(FLOW, { lead: { type: 'message', text: content.text('ask.noMatch') } } satisfies AskOptions);
    await step.context.sendActivity(faqReply(content, result.entry as FaqEntry));
    const choices = (['another', 'menu'] as const).map((value) => {
      const title = content.text(`ask.again.${value}`);
      return { value, action: { type: ActionTypes.ImBack, title, value: title } };
    });
    return step.prompt(AGAIN, { prompt: content.text('ask.again.ask'), retryPrompt: content.text('ask.again.retry'), choices, style: choiceStyle(step.context) });
  }

  private async againStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if ((step.result as FoundChoice).value === 'another') return step.replaceDialog(FLOW, { lead: { type: 'message', text: this.deps.content.text('ask.prompt') } } satisfies AskOptions);
    return step.endDialog();
  }
}
