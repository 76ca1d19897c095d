import { ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { choiceStyle } from '../choiceStyle';
import { undoableConfirmPrompt, yesNoChoices } from '../prompts/confirmPrompt';
import type { DialogDeps } from '../deps';
import { DialogIds } from '../ids';

const CONFIRM_PROMPT = 'data.delete.confirm';
const WATERFALL = 'data.delete.steps';

/** "Delete my data": confirm, then erase every record of the user and end everything. */
export class DeleteDataDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(DialogIds.dataDelete);
    this.addDialog(undoableConfirmPrompt(CONFIRM_PROMPT));
    this.addDialog(new WaterfallDialog(WATERFALL, [this.confirmStep.bind(this), this.eraseStep.bind(this)]));
    this.initialDialogId = WATERFALL;
  }

  private async confirmStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content } = this.deps;
    return step.prompt(CONFIRM_PROMPT, {
      prompt: content.text('deleteData.confirm'),
      retryPrompt: content.text('deleteData.confirmRetry'),
      style: choiceStyle(step.context),
      choices: yesNoChoices(content, 'deleteData'),
    });
  }

  private async eraseStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content, eraseUserData } = this.deps;
    if (step.result !== true) {
      await step.context.sendActivity(content.text('deleteData.kept'));
      return step.endDialog(false);
    }
    await eraseUserData(step.context);
    await step.context.sendActivity(content.text('deleteData.done'));
    return step.cancelAllDialogs(true);
  }
}
