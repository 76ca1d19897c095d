import { ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { escapeMarkdown } from '../../src/cards/markdown';
import { activeCase, removeCase } from '../../src/domain/profile';
import { choiceStyle } from '../choiceStyle';
import { undoableConfirmPrompt, yesNoChoices } from '../prompts/confirmPrompt';
import type { DialogDeps } from '../deps';
import { DialogIds } from '../ids';

const CONFIRM_PROMPT = 'cases.delete.confirm';
const WATERFALL = 'cases.delete.steps';

/** "Delete this case": one bill's case goes (its answers, calls, follow-ups and reminders); the others stay. */
export class DeleteCaseDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(DialogIds.casesDelete);
    this.addDialog(undoableConfirmPrompt(CONFIRM_PROMPT));
    this.addDialog(new WaterfallDialog(WATERFALL, [this.confirmStep.bind(this), this.deleteStep.bind(this)]));
    this.initialDialogId = WATERFALL;
  }

  private async confirmStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content, profiles } = this.deps;
    const current = activeCase(await profiles.get(step.context));
    if (!current) {
      await step.context.sendActivity(content.text('deleteCase.none'));
      return step.endDialog();
    }
    (step.values as { caseId?: string }).caseId = current.id;
    return step.prompt(CONFIRM_PROMPT, {
      prompt: content.text('deleteCase.confirm', { caseLabel: escapeMarkdown(current.label) }),
      retryPrompt: content.text('deleteCase.confirmRetry'),
      style: choiceStyle(step.context),
      choices: yesNoChoices(content, 'deleteCase'),
    });
  }

  private async deleteStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content, profiles, reminders } = this.deps;
    const caseId = (step.values as { caseId?: string }).caseId;
    const profile = await profiles.get(step.context);
    const doomed = profile.cases.find((c) => c.id === caseId);
    if (step.result !== true || !doomed) {
      await step.context.sendActivity(content.text('deleteCase.kept'));
      return step.endDialog(false);
    }
    const { profile: next, active } = removeCase(profile, doomed.id);
    await reminders.cancelCase(step.context, doomed.id);
    await profiles.save(step.context, next);
    const label = escapeMarkdown(doomed.label);
    await step.context.sendActivity(active ? content.text('deleteCase.doneOther', { caseLabel: label, otherLabel: escapeMarkdown(active.label) }) : content.text('deleteCase.done', { caseLabel: label }));
    // Whatever step was open worked on the deleted case: everything ends, and the menu comes back.
    return step.cancelAllDialogs(true);
  }
}
