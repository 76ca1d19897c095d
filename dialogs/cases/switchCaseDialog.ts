import { ActionTypes } from 'botbuilder';
import { Choice, ComponentDialog, DialogTurnResult, FoundChoice, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { escapeMarkdown } from '../../src/cards/markdown';
import { formatCents } from '../../src/domain/money';
import { activeCase, setActiveCase } from '../../src/domain/profile';
import { choiceStyle } from '../choiceStyle';
import type { DialogDeps } from '../deps';
import { DialogIds } from '../ids';
import { WholeNumberChoicePrompt } from '../prompts/wholeNumberChoicePrompt';

const PICK_PROMPT = 'cases.switch.pick';
const WATERFALL = 'cases.switch.steps';
const NEW_CASE = 'newCase';

/** Lets a user with several bills choose which one the steps work on. */
export class SwitchCaseDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(DialogIds.casesSwitch);
    this.addDialog(new WholeNumberChoicePrompt(PICK_PROMPT));
    this.addDialog(new WaterfallDialog(WATERFALL, [this.pickStep.bind(this), this.applyStep.bind(this)]));
    this.initialDialogId = WATERFALL;
  }

  private async pickStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content, profiles } = this.deps;
    const profile = await profiles.get(step.context);
    const only = activeCase(profile);
    if (profile.cases.length === 0) return step.replaceDialog(DialogIds.casesNew);
    if (profile.cases.length === 1 && only) {
      await step.context.sendActivity(content.text('cases.switchNone', { caseLabel: escapeMarkdown(only.label) }));
      return step.endDialog();
    }
    const choices: Choice[] = profile.cases.map((c) => {
      const balance = c.balanceCents === undefined ? content.text('cases.noBalance') : formatCents(c.balanceCents);
      const title = content.text('cases.choiceLabel', { caseLabel: c.label, balance }).slice(0, 100);
      return { value: c.id, action: { type: ActionTypes.ImBack, title, value: title }, synonyms: [c.label] };
    });
    const newTitle = content.text('cases.newCaseOption');
    choices.push({ value: NEW_CASE, action: { type: ActionTypes.ImBack, title: newTitle, value: newTitle } });
    return step.prompt(PICK_PROMPT, {
      prompt: content.text('cases.switchPrompt'),
      retryPrompt: content.text('cases.switchRetry'),
      choices,
      style: choiceStyle(step.context),
    });
  }

  private async applyStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content, profiles } = this.deps;
    const picked = (step.result as FoundChoice).value;
    if (picked === NEW_CASE) return step.replaceDialog(DialogIds.casesNew);
    const profile = await profiles.update(step.context, (p) => setActiveCase(p, picked));
    const now = activeCase(profile);
    if (now) await step.context.sendActivity(content.text('cases.switched', { caseLabel: escapeMarkdown(now.label) }));
    return step.endDialog(picked);
  }
}
